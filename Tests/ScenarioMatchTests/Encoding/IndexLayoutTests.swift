import Testing
@testable import ScenarioMatch

@Suite("Index layout")
struct IndexLayoutTests {
    let catalog = try! RecordFiles.scenarios(path: Fixtures.path("catalog.jsonl"))
    let company = try! RecordFiles.profile(path: Fixtures.path("company.json"))

    @Test("Whatever share goes dense, dense plus sparse scores equal the sum of the blocks' contributions")
    func splitKeepsScores() throws {
        var options = TrainingOptions(today: "2026-11-23")
        options.semanticRank = 4
        var model = try ModelTrainer(catalog: catalog, companies: [company], judgments: TRECQrels(grades: [:]), lexicon: nil, options: options)
            .unsupervisedModel(linkWeight: 0.5)
        model.weights = BlockWeights([.lexical: 1, .concept: 0.4, .semantic: 0.7, .domain: 0.3, .district: 0.1])
        let encoder = HybridEncoder(model: model, lexicon: nil, catalog: catalog)
        let scenarios = catalog.map { encoder.encode($0) }
        let c = encoder.encode(company)
        let expected = scenarios.map { encoder.contributions(c, $0).values.reduce(0, +) }
        var sparseCounts: [Int] = []
        for share in [0.0, 0.3, 0.7, 2.0] {
            let layout = IndexLayout(encoder: encoder, catalog: scenarios, denseShare: share)
            let (items, itemSparse) = layout.matrices(scenarios)
            let (query, querySparse) = layout.matrices([c])
            #expect(items.columns + itemSparse.columns <= encoder.dimension)
            let found = FlatIndex(vectors: items, sparse: itemSparse).search(query, sparse: querySparse, k: catalog.count)[0]
            #expect(found.count == catalog.count)
            for e in found { #expect(abs(e.score - expected[Int(e.id)]) < 1e-5, "share \(share) scenario \(e.id)") }
            sparseCounts.append(layout.sparseColumns)
        }
        // Share 0 puts everything in sgemm; share 2 leaves every lexical feature sparse.
        #expect(sparseCounts.first == 0)
        #expect(sparseCounts == sparseCounts.sorted() && sparseCounts.last! > 0)
    }
}
