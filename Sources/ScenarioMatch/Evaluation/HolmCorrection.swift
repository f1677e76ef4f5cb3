/// Holm's step-down correction for testing several measures at once (Holm, Scand. J. Statist.
/// 1979): with the m p-values sorted ascending, p₍ᵢ₎ becomes max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎).
/// It controls the family-wise error rate like Bonferroni but rejects more.
public enum HolmCorrection {
    /// Adjusted p-values, in the order given; nil entries (untestable measures) stay nil and do
    /// not count towards m.
    public static func adjust(_ p: [Double?]) -> [Double?] {
        let tested = p.indices.filter { p[$0] != nil }.sorted { (p[$0]!, $0) < (p[$1]!, $1) }
        let m = tested.count
        var adjusted = p
        var runningMax = 0.0
        for (j, index) in tested.enumerated() {
            runningMax = max(runningMax, min(1, Double(m - j) * p[index]!))
            adjusted[index] = runningMax
        }
        return adjusted
    }

    public static func adjust(_ p: [Double]) -> [Double] {
        adjust(p.map(Optional.some)).map { $0! }
    }
}
