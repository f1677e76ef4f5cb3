import Foundation
import Hummingbird
import ScenarioMatch

/// Every error the API answers with: `{"error": "…", "field": "…"}` and a 4xx status. `field`
/// names the JSON field, query parameter or header at fault, or `body` for the body as a whole.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    public var field: String
    /// Where in a multi-record body (JSONL line or array index, from 1).
    public var record: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String, record: Int? = nil) {
        self.status = status; self.message = message; self.field = field; self.record = record
    }

    static func badRequest(_ message: String, field: String) -> APIError { .init(.badRequest, message, field: field) }

    static func notFound(_ message: String, field: String) -> APIError { .init(.notFound, message, field: field) }

    /// A validation failure from the library; a body-level one (not JSON, not an object) has no field.
    init(_ error: FieldError, record: Int? = nil) {
        self.init(.badRequest, error.message, field: error.field ?? "body", record: record)
    }

    struct Body: Encodable {
        var error: String
        var field: String
        var record: Int?
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(Body(error: message, field: field, record: record), status: status)
    }
}

/// JSON responses: compact, sorted keys, slashes and CJK left as they are.
enum JSONBody {
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, pretty: Bool = false) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail; the fallback keeps the contract anyway.
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"could not encode the answer","field":"body"}"#.utf8)
        return response(data: data, status: status)
    }

    static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
