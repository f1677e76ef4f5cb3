import Foundation
import Testing

@Suite("CLI match")
struct MatchCommandTests {
    @Test("match prints contract JSON: ranks 1..5 and non-increasing scores")
    func contractJSON() throws {
        let r = try Fixtures.run(["match", "--profile", Fixtures.path("company.json"), "--scenarios", Fixtures.path("catalog.jsonl"),
                                  "--top", "5", "--include-closed", "--include-expired", "--today", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["company_id"] as? String == "FC-1")
        let matches = try #require(json["matches"] as? [[String: Any]])
        #expect(matches.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
        let scores = matches.compactMap { $0["score"] as? Double }
        #expect(scores.count == 5 && zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(matches.allSatisfy { $0["scenario_id"] is String && $0["title"] is String && ($0["reasons"] as? [String])?.isEmpty == false })
    }

    @Test("Truncated profile JSON: non-zero exit and one line naming the file")
    func truncated() throws {
        let r = try Fixtures.run(["match", "--profile", Fixtures.path("truncated.json"), "--scenarios", Fixtures.path("catalog.jsonl")])
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("truncated.json:1"))
    }

    @Test("Profile without a name: non-zero exit and one line naming the field")
    func missingName() throws {
        let r = try Fixtures.run(["match", "--profile", Fixtures.path("no-name.json"), "--scenarios", Fixtures.path("catalog.jsonl")])
        #expect(r.status != 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("'name'"))
    }

    @Test("A bad catalog line: non-zero exit naming file, line and field")
    func badCatalog() throws {
        let r = try Fixtures.run(["match", "--profile", Fixtures.path("company.json"), "--scenarios", Fixtures.path("bad-catalog.jsonl")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad-catalog.jsonl:3: field 'budget_wan'"))
    }
}
