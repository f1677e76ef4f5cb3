import Hummingbird

/// `GET /healthz` for load balancers and `GET /metrics` for Prometheus.
struct SystemController<Context: RequestContext> {
    let holder: MatcherHolder
    let metrics: ServiceMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("healthz", use: health)
        router.get("metrics", use: exposition)
    }

    struct Health: Encodable {
        var status: String
        var scenarios: Int
        var generation: Int
        var registry_companies: Int?
    }

    @Sendable func health(_ request: Request, context: Context) async throws -> Response {
        let snapshot = holder.current
        return JSONBody.response(Health(status: "ok", scenarios: snapshot.catalog.count, generation: snapshot.generation,
                                        registry_companies: snapshot.registry?.companies.count))
    }

    @Sendable func exposition(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition(snapshot: holder.current))))
    }
}
