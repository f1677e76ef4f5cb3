/// One trec_eval measure: a family and, for families that take one, a cutoff (`P_10`).
public struct Measure: Sendable, CustomStringConvertible {
    public let family: any MetricFamily
    public let cutoff: Int?

    public init(family: any MetricFamily, cutoff: Int?) {
        precondition((cutoff == nil) == family.defaultCutoffs.isEmpty, "\(family.name) \(family.defaultCutoffs.isEmpty ? "takes no" : "needs a") cutoff")
        self.family = family
        self.cutoff = cutoff
    }

    /// The name trec_eval prints: the family name, then `_cutoff` if any.
    public var name: String { cutoff.map { "\(family.name)_\($0)" } ?? family.name }

    public var description: String { name }

    public func value(of list: JudgedList) -> Double {
        family.value(of: list, cutoff: cutoff)
    }
}
