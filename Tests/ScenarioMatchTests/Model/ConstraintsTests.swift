import Testing
@testable import ScenarioMatch

@Suite("Constraints")
struct ConstraintsTests {
    let company = Company(id: "C", name: "n", description: "d", district: "余杭区", qualifications: ["高新技术企业"])
    let rules = Constraints(today: "2026-11-23")

    func scenario(_ edit: (inout Scenario) -> Void) -> Scenario {
        var s = Scenario(id: "S", title: "t", description: "d")
        edit(&s)
        return s
    }

    @Test("Each hard constraint excludes on its own")
    func each() {
        #expect(rules.verdict(company: company, scenario: scenario { _ in }) == .passed)
        #expect(rules.verdict(company: company, scenario: scenario { $0.status = .closed }) == .closed)
        #expect(rules.verdict(company: company, scenario: scenario { $0.deadline = "2026-11-22" }) == .expired(deadline: "2026-11-22"))
        #expect(rules.verdict(company: company, scenario: scenario { $0.deadline = "2026-11-23" }) == .passed)
        #expect(rules.verdict(company: company, scenario: scenario { $0.eligibleDistricts = ["滨江区"] }) == .wrongDistrict(allowed: ["滨江区"]))
        #expect(rules.verdict(company: company, scenario: scenario { $0.eligibleDistricts = ["滨江区", "余杭区"] }) == .passed)
        #expect(rules.verdict(company: company, scenario: scenario { $0.qualifications = ["高新技术企业", "专精特新小巨人"] }) == .missingQualifications(["专精特新小巨人"]))
    }

    @Test("A company with no district cannot answer a district-restricted scenario")
    func noDistrict() {
        var c = company
        c.district = nil
        #expect(rules.verdict(company: c, scenario: scenario { $0.eligibleDistricts = ["余杭区"] }) != .passed)
    }

    @Test("Flags let closed and expired scenarios through")
    func flags() {
        let loose = Constraints(today: "2026-11-23", includeClosed: true, includeExpired: true)
        #expect(loose.verdict(company: company, scenario: scenario { $0.status = .closed; $0.deadline = "2024-01-01" }) == .passed)
    }
}
