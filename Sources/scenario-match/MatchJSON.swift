import Foundation
import ScenarioMatch

/// The contract's `match` answer: `{"company_id": …, "matches": [{rank, scenario_id, title, score, reasons}]}`.
enum MatchJSON {
    struct Answer: Encodable {
        var company_id: String
        var matches: [Item]
    }

    struct Item: Encodable {
        var rank: Int
        var scenario_id: String
        var title: String
        var score: Double
        var reasons: [String]
    }

    static func answer(companyID: String, matches: [Match]) -> Answer {
        Answer(company_id: companyID, matches: matches.map {
            Item(rank: $0.rank, scenario_id: $0.scenario.id, title: $0.scenario.title,
                 score: (Double($0.score) * 1e6).rounded() / 1e6, reasons: $0.reasons)
        })
    }

    static func render(companyID: String, matches: [Match]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(answer(companyID: companyID, matches: matches)), as: UTF8.self)
    }
}
