/// Follows the lexicon's links: a product or technology a text names also counts, more
/// weakly, as the applications it serves. This is what lets "四足机器人" on the supply side
/// meet "变电站巡检" on the demand side.
public struct ConceptExpansion: Sendable {
    public let lexicon: Lexicon
    public let linkWeight: Float

    public init(lexicon: Lexicon, linkWeight: Float) {
        self.lexicon = lexicon
        self.linkWeight = linkWeight
    }

    /// Concept id → weight, direct mentions at their count, linked applications at
    /// `linkWeight` times the mentions that reach them (at most one full mention).
    public func expand(_ mentions: [String: Float]) -> [String: Float] {
        var out = mentions
        for (id, count) in mentions {
            guard let c = lexicon.concept(id) else { continue }
            for target in c.serves {
                out[target] = min(max(1, out[target] ?? 0), (out[target] ?? 0) + linkWeight * min(count, 1))
            }
        }
        return out
    }

    /// Domains named by the concepts, each at most once.
    public func domains(of mentions: [String: Float]) -> Set<String> {
        var out: Set<String> = []
        for id in mentions.keys { if let c = lexicon.concept(id) { out.formUnion(c.domains) } }
        return out
    }
}
