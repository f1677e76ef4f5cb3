import Foundation
import ScenarioMatch
import Testing

/// Our figures against pytrec_eval's (trec_eval's own C code), per query and averaged.
///
/// conformance.qrels / .run hold the corner cases, one query each: C1, c9, c10 (byte order of
/// ids), c01 (a four-way score tie with an unjudged document in it, grades 0–3, a relevant
/// document never retrieved), c02 (rank column contradicting the scores), c03 (judged, nothing
/// relevant), c04 (judged, no run lines), c05 (run lines, no judgments), c06 (a negative grade),
/// c07 (a long ranking full of ties, deep relevant documents).
@Suite("Evaluation: trec_eval conformance against pytrec_eval")
struct EvalConformanceTests {
    @Test("The corner-case fixture: every figure equals pytrec_eval's")
    func cornerCases() throws {
        let qrels = EvalSupport.trec("conformance.qrels"), run = EvalSupport.trec("conformance.run")
        let reference = try EvalSupport.reference(qrels: qrels, run: run)
        let ours = try EvalSupport.ours(qrels: qrels, run: run)
        let problems = EvalSupport.differences(ours, reference)
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(10).joined(separator: "; "))")
        // trec_eval's query selection, checked directly so that a fixture edit cannot void it.
        #expect(ours.queries.contains("c03"), "a judged query without relevant documents is evaluated")
        #expect(!ours.queries.contains("c04"), "a judged query without run lines is left out (no -c)")
        #expect(!ours.queries.contains("c05"), "a query without judgments is ignored")
        #expect(ours.measures.count == 1 + 1 + 9 + 9 + 1 + 9 + 9 + 3)
    }

    @Test("Relevance level 2 (trec_eval -l 2): every figure equals pytrec_eval's")
    func relevanceLevelTwo() throws {
        let qrels = EvalSupport.trec("conformance.qrels"), run = EvalSupport.trec("conformance.run")
        let problems = EvalSupport.differences(try EvalSupport.ours(qrels: qrels, run: run, relevanceLevel: 2),
                                               try EvalSupport.reference(qrels: qrels, run: run, relevanceLevel: 2))
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(10).joined(separator: "; "))")
    }

    @Test("A second run over the same judgments (the compare fixture) equals pytrec_eval's")
    func secondRun() throws {
        let qrels = EvalSupport.trec("conformance.qrels"), run = EvalSupport.trec("conformance_b.run")
        let problems = EvalSupport.differences(try EvalSupport.ours(qrels: qrels, run: run),
                                               try EvalSupport.reference(qrels: qrels, run: run))
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(10).joined(separator: "; "))")
    }

    @Test("400 random queries with coarse scores (many ties), grades −1…3 and partial overlap")
    func randomQueries() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(seed: 2024)
        var qrels = "", run = ""
        for q in 0..<400 {
            let query = "q\(q)"  // q10 sorts before q2: byte order, not numeric
            if Double.random(in: 0..<1, using: &rng) < 0.9 {
                let judged = Array((0..<60).shuffled(using: &rng).prefix(Int.random(in: 1...30, using: &rng)))
                for (i, doc) in judged.enumerated() {
                    // The first grade is never negative: a query judged only negatively makes
                    // trec_eval read uninitialised memory (num_rel_levels is never set).
                    let grade = i == 0 ? Int.random(in: 0...3, using: &rng) : [-1, 0, 0, 0, 1, 1, 2, 3].randomElement(using: &rng)!
                    qrels += "\(query) 0 d\(doc) \(grade)\n"
                }
            }
            if Double.random(in: 0..<1, using: &rng) < 0.9 {
                let retrieved = Array((0..<100).shuffled(using: &rng).prefix(Int.random(in: 1...80, using: &rng)))
                for (rank, doc) in retrieved.enumerated() {
                    let score = Double(Int.random(in: -3...12, using: &rng)) / 4
                    run += "\(query) Q0 d\(doc) \(rank + 1) \(score) random\n"
                }
            }
        }
        let qrelsPath = Fixtures.write(qrels, name: "random.qrels", in: dir)
        let runPath = Fixtures.write(run, name: "random.run", in: dir)
        let ours = try EvalSupport.ours(qrels: qrelsPath, run: runPath)
        #expect(ours.queries.count > 300)
        let problems = EvalSupport.differences(ours, try EvalSupport.reference(qrels: qrelsPath, run: runPath))
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(10).joined(separator: "; "))")
    }

    @Test("Duplicate (query, document) lines are refused, as trec_eval refuses them")
    func duplicates() throws {
        #expect(throws: InputError(file: EvalSupport.trec("duplicates.run"), line: 4, field: "document",
                                   message: "duplicate document 's01' for query 'c01' (first on line 1); trec_eval refuses duplicates too")) {
            try TRECRun.read(path: EvalSupport.trec("duplicates.run"))
        }
        #expect(throws: InputError.self) { try TRECQrels.read(path: EvalSupport.trec("duplicates.qrels")) }
        // The reference refuses too, rather than letting a dict keep one of the two lines.
        let result = try EvalSupport.referenceProcess(qrels: EvalSupport.trec("conformance.qrels"), run: EvalSupport.trec("duplicates.run"))
        #expect(result.status == 3, "\(result.stderr)")
    }
}
