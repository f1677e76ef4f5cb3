/// One ranked scenario for a company, with the reasons a person can check.
public struct Match: Sendable, Equatable {
    public var rank: Int
    public var scenario: Scenario
    public var score: Float
    public var reasons: [String]
}
