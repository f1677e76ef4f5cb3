import Hummingbird

/// The page for people at `/`, with its stylesheet and script.
struct WebController<Context: RequestContext> {
    let page: WebPage

    func addRoutes(to router: Router<Context>) {
        router.get("/", use: { _, _ in Self.asset(page.html, type: "text/html; charset=utf-8") })
        router.get("assets/app.css", use: { _, _ in Self.asset(WebPage.stylesheet, type: "text/css; charset=utf-8") })
        router.get("assets/app.js", use: { _, _ in Self.asset(WebPage.script, type: "text/javascript; charset=utf-8") })
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
