import Testing
@testable import ScenarioMatch

@Suite("Ranking")
struct MatcherTests {
    let catalog = try! RecordFiles.scenarios(path: Fixtures.path("catalog.jsonl"))
    let company = try! RecordFiles.profile(path: Fixtures.path("company.json"))
    let rules = Constraints(today: "2026-11-23")

    @Test("The two inspection-robot scenarios rank first for an inspection-robot company, and hard constraints exclude the rest")
    func ranksAndFilters() {
        let matches = Matcher(catalog: catalog).match(company, top: 10, constraints: rules)
        let ids = matches.map(\.scenario.id)
        #expect(Set(ids.prefix(2)) == ["F-01", "F-02"])
        #expect(!ids.contains("F-05"), "closed")
        #expect(!ids.contains("F-06"), "expired")
        #expect(!ids.contains("F-07"), "wrong district")
        #expect(!ids.contains("F-08"), "missing qualification")
        #expect(matches.map(\.rank) == Array(1...matches.count))
        #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test("Reasons name shared terms and the constraints passed")
    func reasons() throws {
        let first = try #require(Matcher(catalog: catalog).match(company, top: 1, constraints: rules).first)
        #expect(first.reasons.contains { $0.hasPrefix("共同关键词：") && $0.contains("巡检") })
        let deadline = try #require(first.scenario.deadline)
        #expect(first.reasons.contains { $0 == "场景开放中，截止 \(deadline)" })
    }

    @Test("Including closed and expired scenarios brings them back")
    func includeFlags() {
        let loose = Constraints(today: "2026-11-23", includeClosed: true, includeExpired: true)
        let ids = Matcher(catalog: catalog).match(company, top: 10, constraints: loose).map(\.scenario.id)
        #expect(ids.contains("F-05") && ids.contains("F-06"))
    }
}
