/// Hard constraints between a company and a scenario. A scenario that fails one is never
/// matched by default, however similar its text.
public struct Constraints: Sendable, Equatable {
    /// `YYYY-MM-DD`; scenarios whose deadline is before it are expired.
    public var today: String
    public var includeClosed: Bool
    public var includeExpired: Bool

    public init(today: String, includeClosed: Bool = false, includeExpired: Bool = false) {
        self.today = today
        self.includeClosed = includeClosed
        self.includeExpired = includeExpired
    }

    public enum Verdict: Equatable, Sendable {
        case passed
        case closed
        case expired(deadline: String)
        case wrongDistrict(allowed: [String])
        case missingQualifications([String])
    }

    /// Checks that depend on the scenario alone (status and deadline).
    public func scenarioVerdict(_ s: Scenario) -> Verdict {
        if s.status == .closed && !includeClosed { return .closed }
        if let deadline = s.deadline, deadline < today, !includeExpired { return .expired(deadline: deadline) }
        return .passed
    }

    public func verdict(company c: Company, scenario s: Scenario) -> Verdict {
        let own = scenarioVerdict(s)
        guard own == .passed else { return own }
        if !s.eligibleDistricts.isEmpty {
            guard let d = c.district, s.eligibleDistricts.contains(d) else {
                return .wrongDistrict(allowed: s.eligibleDistricts)
            }
        }
        let held = Set(c.qualifications)
        let missing = s.qualifications.filter { !held.contains($0) }
        if !missing.isEmpty { return .missingQualifications(missing) }
        return .passed
    }
}
