import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: SQLite persistence")
struct PersistenceTests {
    @Test("Writes survive a restart; a non-empty database is not seeded again")
    func survivesRestart() async throws {
        let dir = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = dir.appendingPathComponent("catalog.sqlite").path
        let first = try await buildApplication(ServerFixtures.configuration(storage: .sqlite(path: database)))
        try await first.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios", method: .post, headers: ServerFixtures.authorized,
                                     body: ByteBuffer(string: WriteRouteTests.newScenario)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/v1/scenarios/F-03", method: .patch, headers: ServerFixtures.authorized,
                                     body: ByteBuffer(string: #"{"status":"closed"}"#)) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(FileManager.default.fileExists(atPath: database))

        // The second start names another seed file: it must not be read, the database has data.
        let otherSeed = dir.appendingPathComponent("other.jsonl").path
        try Data(#"{"id":"OTHER-1","title":"t","description":"d"}"#.utf8).write(to: URL(fileURLWithPath: otherSeed))
        let second = try await buildApplication(ServerFixtures.configuration(storage: .sqlite(path: database), seed: otherSeed))
        try await second.test(.router) { client in
            try await client.execute(uri: "/v1/scenarios?per_page=100", method: .get) { response in
                let json = try response.object()
                #expect(json["total"] as? Int == 9)
                let ids = (json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(ids == (1...8).map { "F-0\($0)" } + ["NEW-1"])
            }
            try await client.execute(uri: "/v1/scenarios/F-03", method: .get) { response in
                let answer = try response.object()
                #expect(answer["status"] as? String == "closed")
            }
            try await client.execute(uri: "/v1/match", method: .post,
                                     body: ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))) { response in
                let ids = (try response.object()["matches"] as? [[String: Any]] ?? []).compactMap { $0["scenario_id"] as? String }
                #expect(ids.contains("NEW-1"))
            }
        }
    }

    @Test("A bad seed file stops the start with an error naming file, line and field")
    func badSeed() async throws {
        let dir = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = dir.appendingPathComponent("bad.jsonl").path
        try Data("{\"id\":\"B-1\",\"title\":\"t\",\"description\":\"d\"}\n{\"id\":\"B-2\",\"title\":\"t\"}\n".utf8).write(to: URL(fileURLWithPath: seed))
        await #expect(throws: InputError(file: seed, line: 2, field: "description", message: "missing required field")) {
            _ = try await buildApplication(ServerFixtures.configuration(storage: .sqlite(path: dir.appendingPathComponent("db.sqlite").path), seed: seed))
        }
    }
}

/// Both repositories answer alike; the tests run once per implementation.
@Suite("Server: catalog repositories")
struct RepositoryTests {
    enum Kind: String, CaseIterable, Sendable { case memory, sqlite }

    static func make(_ kind: Kind) throws -> any CatalogRepository {
        switch kind {
        case .memory: return InMemoryCatalogRepository()
        case .sqlite: return try SQLiteCatalogRepository(path: ServerFixtures.temporaryDirectory().appendingPathComponent("r.sqlite").path)
        }
    }

    @Test("Upsert counts, order, lookups, filters and paging", arguments: Kind.allCases)
    func behaviour(kind: Kind) async throws {
        let repository = try Self.make(kind)
        let catalog = try RecordFiles.scenarios(path: ServerFixtures.catalog)
        #expect(try await repository.count() == 0)
        #expect(try await repository.upsert(catalog) == UpsertSummary(inserted: 8, updated: 0))
        #expect(try await repository.all() == catalog)
        var changed = catalog[2]
        changed.title = "改过的标题"
        changed.domains = ["低空经济", "智慧城市"]
        let added = Scenario(id: "Z-1", title: "新", description: "新场景", district: "余杭区", domains: ["智慧城市"])
        #expect(try await repository.upsert([changed, added]) == UpsertSummary(inserted: 1, updated: 1))
        #expect(try await repository.all().map(\.id) == catalog.map(\.id) + ["Z-1"])
        #expect(try await repository.scenario(id: "F-03") == changed)
        #expect(try await repository.scenario(id: "none") == nil)

        let city = try await repository.list(ScenarioFilter(domain: "智慧城市"), page: 1, perPage: 10)
        #expect(city.items.map(\.id) == ["F-03", "Z-1"] && city.total == 2)
        let yuhang = try await repository.list(ScenarioFilter(district: "余杭区"), page: 1, perPage: 1)
        #expect(yuhang.items.map(\.id) == ["F-01"] && yuhang.total == 2)
        let page2 = try await repository.list(ScenarioFilter(district: "余杭区"), page: 2, perPage: 1)
        #expect(page2.items.map(\.id) == ["Z-1"])
        let closed = try await repository.list(ScenarioFilter(status: .closed), page: 1, perPage: 10)
        #expect(closed.items.map(\.id) == ["F-05"])

        let updated = try await repository.update(id: "F-01", status: .closed, deadline: .some(nil))
        #expect(updated?.status == .closed && updated?.deadline == nil)
        #expect(try await repository.scenario(id: "F-01") == updated)
        #expect(try await repository.list(ScenarioFilter(status: .closed), page: 1, perPage: 10).items.map(\.id) == ["F-01", "F-05"])
        #expect(try await repository.update(id: "F-02", status: nil, deadline: "2030-01-01")?.deadline == "2030-01-01")
        #expect(try await repository.update(id: "none", status: .open, deadline: nil) == nil)
    }

    @Test("A scenario read back from SQLite equals the one written, every field")
    func roundTrip() async throws {
        let repository = try Self.make(.sqlite)
        let full = Scenario(id: "R.1_x-2", title: "标题 \"引号\" / 斜杠", description: "描述\n第二行", publisher: "某局", district: "临安区",
                            domains: ["量子科技"], requirements: ["a", "b"], kind: "首购首用", budgetWan: 12.5,
                            qualifications: ["高新技术企业"], eligibleDistricts: ["临安区", "富阳区"], published: "2026-01-02",
                            deadline: "2026-12-31", status: .closed)
        _ = try await repository.upsert([full])
        #expect(try await repository.scenario(id: full.id) == full)
    }
}
