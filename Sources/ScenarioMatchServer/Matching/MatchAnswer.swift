import Foundation
import ScenarioMatch

/// The contract's `match` answer, byte for byte what `scenario-match match` prints:
/// `{"company_id": …, "matches": [{rank, scenario_id, title, score, reasons}]}`, pretty-printed
/// with sorted keys, scores rounded to six decimals.
public struct MatchAnswer: Encodable, Sendable {
    public var companyID: String
    public var matches: [Item]

    public struct Item: Encodable, Sendable {
        public var rank: Int
        public var scenarioID: String
        public var title: String
        public var score: Double
        public var reasons: [String]

        init(rank: Int, scenarioID: String, title: String, score: Float, reasons: [String]) {
            self.rank = rank; self.scenarioID = scenarioID; self.title = title
            self.score = (Double(score) * 1e6).rounded() / 1e6
            self.reasons = reasons
        }

        enum CodingKeys: String, CodingKey {
            case rank, title, score, reasons
            case scenarioID = "scenario_id"
        }
    }

    enum CodingKeys: String, CodingKey {
        case companyID = "company_id"
        case matches
    }

    public init(companyID: String, matches: [Match]) {
        self.companyID = companyID
        self.matches = matches.map {
            Item(rank: $0.rank, scenarioID: $0.scenario.id, title: $0.scenario.title, score: $0.score, reasons: $0.reasons)
        }
    }

    public func render() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
