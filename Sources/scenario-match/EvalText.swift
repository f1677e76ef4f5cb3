import Foundation
import ScenarioMatch

/// Text blocks `eval` prints after trec_eval's lines, in the same `name<TAB>key<TAB>value` shape
/// so the trec_eval lines above them stay untouched and line-oriented tools keep working.
enum EvalText {
    static func market(_ m: MarketMeasures) -> String {
        var out = ""
        func line(_ name: String, _ key: String, _ value: Double) {
            out += TRECEvaluation.line(measure: name, query: key, value: value) + "\n"
        }
        func count(_ name: String, _ value: Int) {
            // trec_eval prints its counts (num_q, num_rel …) as integers: "%-22s\t%s\t%ld".
            out += TRECEvaluation.padded(name) + "\tall\t\(value)\n"
        }
        line("scenario_coverage_\(m.k)_m\(m.minimumCompanies)", "all", m.coverage)
        line("exposure_gini_\(m.k)", "all", m.gini)
        count("num_open_scenarios", m.openScenarios)
        count("num_covered_scenarios", m.coveredScenarios)
        count("num_recommendations", m.recommendations)
        if m.unknownScenarios > 0 { count("num_unknown_scenarios", m.unknownScenarios) }
        for share in m.districtShares { line("district_share_\(m.k)", share.key, share.share) }
        for share in m.domainShares { line("domain_share_\(m.k)", share.key, share.share) }
        return out
    }

    static func comparison(_ rows: [PairedComparison], runA: String, runB: String, queriesA: Int, queriesB: Int,
                           permutations: Int, seed: UInt64) -> String {
        let n = rows.first?.queries ?? 0
        // Only queries evaluated for both runs are paired; say so when that drops some.
        let dropped = n < max(queriesA, queriesB) ? " (of \(queriesA) in A, \(queriesB) in B)" : ""
        var out = "# compare B=\(runB) with A=\(runA): \(n) paired queries\(dropped); randomization test \(permutations) permutations (seed \(seed)); Holm across \(rows.count) measures\n"
        out += [TRECEvaluation.padded("measure"), "mean_A", "mean_B", "B-A",
                "p_rand", "p_rand_holm", "p_t", "p_t_holm", "win/tie/loss"].joined(separator: "\t") + "\n"
        for r in rows {
            let stars = HTMLReport.stars(r.randomizationPHolm)
            let fields = [TRECEvaluation.padded(r.measure), f(r.meanA), f(r.meanB), String(format: "%+.4f", r.meanDifference),
                          f(r.randomizationP), f(r.randomizationPHolm) + (stars.isEmpty ? "" : " " + stars),
                          f(r.tTestP), f(r.tTestPHolm), "\(r.wins)/\(r.ties)/\(r.losses)"]
            out += fields.joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "nan" }
}
