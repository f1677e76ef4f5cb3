import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Model")
struct RecordTests {
    func fields(_ json: String) throws -> JSONFields { try JSONFields(jsonText: Data(json.utf8)) }

    @Test("A full scenario decodes every contract field")
    func scenarioDecodes() throws {
        let s = try Scenario(fields: fields("""
        {"id":"S-1","title":"变电站巡检","description":"无人值守","publisher":"某供电公司","district":"余杭区","domains":["人形机器人"],
         "requirements":["测温"],"kind":"应用示范","budget_wan":120.5,"qualifications":["高新技术企业"],
         "eligible_districts":["余杭区","临平区"],"published":"2026-03-01","deadline":"2027-06-30","status":"closed"}
        """))
        #expect(s.id == "S-1" && s.budgetWan == 120.5 && s.status == .closed)
        #expect(s.eligibleDistricts == ["余杭区", "临平区"] && s.deadline == "2027-06-30")
    }

    @Test("Each kind of bad field is refused with the field named", arguments: [
        (#"{"id":"S 1","title":"t","description":"d"}"#, "id"),
        (#"{"id":"S1","description":"d"}"#, "title"),
        (#"{"id":"S1","title":"t","description":"d","budget_wan":-3}"#, "budget_wan"),
        (#"{"id":"S1","title":"t","description":"d","budget_wan":true}"#, "budget_wan"),
        (#"{"id":"S1","title":"t","description":"d","deadline":"2027-02-30"}"#, "deadline"),
        (#"{"id":"S1","title":"t","description":"d","status":"paused"}"#, "status"),
        (#"{"id":"S1","title":"t","description":"d","domains":[1,2]}"#, "domains"),
    ])
    func badScenarioField(json: String, field: String) throws {
        let f = try fields(json)
        #expect(throws: FieldError.self) { try Scenario(fields: f) }
        do { _ = try Scenario(fields: f) } catch { #expect(error.field == field) }
    }

    @Test("A company without a name names the field 'name'")
    func companyMissingName() throws {
        let f = try fields(#"{"id":"C1","description":"d"}"#)
        do { _ = try Company(fields: f); Issue.record("accepted a company without a name") } catch { #expect(error.field == "name") }
    }

    @Test("Company integers must be whole and non-negative")
    func companyIntegers() throws {
        #expect(throws: FieldError.self) { try Company(fields: fields(#"{"id":"C1","name":"n","description":"d","employees":1.5}"#)) }
        #expect(throws: FieldError.self) { try Company(fields: fields(#"{"id":"C1","name":"n","description":"d","patents":-1}"#)) }
        let c = try Company(fields: fields(#"{"id":"C1","name":"n","description":"d","employees":12,"qualifications":"高新技术企业；专精特新中小企业"}"#))
        #expect(c.employees == 12 && c.qualifications == ["高新技术企业", "专精特新中小企业"])
    }

    @Test("Truncated JSON is refused")
    func truncated() {
        #expect(throws: FieldError.self) { try JSONFields(jsonText: Data(#"{"id":"C1","name":"#.utf8)) }
    }

    @Test("Dates are checked on the calendar")
    func dates() {
        #expect(DateText.isValid("2028-02-29") && !DateText.isValid("2027-02-29") && !DateText.isValid("2027-1-01"))
    }
}
