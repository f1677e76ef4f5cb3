import Foundation
import ScenarioMatch
import Testing

/// Figures worked out by hand from the definitions, independent of any reference tool.
///
/// Query h: judged a=3, b=0, c=1, d=2, e=1 (e never retrieved), so R = 4 relevant.
/// Run: x 0.9 (unjudged), a 0.8, b 0.8, c 0.5, d 0.4. The a/b tie goes to the larger id,
/// so the evaluated order is x, b, a, c, d with grades −, 0, 3, 1, 2: relevant at ranks 3, 4, 5.
/// Query n: judged, nothing relevant. Query m: judged, not in the run (left out of averages).
@Suite("Evaluation: hand-computed figures")
struct EvalHandComputedTests {
    static let qrels = """
    h 0 a 3
    h 0 b 0
    h 0 c 1
    h 0 d 2
    h 0 e 1
    n 0 a 0
    m 0 a 1

    """
    static let run = """
    h Q0 x 1 0.9 t
    h Q0 a 2 0.8 t
    h Q0 b 3 0.8 t
    h Q0 c 4 0.5 t
    h Q0 d 5 0.4 t
    n Q0 a 1 1.0 t

    """

    func evaluate(_ list: String) throws -> TRECEvaluation {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return TRECEvaluation(
            qrels: try TRECQrels.read(path: Fixtures.write(Self.qrels, name: "h.qrels", in: dir)),
            run: try TRECRun.read(path: Fixtures.write(Self.run, name: "h.run", in: dir)),
            measures: try MetricRegistry.trecEval.measures(parsing: list))
    }

    @Test("Per-query figures of query h")
    func queryH() throws {
        let e = try evaluate("P_5,P_10,recall_5,recip_rank,map,map_cut_3,success_1,success_5,ndcg_cut_2,ndcg_cut_3,ndcg_cut_5,ndcg")
        let h = try #require(e.queries.firstIndex(of: "h"))
        func value(_ name: String) -> Double { e.values[h][e.measureIndex(named: name)!] }
        let ideal = 3 + 2 / log2(3.0) + 1 / log2(4.0) + 1 / log2(5.0)  // grades 3, 2, 1, 1
        let expected: [String: Double] = [
            "P_5": 3.0 / 5,
            "P_10": 3.0 / 10,  // missing ranks count as non-relevant
            "recall_5": 3.0 / 4,
            "recip_rank": 1.0 / 3,
            "map": (1.0 / 3 + 2.0 / 4 + 3.0 / 5) / 4,
            "map_cut_3": (1.0 / 3) / 4,  // the cutoff never shrinks R
            "success_1": 0,
            "success_5": 1,
            "ndcg_cut_2": 0,
            "ndcg_cut_3": (3 / log2(4.0)) / (3 + 2 / log2(3.0) + 1 / log2(4.0)),
            "ndcg_cut_5": (3 / log2(4.0) + 1 / log2(5.0) + 2 / log2(6.0)) / ideal,
            "ndcg": (3 / log2(4.0) + 1 / log2(5.0) + 2 / log2(6.0)) / ideal,
        ]
        for (name, figure) in expected {
            #expect(abs(value(name) - figure) < 1e-12, "\(name): \(value(name)) ≠ \(figure)")
        }
        #expect(abs(value("ndcg_cut_5") - 0.520821) < 1e-6)
    }

    @Test("Averages: over h and n only; n counts as 0")
    func averages() throws {
        let e = try evaluate("map,P_5")
        #expect(e.queries == ["h", "n"])
        #expect(e.values[1] == [0, 0])
        #expect(abs(e.average(of: "map")! - (1.0 / 3 + 2.0 / 4 + 3.0 / 5) / 4 / 2) < 1e-12)
        #expect(abs(e.average(of: "P_5")! - 0.3) < 1e-12)
        #expect(e.trecEvalText(perQuery: false) == "map                   \tall\t0.1792\nP_5                   \tall\t0.3000\n")
    }

    @Test("A higher relevance level (-l 2) changes relevance but not nDCG's gains")
    func relevanceLevel() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let e = TRECEvaluation(
            qrels: try TRECQrels.read(path: Fixtures.write(Self.qrels, name: "h.qrels", in: dir)),
            run: try TRECRun.read(path: Fixtures.write(Self.run, name: "h.run", in: dir)),
            measures: try MetricRegistry.trecEval.measures(parsing: "P_5,map,ndcg"), relevanceLevel: 2)
        #expect(e.measures.map(\.name) == ["map", "P_5", "ndcg"])
        let h = e.values[0]
        #expect(abs(h[0] - (1.0 / 3 + 2.0 / 5) / 2) < 1e-12)        // a at 3, d at 5; R = 2
        #expect(abs(h[1] - 2.0 / 5) < 1e-12)
        let ideal = 3 + 2 / log2(3.0) + 1 / log2(4.0) + 1 / log2(5.0)
        #expect(abs(h[2] - (3 / log2(4.0) + 1 / log2(5.0) + 2 / log2(6.0)) / ideal) < 1e-12)
    }

    @Test("Measure names: families parse their own names; print order is trec_eval's")
    func names() throws {
        let measures = try MetricRegistry.trecEval.measures(parsing: "success_5,ndcg_cut_10,P_10,map_cut_5,P_5,map,recip_rank,ndcg,recall_10,P_5")
        #expect(measures.map(\.name) == ["map", "recip_rank", "P_5", "P_10", "recall_10", "ndcg", "ndcg_cut_10", "map_cut_5", "success_5"])
        #expect(try MetricRegistry.trecEval.measures(parsing: "success").map(\.name) == ["success_1", "success_5", "success_10"])
        #expect(try MetricRegistry.trecEval.measures(parsing: "P").count == 9)
        #expect(throws: MeasureNameError.self) { try MetricRegistry.trecEval.measures(parsing: "P_0") }
        #expect(throws: MeasureNameError.self) { try MetricRegistry.trecEval.measures(parsing: "map_10") }
        #expect(throws: MeasureNameError.self) { try MetricRegistry.trecEval.measures(parsing: "ndcg@10") }
        #expect(throws: MeasureNameError.self) { try MetricRegistry.trecEval.measures(parsing: " , ") }
    }

    @Test("trec_eval's line format: name padded to 22, tab, query, tab, 4 decimals")
    func lineFormat() {
        #expect(TRECEvaluation.line(measure: "ndcg_cut_10", query: "all", value: 0.123456) == "ndcg_cut_10           \tall\t0.1235")
        #expect(TRECEvaluation.line(measure: "a_name_longer_than_22_chars", query: "q", value: 1) == "a_name_longer_than_22_chars\tq\t1.0000")
    }
}
