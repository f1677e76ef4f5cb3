import Foundation
import Hummingbird
import Logging

/// Turns every error into the API's JSON error shape, so that even the router's own 404 and
/// 405, and anything unforeseen, answer `{"error": …, "field": …}`. Only an error that is not
/// the client's (say, the database failing) becomes a 500, and it is logged.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message = switch error.status {
            case .notFound: "no route for \(request.method) \(request.uri.path)"
            case .methodNotAllowed: "method \(request.method) is not allowed on \(request.uri.path)"
            case .contentTooLarge: "request body is too large"
            default: (error as? HTTPError)?.body ?? error.status.reasonPhrase
            }
            return try APIError(error.status, message, field: error.status == .contentTooLarge ? "body" : "path")
                .response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error: \(String(reflecting: error))")
            return try APIError(.internalServerError, "internal error", field: "server").response(from: request, context: context)
        }
    }
}

/// Writing routes need `Authorization: Bearer TOKEN`; the comparison takes the same time
/// wherever the first difference is.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else {
            throw APIError(.unauthorized, "writes are disabled: the server was started without --token or SCENARIO_MATCH_TOKEN", field: "Authorization")
        }
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "missing Authorization: Bearer token", field: "Authorization")
        }
        let prefix = "Bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix("bearer "),
              Self.constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8)) else {
            throw APIError(.unauthorized, "wrong bearer token", field: "Authorization")
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
