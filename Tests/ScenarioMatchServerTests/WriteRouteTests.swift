import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: writes and the bearer token")
struct WriteRouteTests {
    static let newScenario = #"""
    {"id":"NEW-1","title":"水务泵站无人巡检","description":"城西水务泵站需要四足巡检机器人夜间巡视，红外热成像测温并识别表计读数。","district":"余杭区","domains":["人形机器人"],"requirements":["四足巡检机器人","表计读数识别"],"deadline":"2027-10-01"}
    """#

    static var profile: ByteBuffer {
        get throws { ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json"))) }
    }

    static func matchedIDs(_ client: some TestClientProtocol, query: String = "top=10") async throws -> [String] {
        try await client.execute(uri: "/v1/match?\(query)", method: .post, body: try profile) { response in
            #expect(response.status == .ok)
            return (try response.object()["matches"] as? [[String: Any]] ?? []).compactMap { $0["scenario_id"] as? String }
        }
    }

    @Test("POST and PATCH without, or with a wrong, token are JSON 401s and change nothing", arguments: [
        nil, "Bearer wrong-token-000000", "Basic dXNlcjpwYXNz", "Bearer", "bearer  \(ServerFixtures.token)x",
    ])
    func unauthorized(authorization: String?) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        var fields: HTTPFields = [.contentType: "application/json"]
        if let authorization { fields[.authorization] = authorization }
        let headers = fields
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: headers, body: ByteBuffer(string: Self.newScenario)) { response in
                try response.expectError(.unauthorized, field: "Authorization")
            }
            try await client.execute(uri: "/v1/scenarios/F-01", method: .patch, headers: headers, body: ByteBuffer(string: #"{"status":"closed"}"#)) { response in
                try response.expectError(.unauthorized, field: "Authorization")
            }
            try await client.execute(uri: "/v1/scenarios/NEW-1", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/v1/scenarios/F-01", method: .get) { response in
                let answer = try response.object()
                #expect(answer["status"] as? String == "open")
            }
        }
    }

    @Test("A server started without a token refuses every write with 401")
    func noTokenConfigured() async throws {
        let app = try await buildApplication(ServerFixtures.configuration(token: nil))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: Self.newScenario)) { response in
                try response.expectError(.unauthorized, field: "Authorization")
            }
        }
    }

    @Test("A POSTed scenario is matched by the very next request, without a restart")
    func postedScenarioIsMatched() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            #expect(try await !Self.matchedIDs(client).contains("NEW-1"))
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: Self.newScenario)) { response in
                #expect(response.status == .created)
                let json = try response.object()
                #expect(json["inserted"] as? Int == 1 && json["updated"] as? Int == 0 && json["total"] as? Int == 9)
                #expect(json["ids"] as? [String] == ["NEW-1"])
            }
            let ids = try await Self.matchedIDs(client)
            #expect(ids.first == "NEW-1" || ids.prefix(2).contains("NEW-1"), "\(ids)")
            try await client.execute(uri: "/healthz", method: .get) { response in
                let json = try response.object()
                #expect(json["scenarios"] as? Int == 9 && json["generation"] as? Int == 1)
            }
        }
    }

    @Test("An empty catalog answers an empty match list, and the first POST fills it")
    func emptyCatalog() async throws {
        let dir = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.jsonl").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let app = try await buildApplication(ServerFixtures.configuration(seed: empty, companies: ServerFixtures.companies))
        try await app.test(.router) { client in
            #expect(try await Self.matchedIDs(client).isEmpty)
            try await client.execute(uri: "/v1/scenarios", method: .get) { response in
                let answer = try response.object()
                #expect(answer["total"] as? Int == 0)
            }
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: Self.newScenario)) { response in
                #expect(response.status == .created)
            }
            #expect(try await Self.matchedIDs(client) == ["NEW-1"])
            try await client.execute(uri: "/v1/scenarios/NEW-1/companies?top=1", method: .get) { response in
                let answer = try response.object()
                #expect((answer["companies"] as? [[String: Any]])?.first?["company_id"] as? String == "RC-1")
            }
        }
    }

    @Test("POST takes a JSON array and JSONL; an upsert of a known id replaces it in place")
    func arrayJSONLAndUpsert() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        let array = #"[{"id":"A-1","title":"甲","description":"场景甲"},{"id":"A-2","title":"乙","description":"场景乙","district":"余杭区"}]"#
        let jsonl = "{\"id\":\"L-1\",\"title\":\"丙\",\"description\":\"场景丙\"}\n\n{\"id\":\"F-02\",\"title\":\"综合管廊智能巡检（更新）\",\"description\":\"更新后的描述\"}\n"
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: array)) { response in
                #expect(response.status == .created)
                let answer = try response.object()
                #expect(answer["inserted"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: jsonl)) { response in
                let json = try response.object()
                #expect(json["inserted"] as? Int == 1 && json["updated"] as? Int == 1 && json["total"] as? Int == 11)
            }
            // Replaced, and kept in its place.
            try await client.execute(uri: "/v1/scenarios?per_page=3", method: .get) { response in
                let items = try #require(try response.object()["items"] as? [[String: Any]])
                #expect(items[1]["id"] as? String == "F-02" && items[1]["title"] as? String == "综合管廊智能巡检（更新）")
                #expect(items[1]["district"] == nil)
            }
            // A pretty-printed single object spans lines but is one scenario.
            let pretty = "{\n  \"id\": \"P-1\",\n  \"title\": \"丁\",\n  \"description\": \"场景丁\"\n}\n"
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: pretty)) { response in
                let answer = try response.object()
                #expect(answer["ids"] as? [String] == ["P-1"])
            }
        }
    }

    @Test("Invalid scenarios are 400s naming the field and the record; nothing is written", arguments: [
        (#"{"id":"X-1","title":"t"}"#, "description", nil),
        (#"{"id":"bad id!","title":"t","description":"d"}"#, "id", nil),
        (#"[{"id":"X-1","title":"t","description":"d"},{"id":"X-2","title":"t","description":"d","budget_wan":"很多"}]"#, "budget_wan", 2),
        ("{\"id\":\"X-1\",\"title\":\"t\",\"description\":\"d\"}\n{\"id\":\"X-2\",\"title\":\"t\",\"description\":\"d\",\"deadline\":\"2027-13-01\"}", "deadline", 2),
        (#"[{"id":"X-1","title":"t","description":"d"},{"id":"X-1","title":"t","description":"d"}]"#, "id", 2),
        (#"[{"id":"X-1","title":"t","description":"d"}, 5]"#, "body", 2),
        (#"{"id":"X-1","title":"t","description":"d","status":"paused"}"#, "status", nil),
        (#"{"id":"X-1","title":"t","description":"d","domains":[1,2]}"#, "domains", nil),
        ("[]", "body", nil),
        ("[{\"id\":", "body", nil),
    ] as [(String, String, Int?)])
    func invalidScenarios(body: String, field: String, record: Int?) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: body)) { response in
                try response.expectError(.badRequest, field: field)
                let answer = try response.object()
                #expect(answer["record"] as? Int == record)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let answer = try response.object()
                #expect(answer["scenarios"] as? Int == 8)
            }
        }
    }

    @Test("PATCH closes a scenario (it leaves the matches), reopens it, and sets or clears the deadline")
    func patch() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            #expect(try await Self.matchedIDs(client).contains("F-01"))
            try await client.execute(uri: "/v1/scenarios/F-01", method: .patch, headers: ServerFixtures.authorized, body: ByteBuffer(string: #"{"status":"closed"}"#)) { response in
                #expect(response.status == .ok)
                let answer = try response.object()
                #expect(answer["status"] as? String == "closed")
            }
            #expect(try await !Self.matchedIDs(client).contains("F-01"))
            try await client.execute(uri: "/v1/scenarios/F-01", method: .patch, headers: ServerFixtures.authorized,
                                     body: ByteBuffer(string: #"{"status":"open","deadline":"2025-01-01"}"#)) { response in
                let json = try response.object()
                #expect(json["status"] as? String == "open" && json["deadline"] as? String == "2025-01-01")
            }
            // Now expired.
            #expect(try await !Self.matchedIDs(client).contains("F-01"))
            try await client.execute(uri: "/v1/scenarios/F-01", method: .patch, headers: ServerFixtures.authorized, body: ByteBuffer(string: #"{"deadline":null}"#)) { response in
                let answer = try response.object()
                #expect(answer["deadline"] == nil)
            }
            #expect(try await Self.matchedIDs(client).contains("F-01"))
        }
    }

    @Test("Bad PATCH bodies are 400s naming the field; an unknown id is a 404", arguments: [
        (#"{"title":"新标题"}"#, "title"), (#"{"status":"paused"}"#, "status"), (#"{"status":1}"#, "status"),
        (#"{"deadline":"明天"}"#, "deadline"), (#"{}"#, "body"), (#"[1]"#, "body"), (#"{"status":"closed""#, "body"),
    ])
    func badPatch(body: String, field: String) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios/F-01", method: .patch, headers: ServerFixtures.authorized, body: ByteBuffer(string: body)) { response in
                try response.expectError(.badRequest, field: field)
            }
            try await client.execute(uri: "/v1/scenarios/NOPE", method: .patch, headers: ServerFixtures.authorized, body: ByteBuffer(string: #"{"status":"closed"}"#)) { response in
                try response.expectError(.notFound, field: "id")
            }
        }
    }

    @Test("Concurrent writes and matches: every write is visible when its answer arrives, no request fails")
    func concurrentWritesAndReads() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<12 {
                    group.addTask {
                        let body = #"{"id":"C-\#(i)","title":"并发场景\#(i)","description":"巡检机器人红外测温场景\#(i)"}"#
                        try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized, body: ByteBuffer(string: body)) { response in
                            #expect(response.status == .created)
                        }
                        try await client.execute(uri: "/v1/match?top=100", method: .post, body: try Self.profile) { response in
                            #expect(response.status == .ok)
                            let ids = (try response.object()["matches"] as? [[String: Any]] ?? []).compactMap { $0["scenario_id"] as? String }
                            #expect(ids.contains("C-\(i)"), "write C-\(i) not visible after its answer")
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                let answer = try response.object()
                #expect(answer["scenarios"] as? Int == 20)
            }
        }
    }
}
