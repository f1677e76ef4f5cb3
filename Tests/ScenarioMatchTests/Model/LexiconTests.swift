import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Lexicon")
struct LexiconTests {
    let concepts = [
        Lexicon.Concept(id: "quadruped", label: "四足机器人", kind: .product, domains: ["人形机器人"], forms: ["机器狗", "quadruped"], serves: ["substation"]),
        Lexicon.Concept(id: "substation", label: "变电站巡检", kind: .application, domains: ["先进能源"], forms: ["变电站巡视", "无人值守巡视"]),
        Lexicon.Concept(id: "scope", label: "技术服务", kind: .generic, forms: ["技术开发"]),
    ]

    @Test("Longest match wins, Latin forms need word boundaries, generic spans are removed before n-grams")
    func matching() throws {
        let lexicon = try Lexicon(concepts: concepts)
        let t = Tokenizer(lexicon: lexicon)
        #expect(t.analyze("我们的机器狗可做变电站巡视").concepts == ["quadruped", "substation"])
        #expect(t.analyze("Quadruped robots").concepts == ["quadruped"])
        #expect(t.analyze("quadrupeds").concepts.isEmpty)
        let scope = t.analyze("技术服务、技术开发；无人机")
        #expect(!scope.ngrams.contains("技术") && scope.ngrams.contains("无人"))
    }

    @Test("Duplicate forms, duplicate ids and dangling links are refused")
    func validation() {
        var dup = concepts
        dup[1].forms.append("机器狗")
        #expect(throws: Lexicon.Failure.duplicateForm(form: "机器狗", first: "quadruped", second: "substation")) { try Lexicon(concepts: dup) }
        var dangling = concepts
        dangling[0].serves = ["nowhere"]
        #expect(throws: Lexicon.Failure.danglingLink(from: "quadruped", to: "nowhere")) { try Lexicon(concepts: dangling) }
        #expect(throws: Lexicon.Failure.duplicateConcept("scope")) { try Lexicon(concepts: concepts + [concepts[2]]) }
    }

    @Test("A product expands to the applications it serves, more weakly than a mention")
    func expansion() throws {
        let e = ConceptExpansion(lexicon: try Lexicon(concepts: concepts), linkWeight: 0.6)
        let out = e.expand(["quadruped": 2])
        #expect(out["quadruped"] == 2 && abs(out["substation"]! - 0.6) < 1e-6)
        #expect(e.expand(["quadruped": 1, "substation": 1])["substation"] == 1)
    }

    @Test("The shipped lexicon loads: no duplicate forms, no dangling links, every concept has a domain")
    func shipped() throws {
        let lexicon = try LexiconFile.load(directory: Fixtures.root.appendingPathComponent("Models/lexicon").path)
        #expect(lexicon.concepts.count > 100)
        for c in lexicon.concepts where c.kind != .generic {
            #expect(!c.domains.isEmpty, "\(c.id) has no domain")
            #expect(c.domains.allSatisfy { DomainVocabulary.all.contains($0) }, "\(c.id) has a domain outside the vocabulary")
        }
    }
}
