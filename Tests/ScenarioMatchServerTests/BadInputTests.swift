import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: bad input never hurts")
struct BadInputTests {
    static let valid = #"{"id":"Q-1","name":"杭州测试科技有限公司","description":"巡检机器人与红外测温。"}"#

    @Test("Malformed JSON, wrong types, missing fields: 400 naming the field", arguments: [
        ("{", "body"),
        ("not json at all", "body"),
        (#"{"id":"Q-1","name":"n","description":"d""#, "body"),
        ("[]", "body"),
        ("\"a string\"", "body"),
        ("42", "body"),
        ("null", "body"),
        (#"{"name":"n","description":"d"}"#, "id"),
        (#"{"id":"Q-1","description":"d"}"#, "name"),
        (#"{"id":"Q-1","name":"n"}"#, "description"),
        (#"{"id":"Q-1","name":"  ","description":"d"}"#, "name"),
        (#"{"id":5,"name":"n","description":"d"}"#, "id"),
        (#"{"id":"Q 1","name":"n","description":"d"}"#, "id"),
        (#"{"id":"Q-1","name":["n"],"description":"d"}"#, "name"),
        (#"{"id":"Q-1","name":"n","description":{"a":1}}"#, "description"),
        (#"{"id":"Q-1","name":"n","description":"d","industries":[1]}"#, "industries"),
        (#"{"id":"Q-1","name":"n","description":"d","products":{"a":"b"}}"#, "products"),
        (#"{"id":"Q-1","name":"n","description":"d","founded":"去年"}"#, "founded"),
        (#"{"id":"Q-1","name":"n","description":"d","founded":1000}"#, "founded"),
        (#"{"id":"Q-1","name":"n","description":"d","employees":-1}"#, "employees"),
        (#"{"id":"Q-1","name":"n","description":"d","employees":true}"#, "employees"),
        (#"{"id":"Q-1","name":"n","description":"d","patents":1.5}"#, "patents"),
        (#"{"id":"Q-1","name":"n","description":"d","patents":1e300}"#, "patents"),
        (#"{"id":"Q-1","name":"n","description":"d","district":7}"#, "district"),
    ])
    func badProfiles(body: String, field: String) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match", method: .post, headers: ServerFixtures.json, body: ByteBuffer(string: body)) { response in
                try response.expectError(.badRequest, field: field)
            }
        }
    }

    @Test("Invalid UTF-8 is a 400 naming the body, for matching and for writes", arguments: [
        [0xFF, 0xFE, 0x7B, 0x7D] as [UInt8],
        Array(#"{"id":"Q-1","name":""#.utf8) + [0xC3, 0x28] + Array(#"","description":"d"}"#.utf8),
        Array(#"{"id":"Q-1","name":"n","description":""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
        [0xE6, 0x9D],
    ])
    func invalidUTF8(bytes: [UInt8]) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                try response.expectError(.badRequest, field: "body")
            }
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(bytes: bytes)) { response in
                try response.expectError(.badRequest, field: "body")
            }
        }
    }

    @Test("An empty body is a 400 naming the body")
    func emptyBody() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer()) { response in
                try response.expectError(.badRequest, field: "body")
            }
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: " \n\t ")) { response in
                try response.expectError(.badRequest, field: "body")
            }
        }
    }

    @Test("A body over the limit is a 413 naming the body; one just under it is read")
    func oversize() async throws {
        let limit = 4096
        let app = try await buildApplication(ServerFixtures.configuration(maxBodyBytes: limit))
        let padding = String(repeating: "巡", count: (limit - Self.valid.utf8.count) / 3)
        let under = Self.valid.replacingOccurrences(of: "巡检机器人", with: padding)
        #expect(under.utf8.count <= limit)
        let over = Self.valid.replacingOccurrences(of: "巡检机器人", with: padding + String(repeating: "巡", count: 20))
        #expect(over.utf8.count > limit)
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: under)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: over)) { response in
                try response.expectError(.contentTooLarge, field: "body")
            }
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized,
                                     body: ByteBuffer(repeating: UInt8(ascii: " "), count: 10 * limit)) { response in
                try response.expectError(.contentTooLarge, field: "body")
            }
        }
    }

    @Test("The default limit is 1 MiB: a 2 MiB body is refused, live over a socket too")
    func oversizeDefaultLive() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.live) { client in
            try await client.execute(uri: "/v1/match", method: .post,
                                     body: ByteBuffer(repeating: UInt8(ascii: "x"), count: 2 << 20)) { response in
                try response.expectError(.contentTooLarge, field: "body")
            }
            // The server is still there.
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("Deep nesting, huge strings and odd characters are answered, not crashed on")
    func hostileShapes() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let deepObject = #"{"id":"Q-1","name":"n","description":"d","products":"# + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        let nul = #"{"id":"Q-1","name":"n\u0000x","description":"巡检\ud83d\ude00"}"#
        let loneSurrogate = #"{"id":"Q-1","name":"n","description":"\ud800"}"#
        let longText = #"{"id":"Q-1","name":"n","description":""# + String(repeating: "巡检机器人红外测温", count: 30_000) + #""}"#
        try await app.test(.router) { client in
            for body in [deep, deepObject] {
                try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect((400..<500).contains(response.status.code), "\(response.status) for \(body.prefix(60))")
                    let answer = try response.object()
                    #expect(answer["field"] is String)
                }
            }
            try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: loneSurrogate)) { response in
                #expect(response.status == .ok || (400..<500).contains(response.status.code))
            }
            for body in [nul, longText] {
                try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .ok, "\(response.text.prefix(200))")
                }
            }
        }
    }

    @Test("Seeded mutations of a valid profile: every answer is 200 or a JSON 4xx, never a 5xx")
    func mutationFuzz() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        let base = Array(try ServerFixtures.read(ServerFixtures.path("company.json")))
        var rng = SplitMix64(seed: 20_251_123)
        let alphabet = Array(#"{}[]",:0123456789.-etrufalsn\ "#.utf8) + [0x00, 0x80, 0xC3, 0xE6, 0xFF, 0x0A]
        var bodies: [[UInt8]] = []
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                guard !bytes.isEmpty else { break }
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = alphabet.randomElement(using: &rng)!
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(alphabet.randomElement(using: &rng)!, at: i)
                default: bytes = Array(bytes.prefix(i))
                }
            }
            bodies.append(bytes)
        }
        let mutated = bodies
        try await app.test(.router) { client in
            for bytes in mutated {
                try await client.execute(uri: "/v1/match", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                    let code = response.status.code
                    #expect(code == 200 || (400..<500).contains(code), "\(code) for \(String(decoding: bytes, as: UTF8.self).prefix(120))")
                    if code != 200 {
                        let json = try response.object()
                        #expect(json["field"] is String)
                    }
                }
            }
        }
    }
}
