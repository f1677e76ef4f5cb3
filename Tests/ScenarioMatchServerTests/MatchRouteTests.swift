import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: POST /v1/match")
struct MatchRouteTests {
    @Test("A profile gets the contract answer: ranks 1…n, non-increasing scores, reasons, constraints held")
    func contractAnswer() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match", method: .post, headers: ServerFixtures.json,
                                     body: ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = try response.object()
                #expect(json["company_id"] as? String == "FC-1")
                let matches = try #require(json["matches"] as? [[String: Any]])
                #expect(!matches.isEmpty)
                #expect(matches.map { $0["rank"] as? Int } == Array(1...matches.count))
                let scores = matches.compactMap { $0["score"] as? Double }
                #expect(scores.count == matches.count && zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
                #expect(matches.allSatisfy { ($0["reasons"] as? [String])?.isEmpty == false && $0["title"] is String })
                let ids = Set(matches.compactMap { $0["scenario_id"] as? String })
                // Left out: closed (F-05), expired (F-06), other district only (F-07), missing qualification (F-08).
                #expect(ids == ["F-01", "F-02", "F-03", "F-04"])
            }
        }
    }

    @Test("The answer is byte for byte what `scenario-match match` prints for the same profile, catalog and model")
    func sameAsCLI() async throws {
        // A models folder of its own (the package's lexicon, an untrained model written by
        // ModelFile) keeps the test independent of whether Models/ is being retrained.
        let models = ServerFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: models) }
        try FileManager.default.createSymbolicLink(at: models.appendingPathComponent("lexicon"),
                                                   withDestinationURL: ServerFixtures.root.appendingPathComponent("Models/lexicon"))
        let lexicon = try LexiconFile.load(directory: models.appendingPathComponent("lexicon").path)
        try ModelFile.write(.untrained(lexicon: lexicon), to: models.path)
        let model = (try ModelFile.load(from: models.path), lexicon)
        let cli = try ServerFixtures.run(ServerFixtures.binary, [
            "match", "--profile", ServerFixtures.path("company.json"), "--scenarios", ServerFixtures.catalog,
            "--top", "5", "--today", ServerFixtures.today, "--models", models.path,
        ])
        #expect(cli.status == 0, "\(cli.stderr)")
        let app = try await buildApplication(ServerFixtures.configuration(model: model))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match?top=5", method: .post, headers: ServerFixtures.json,
                                     body: ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))) { response in
                #expect(response.status == .ok)
                #expect(response.text == cli.stdout.trimmingCharacters(in: .newlines))
            }
        }
    }

    @Test("?top limits the answer; out of 1…100 or not a number is a 400 naming top", arguments: [
        ("1", 1), ("3", 3), ("100", 4),
    ])
    func top(query: String, expected: Int) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match?top=\(query)", method: .post,
                                     body: ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))) { response in
                #expect(response.status == .ok)
                // Four of the eight fixture scenarios pass the constraints for FC-1.
                let answer = try response.object()
                #expect((answer["matches"] as? [Any])?.count == expected)
            }
        }
    }

    @Test("Bad ?top values", arguments: ["0", "101", "-3", "ten", "1.5", "99999999999999999999"])
    func badTop(query: String) async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/match?top=\(query)", method: .post,
                                     body: ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))) { response in
                try response.expectError(.badRequest, field: "top")
            }
        }
    }

    @Test("District and domain filters keep only matching scenarios, best of them first")
    func filters() async throws {
        let app = try await buildApplication(ServerFixtures.configuration())
        let district = "钱塘区".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        let domain = "低空经济".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
        try await app.test(.router) { client in
            let body = ByteBuffer(data: try ServerFixtures.read(ServerFixtures.path("company.json")))
            try await client.execute(uri: "/v1/match?district=\(district)", method: .post, body: body) { response in
                let matches = try #require(try response.object()["matches"] as? [[String: Any]])
                #expect(matches.map { $0["scenario_id"] as? String } == ["F-02"])
                #expect(matches.first?["rank"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/match?domain=\(domain)&top=10", method: .post, body: body) { response in
                let matches = try #require(try response.object()["matches"] as? [[String: Any]])
                #expect(Set(matches.compactMap { $0["scenario_id"] as? String }) == ["F-03", "F-04"])
            }
        }
    }

    @Test("The filtered path, with a filter that keeps everything, ranks exactly as Matcher.match")
    func filteredPathAgreesWithMatcher() throws {
        let catalog = try RecordFiles.scenarios(path: ServerFixtures.catalog)
        let company = try RecordFiles.profile(path: ServerFixtures.path("company.json"))
        let matcher = Matcher(catalog: catalog)
        let constraints = Constraints(today: ServerFixtures.today, includeClosed: true, includeExpired: true)
        let plain = MatchAnswer(companyID: company.id, matches: matcher.match(company, top: 8, constraints: constraints))
        let filtered = MatchAnswer(companyID: company.id, matches: matcher.match(company, top: 8, constraints: constraints) { _ in true }).matches
        #expect(filtered.map(\.scenarioID) == plain.matches.map(\.scenarioID))
        #expect(filtered.map(\.score) == plain.matches.map(\.score))
        #expect(filtered.map(\.reasons) == plain.matches.map(\.reasons))
    }
}
