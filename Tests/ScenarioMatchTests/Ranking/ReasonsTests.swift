import Testing
@testable import ScenarioMatch

@Suite("Reasons: concepts")
struct ReasonsTests {
    static let lexicon = try! Lexicon(concepts: [
        Lexicon.Concept(id: "dog", label: "四足机器人", kind: .product, domains: ["人形机器人"], forms: ["机器狗"], serves: ["sub", "care"]),
        Lexicon.Concept(id: "sub", label: "变电站巡检", kind: .application, domains: ["先进能源"], forms: ["变电站巡视"]),
        Lexicon.Concept(id: "care", label: "陪伴照护", kind: .application, domains: ["医疗器械"], forms: ["陪伴机器人"]),
    ])

    func concepts(company: String, scenario: String, linkWeight: Float) -> [String] {
        var model = HybridModel.untrained(lexicon: Self.lexicon, linkWeight: linkWeight)
        model.weights = BlockWeights([.lexical: 1, .concept: 1])
        let s = Scenario(id: "S", title: scenario, description: "")
        let encoder = HybridEncoder(model: model, lexicon: Self.lexicon, catalog: [s])
        let c = encoder.encode(Company(id: "C", name: "c", description: company))
        return Reasons.conceptLinks(c, encoder.encode(s), encoder: encoder, limit: 5)
    }

    @Test("A concept reached through a link is shown as product → application, at any link weight, and only what the scenario names")
    func linkedConcepts() {
        for w: Float in [0.3, 1.0] {
            // Both sides' expansions reach 陪伴照护, but the scenario never names it.
            #expect(concepts(company: "机器狗", scenario: "变电站巡视", linkWeight: w) == ["四足机器人 → 变电站巡检"], "link weight \(w)")
            #expect(concepts(company: "机器狗", scenario: "机器狗开展变电站巡视", linkWeight: w).sorted() == ["四足机器人", "四足机器人 → 变电站巡检"].sorted())
            #expect(concepts(company: "变电站巡视服务", scenario: "变电站巡视", linkWeight: w) == ["变电站巡检"])
            #expect(concepts(company: "陪伴机器人", scenario: "变电站巡视", linkWeight: w).isEmpty)
        }
    }
}
