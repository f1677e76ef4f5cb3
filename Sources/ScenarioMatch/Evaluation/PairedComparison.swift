/// How run B differs from run A on one measure, query by query.
///
/// Only queries evaluated for both runs are paired (a query missing from one run has no
/// trec_eval value for it without `-c`), so `meanA` and `meanB` can differ from the runs' own
/// `all` figures when their query sets differ; `queries` says how many pairs there were.
public struct PairedComparison: Sendable, Equatable {
    public var measure: String
    public var queries: Int
    public var meanA: Double
    public var meanB: Double
    /// mean(B − A).
    public var meanDifference: Double
    public var randomizationP: Double
    /// `randomizationP` after Holm's correction across the compared measures.
    public var randomizationPHolm: Double
    public var tTestP: Double?
    public var tTestPHolm: Double?
    /// Queries where B scores higher, the same, lower.
    public var wins: Int
    public var ties: Int
    public var losses: Int

    /// Compares every measure the two evaluations share, in A's order, and applies Holm's
    /// correction across them.
    public static func compare(
        _ a: TRECEvaluation, _ b: TRECEvaluation, permutations: Int = 10_000, seed: UInt64 = 1
    ) -> [PairedComparison] {
        let rowOfB = Dictionary(uniqueKeysWithValues: b.queries.enumerated().map { ($1, $0) })
        let pairs = a.queries.enumerated().compactMap { qa, query in rowOfB[query].map { (qa, $0) } }
        var out: [PairedComparison] = []
        for (ma, measure) in a.measures.enumerated() {
            guard let mb = b.measureIndex(named: measure.name) else { continue }
            let xa = pairs.map { a.values[$0.0][ma] }
            let xb = pairs.map { b.values[$0.1][mb] }
            let d = zip(xb, xa).map { $0 - $1 }
            let n = Double(max(pairs.count, 1))
            // A difference below 1e-12 is floating-point noise from equal rankings, not a win.
            let epsilon = 1e-12
            out.append(PairedComparison(
                measure: measure.name, queries: pairs.count,
                meanA: xa.reduce(0, +) / n, meanB: xb.reduce(0, +) / n,
                meanDifference: d.reduce(0, +) / n,
                randomizationP: RandomizationTest.pValue(differences: d, permutations: permutations, seed: seed),
                randomizationPHolm: 1,
                tTestP: PairedTTest.pValue(differences: d), tTestPHolm: nil,
                wins: d.count { $0 > epsilon }, ties: d.count { abs($0) <= epsilon }, losses: d.count { $0 < -epsilon }
            ))
        }
        let randomizationHolm = HolmCorrection.adjust(out.map(\.randomizationP))
        let tHolm = HolmCorrection.adjust(out.map(\.tTestP))
        for i in out.indices {
            out[i].randomizationPHolm = randomizationHolm[i]
            out[i].tTestPHolm = tHolm[i]
        }
        return out
    }
}
