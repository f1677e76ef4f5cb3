/// Paired two-sided t-test on per-query differences d = B − A:
///
///     t = mean(d) / (s_d / √n),   ν = n − 1,   p = P(|T_ν| ≥ |t|)
///
/// with s_d the sample standard deviation. Undefined (nil) for fewer than two queries. When every
/// difference is the same, s_d = 0: p = 1 if they are all zero, else 0 (a difference with no
/// spread at all is as certain as a t-test can be).
public enum PairedTTest {
    public static func pValue(differences d: [Double]) -> Double? {
        let n = Double(d.count)
        guard d.count >= 2 else { return nil }
        let mean = d.reduce(0, +) / n
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let scale = d.reduce(0) { max($0, abs($1)) }
        // Treat a spread at rounding-noise level as none, or t explodes on identical runs.
        if variance.squareRoot() <= 1e-12 * max(scale, 1e-300) {
            return abs(mean) <= 1e-12 * max(scale, 1e-300) ? 1 : 0
        }
        let t = mean / (variance.squareRoot() / n.squareRoot())
        return StudentT.twoSidedPValue(t, degreesOfFreedom: n - 1)
    }
}
