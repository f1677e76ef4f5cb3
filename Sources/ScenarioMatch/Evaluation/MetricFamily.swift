/// A family of trec_eval measures sharing one definition, e.g. `P` for P_5, P_10, … .
///
/// Each family parses its own names, so adding a measure means adding a type and listing it in
/// `MetricRegistry`, never editing a switch over names.
public protocol MetricFamily: Sendable {
    /// trec_eval's name of the family: `P`, `ndcg_cut`, `map`.
    var name: String { get }
    /// trec_eval's default cutoffs for the family, ascending; empty when it takes no cutoff.
    var defaultCutoffs: [Int] { get }
    /// The measure's value for one query; `cutoff` is nil exactly when `defaultCutoffs` is empty.
    func value(of list: JudgedList, cutoff: Int?) -> Double
}

/// trec_eval's cutoffs for P, recall, ndcg_cut and map_cut (`long_cutoff_array` in m_P.c & co.).
public let trecEvalLongCutoffs = [5, 10, 15, 20, 30, 100, 200, 500, 1000]

extension MetricFamily {
    /// The measures a name stands for, or nil when the name is not this family's.
    ///
    /// `P` alone means all default cutoffs (as `trec_eval -m P`), `P_10` one cutoff; a family
    /// without cutoffs answers only to its bare name, so `map` never swallows `map_cut_5`.
    public func measures(named token: String) throws(MeasureNameError) -> [Measure]? {
        if defaultCutoffs.isEmpty {
            return token == name ? [Measure(family: self, cutoff: nil)] : nil
        }
        if token == name {
            return defaultCutoffs.map { Measure(family: self, cutoff: $0) }
        }
        let prefix = name + "_"
        guard token.hasPrefix(prefix) else { return nil }
        let digits = token.dropFirst(prefix.count)
        // Another family's name may extend this one's ("map_cut" after "map"); only digits are ours.
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let cutoff = Int(digits), cutoff >= 1 else {
            throw MeasureNameError(name: token, reason: "the cutoff must be a positive integer")
        }
        return [Measure(family: self, cutoff: cutoff)]
    }
}

/// A measure name that no family accepts, or a family name with an impossible cutoff.
public struct MeasureNameError: Error, CustomStringConvertible, Equatable, Sendable {
    public var name: String
    public var reason: String

    public var description: String { "unknown measure '\(name)': \(reason)" }
}
