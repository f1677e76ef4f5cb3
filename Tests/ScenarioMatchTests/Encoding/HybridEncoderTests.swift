import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Encoding")
struct HybridEncoderTests {
    let catalog = try! RecordFiles.scenarios(path: Fixtures.path("catalog.jsonl"))
    let company = try! RecordFiles.profile(path: Fixtures.path("company.json"))

    func trainedModel() throws -> HybridModel {
        var options = TrainingOptions(today: "2026-11-23")
        options.semanticRank = 4
        return try ModelTrainer(catalog: catalog, companies: [company], judgments: TRECQrels(grades: [:]), lexicon: nil, options: options)
            .unsupervisedModel(linkWeight: 0.5)
    }

    @Test("The index score is exactly the sum of the blocks' weighted contributions")
    func scoreIsSumOfBlocks() throws {
        var model = try trainedModel()
        model.weights = BlockWeights([.lexical: 1, .concept: 0.4, .semantic: 0.7, .domain: 0.3, .district: 0.1])
        let matcher = Matcher(catalog: catalog, model: model, lexicon: nil)
        let loose = Constraints(today: "2026-11-23", includeClosed: true, includeExpired: true)
        let c = matcher.encoder.encode(company)
        for m in matcher.match(company, top: 8, constraints: loose) {
            let s = matcher.encoder.encode(m.scenario)
            let sum = matcher.encoder.contributions(c, s).values.reduce(0, +)
            #expect(abs(sum - m.score) < 1e-4, "\(m.scenario.id)")
        }
    }

    @Test("Cosine blocks are unit length or empty")
    func unitBlocks() throws {
        let encoder = HybridEncoder(model: try trainedModel(), lexicon: nil, catalog: catalog)
        let e = encoder.encode(company)
        for b in FeatureBlock.allCases where b != .concept && !e[b].isEmpty { #expect(abs(e[b].norm - 1) < 1e-4) }
    }

    @Test("The concept block scores the covered share of a scenario's needs")
    func conceptCoverage() throws {
        let concepts = [
            Lexicon.Concept(id: "dog", label: "四足机器人", kind: .product, domains: ["人形机器人"], forms: ["机器狗"], serves: ["sub"]),
            Lexicon.Concept(id: "sub", label: "变电站巡检", kind: .application, domains: ["先进能源"], forms: ["变电站巡视"]),
            Lexicon.Concept(id: "gas", label: "气体监测", kind: .application, domains: ["智慧城市"], forms: ["有害气体"]),
        ]
        let lexicon = try Lexicon(concepts: concepts)
        var model = HybridModel.untrained(lexicon: lexicon, linkWeight: 0.5)
        model.weights = BlockWeights([.concept: 1])
        let s = Scenario(id: "S", title: "变电站巡视", description: "有害气体")
        let encoder = HybridEncoder(model: model, lexicon: lexicon, catalog: [s])
        let direct = Company(id: "A", name: "a", description: "变电站巡视与有害气体")
        let linked = Company(id: "B", name: "b", description: "机器狗")
        let cover = { (c: Company) in encoder.contributions(encoder.encode(c), encoder.encode(s))[.concept]! }
        #expect(abs(cover(direct) - 1) < 1e-5)
        #expect(abs(cover(linked) - 0.25) < 1e-5, "half of one of two equally weighted needs")
    }

    @Test("TF-IDF: rarer terms weigh more, and unknown terms are ignored")
    func tfidf() {
        let v = TFIDFVectorizer.fit(documents: [["a", "b"], ["a"], ["a", "c"]])
        let x = v.vector(["a", "b", "zzz"], normalize: false)
        #expect(x.indices.count == 2)
        let wa = x.values[Int(x.indices.firstIndex(of: v.index(of: "a")!)!)], wb = x.values[Int(x.indices.firstIndex(of: v.index(of: "b")!)!)]
        #expect(wb > wa)
    }

    @Test("Model files round-trip; a damaged body, projection or version is refused with the file named")
    func modelFiles() throws {
        let model = try trainedModel()
        let dir = Fixtures.temporaryDirectory().path
        try ModelFile.write(model, to: dir)
        let back = try ModelFile.load(from: dir)
        #expect(back.projection == model.projection && back.weights == model.weights && back.semanticVocabulary == model.semanticVocabulary)

        let json = (dir as NSString).appendingPathComponent(ModelFile.name)
        let original = try String(contentsOfFile: json, encoding: .utf8)
        try original.replacingOccurrences(of: "\"link_weight\":0.5", with: "\"link_weight\":0.7").write(toFile: json, atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ModelFile.load(from: dir) }
        do { _ = try ModelFile.load(from: dir) } catch { #expect(error.field == "checksum" && error.file == json) }

        try original.write(toFile: json, atomically: true, encoding: .utf8)
        let f32 = (dir as NSString).appendingPathComponent(ModelFile.projectionName)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f32))
        bytes[5] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: f32))
        do { _ = try ModelFile.load(from: dir); Issue.record("accepted a damaged projection") } catch { #expect(error.file == f32) }

        try original.replacingOccurrences(of: "\"format_version\":1", with: "\"format_version\":99").write(toFile: json, atomically: true, encoding: .utf8)
        do { _ = try ModelFile.load(from: dir); Issue.record("accepted another version") } catch { #expect(error.field == "format_version") }
        #expect(throws: InputError.self) { try ModelFile.load(from: "/nonexistent") }
    }

    @Test("LSA basis rows are orthonormal")
    func lsa() throws {
        let p = try #require(try trainedModel().projection)
        let g = Matrix.product(p.basis, p.basis, transposeB: true)
        for i in 0..<p.rank { for j in 0..<p.rank { #expect(abs(g[i, j] - (i == j ? 1 : 0)) < 1e-3) } }
    }
}
