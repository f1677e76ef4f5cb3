import Foundation
import Hummingbird
import ScenarioMatch

extension Request {
    /// The whole body, at most `limit` bytes, checked to be UTF-8. A larger body is refused
    /// before it is read when Content-Length says so, and as soon as it passes the limit otherwise.
    func utf8Body(limit: Int) async throws -> Data {
        let tooLarge = APIError(.contentTooLarge, "request body is larger than \(limit) bytes", field: "body")
        if let declared = headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw tooLarge }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
        let data = Data(buffer.readableBytesView)
        guard data.contains(where: { !Self.isJSONWhitespace($0) }) else {
            throw APIError.badRequest("request body is empty", field: "body")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw APIError.badRequest("request body is not valid UTF-8", field: "body")
        }
        return data
    }

    static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A query parameter as text; absent or empty is nil.
    func query(_ name: String) -> String? {
        guard let value = uri.queryParameters.get(name), !value.isEmpty else { return nil }
        return value
    }

    /// An integer query parameter within `range`, or `fallback` when absent.
    func integerQuery(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = query(name) else { return fallback }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw APIError.badRequest("expected an integer from \(range.lowerBound) to \(range.upperBound), got '\(text.prefix(40))'", field: name)
        }
        return value
    }
}
