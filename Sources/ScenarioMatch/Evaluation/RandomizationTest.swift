/// Paired randomization (permutation) test for the difference of two systems' per-query scores
/// (Fisher's test as used in IR by Smucker, Allan & Carterette, CIKM 2007).
///
/// Under the null hypothesis the two systems are exchangeable, so each query's difference
/// B − A is as likely to have either sign. The two-sided p-value is the share of sign
/// assignments whose |Σ d| is at least the observed |Σ d|. With few queries all 2ⁿ assignments
/// are enumerated (an exact p); otherwise `permutations` random ones are drawn from a seeded
/// generator and p = (hits + 1) / (permutations + 1), which counts the observed assignment
/// itself and so never reports p = 0 from a finite sample.
public enum RandomizationTest {
    public static func pValue(differences d: [Double], permutations: Int = 10_000, seed: UInt64 = 1) -> Double {
        precondition(permutations >= 1)
        guard !d.isEmpty else { return 1 }
        let observed = abs(d.reduce(0, +))
        // Sums of the same numbers in another order may differ in the last bits; without a
        // tolerance, an assignment as extreme as the observed one could be missed.
        let tolerance = 1e-9 * d.reduce(0) { $0 + abs($1) }
        let threshold = observed - tolerance

        if d.count < 63, (1 << d.count) <= permutations {
            let total = 1 << d.count
            var hits = 0
            for signs in 0..<total {
                var sum = 0.0
                for (i, x) in d.enumerated() { sum += (signs >> i) & 1 == 0 ? x : -x }
                if abs(sum) >= threshold { hits += 1 }
            }
            return Double(hits) / Double(total)
        }

        var rng = SplitMix64(seed: seed)
        var hits = 0
        for _ in 0..<permutations {
            var sum = 0.0
            var bits: UInt64 = 0
            for (i, x) in d.enumerated() {
                if i % 64 == 0 { bits = rng.next() }
                sum += bits & 1 == 0 ? x : -x
                bits >>= 1
            }
            if abs(sum) >= threshold { hits += 1 }
        }
        return Double(hits + 1) / Double(permutations + 1)
    }
}
