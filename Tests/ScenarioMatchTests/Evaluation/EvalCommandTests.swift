import Foundation
import ScenarioMatch
import Testing

/// `scenario-match eval` run as a user runs it: the built binary, its stdout, stderr and exit code.
@Suite("Evaluation: the eval command end to end")
struct EvalCommandTests {
    static let qrels = EvalSupport.trec("conformance.qrels")
    static let run = EvalSupport.trec("conformance.run")

    /// trec_eval's measure order for the families, written out here rather than taken from the
    /// code under test: the order of te_trec_measures[] in trec_eval's measures.c.
    static let trecEvalFamilyOrder = ["map", "recip_rank", "P", "recall", "ndcg", "ndcg_cut", "map_cut", "success"]

    static func trecOrder(_ names: some Sequence<String>) -> [String] {
        func key(_ name: String) -> (Int, Int) {
            for (i, family) in trecEvalFamilyOrder.enumerated().reversed() {
                if name == family { return (i, 0) }
                if name.hasPrefix(family + "_"), let k = Int(name.dropFirst(family.count + 1)) { return (i, k) }
            }
            return (99, 0)
        }
        return names.sorted { key($0) < key($1) }
    }

    @Test("-q prints pytrec_eval's figures in trec_eval's format and order")
    func perQueryLines() throws {
        let reference = try EvalSupport.reference(qrels: Self.qrels, run: Self.run)
        let result = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "-q", "--metrics", EvalSupport.allFamilies])
        #expect(result.status == 0, "\(result.stderr)")
        let measures = Self.trecOrder(reference.all.keys)
        var expected: [String] = []
        for query in reference.order {
            for m in measures { expected.append(EvalSupport.trecEvalLine(m, query, reference.queries[query]![m]!)) }
        }
        for m in measures { expected.append(EvalSupport.trecEvalLine(m, "all", reference.all[m]!)) }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines.count == expected.count)
        let mismatches = zip(lines, expected).filter { $0 != $1 }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("Without --metrics: a default list, 'all' lines only")
    func defaultMeasures() throws {
        let result = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count >= 5 && lines.allSatisfy { $0.split(separator: "\t").count == 3 && $0.contains("\tall\t") })
        let names = lines.map { $0.split(separator: "\t")[0].trimmingCharacters(in: .whitespaces) }
        #expect(names.contains("map") && names.contains("ndcg_cut_10") && names.contains("P_5") && names.contains("recip_rank"))
    }

    @Test("--json carries the same figures, unrounded")
    func json() throws {
        let reference = try EvalSupport.reference(qrels: Self.qrels, run: Self.run)
        let result = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "-q", "--json", "--metrics", "map,P,ndcg_cut_10"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let all = try #require(object["all"] as? [String: Double])
        let queries = try #require(object["queries"] as? [String: [String: Double]])
        #expect(object["num_q"] as? Int == reference.order.count)
        #expect(all.count == 11 && Set(queries.keys) == Set(reference.order))
        for (m, value) in all { #expect(abs(value - reference.all[m]!) < 1e-9, "\(m)") }
        for (q, values) in queries {
            for (m, value) in values { #expect(abs(value - reference.queries[q]![m]!) < 1e-9, "\(m) \(q)") }
        }
    }

    @Test("A malformed run line: non-zero exit, one stderr line naming file and line")
    func malformedRun() throws {
        let result = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", EvalSupport.trec("malformed.run")])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("malformed.run:3") && lines[0].contains("score"), "\(result.stderr)")
    }

    @Test("Malformed qrels, duplicate run lines, unknown measures: non-zero exit")
    func otherBadInput() throws {
        let badQrels = try Fixtures.run(["eval", "--qrels", EvalSupport.trec("malformed.qrels"), "--run", Self.run])
        #expect(badQrels.status != 0 && badQrels.stderr.contains("malformed.qrels:2"), "\(badQrels.stderr)")
        let duplicates = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", EvalSupport.trec("duplicates.run")])
        #expect(duplicates.status != 0 && duplicates.stderr.contains("duplicates.run:4"), "\(duplicates.stderr)")
        let unknown = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--metrics", "map,ndcg@10"])
        #expect(unknown.status != 0 && unknown.stderr.contains("ndcg@10"), "\(unknown.stderr)")
        // Like trec_eval ("No queries with both results and relevance info"): nothing to average.
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let elsewhere = Fixtures.write("zz 0 s01 1\n", name: "elsewhere.qrels", in: dir)
        let disjoint = try Fixtures.run(["eval", "--qrels", elsewhere, "--run", Self.run])
        #expect(disjoint.status != 0 && disjoint.stderr.contains("no query"), "\(disjoint.stderr)")
    }

    @Test("--compare: the run's trec_eval lines, then one comparison row per measure; JSON alike")
    func compare() throws {
        let b = EvalSupport.trec("conformance_b.run")
        let plain = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--metrics", "map,P_5,ndcg_cut_10"])
        let text = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--metrics", "map,P_5,ndcg_cut_10",
                                     "--compare", b, "--permutations", "2000"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix(plain.stdout))
        let rows = text.stdout.dropFirst(plain.stdout.count).split(separator: "\n")
        #expect(rows.count == 5 && rows[0].hasPrefix("# compare") && rows[1].hasPrefix("measure"), "\(rows)")
        #expect(rows[2].hasPrefix("map ") && rows[3].hasPrefix("P_5 ") && rows[4].hasPrefix("ndcg_cut_10 "))

        let json = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--metrics", "map,P_5,ndcg_cut_10",
                                     "--compare", b, "--permutations", "2000", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let compare = try #require(object["compare"] as? [String: Any])
        let measures = try #require(compare["comparisons"] as? [[String: Any]])
        #expect(measures.compactMap { $0["measure"] as? String } == ["map", "P_5", "ndcg_cut_10"])
        for m in measures {
            let p = try #require(m["p_randomization"] as? Double), holm = try #require(m["p_randomization_holm"] as? Double)
            #expect(p > 0 && p <= 1 && holm >= p && holm <= 1)
            #expect((m["wins"] as! Int) + (m["ties"] as! Int) + (m["losses"] as! Int) == (m["queries"] as! Int))
        }
        // A run compared with itself: nothing to see.
        let same = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--compare", Self.run, "--json"])
        let sameObject = try #require(try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
        let sameRows = try #require((sameObject["compare"] as? [String: Any])?["comparisons"] as? [[String: Any]])
        #expect(!sameRows.isEmpty && sameRows.allSatisfy { ($0["difference"] as? Double) == 0 && ($0["p_randomization"] as? Double) == 1 && ($0["p_t"] as? Double) == 1 })
    }

    @Test("--catalog adds market lines after the unchanged trec_eval lines")
    func market() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = Fixtures.write("""
        {"id":"s01","title":"A","description":"a","district":"余杭区","domains":["低空经济"]}
        {"id":"s02","title":"B","description":"b","district":"西湖区","domains":["智慧城市"]}
        {"id":"s03","title":"C","description":"c","status":"closed"}
        {"id":"s77","title":"D","description":"d","district":"上城区"}

        """, name: "catalog.jsonl", in: dir)
        let plain = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run])
        let withMarket = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--catalog", catalog,
                                           "--coverage-k", "3", "--coverage-m", "2"])
        #expect(withMarket.status == 0, "\(withMarket.stderr)")
        #expect(withMarket.stdout.hasPrefix(plain.stdout))
        let extra = withMarket.stdout.dropFirst(plain.stdout.count).split(separator: "\n").map(String.init)
        // Top 3s: s01 in C1, c01, c03, c05, c06; s02 in C1, c03, c06; s77 nowhere (s03 is closed): 2 of 3 open.
        #expect(extra.contains(EvalSupport.trecEvalLine("scenario_coverage_3_m2", "all", 2.0 / 3)), "\(extra)")
        #expect(extra.contains { $0.hasPrefix("exposure_gini_3") })
        #expect(extra.contains { $0.hasPrefix("district_share_3") && $0.contains("\t余杭区\t") })
        #expect(extra.contains { $0.hasPrefix("domain_share_3") && $0.contains("\t智慧城市\t") })

        let bad = Fixtures.write("{\"id\":\"s01\"}\n", name: "bad.jsonl", in: dir)
        let failed = try Fixtures.run(["eval", "--qrels", Self.qrels, "--run", Self.run, "--catalog", bad])
        #expect(failed.status != 0 && failed.stderr.contains("bad.jsonl:1"), "\(failed.stderr)")
    }
}
