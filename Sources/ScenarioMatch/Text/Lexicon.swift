import Foundation

/// The domain lexicon: concepts of the 5+X future industries (technologies, products,
/// applications), each with its surface forms, and links from what a company makes to the
/// applications it serves — the view an industry-chain map (产业链图谱) takes.
public struct Lexicon: Sendable {
    public struct Concept: Sendable, Equatable, Codable {
        public var id: String
        /// The form shown to people in reasons.
        public var label: String
        public var kind: Kind
        public var domains: [String]
        public var forms: [String]
        /// Ids of the application concepts this product or technology serves.
        public var serves: [String]

        public enum Kind: String, Sendable, Codable {
            case technology, product, application
            /// Boilerplate of registry scopes (技术服务、技术开发…): removed before n-grams.
            case generic
        }

        public init(id: String, label: String, kind: Kind, domains: [String] = [], forms: [String], serves: [String] = []) {
            self.id = id; self.label = label; self.kind = kind; self.domains = domains
            self.forms = forms; self.serves = serves
        }

        enum CodingKeys: String, CodingKey { case id, label, kind, domains, forms, serves }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            label = try c.decode(String.self, forKey: .label)
            kind = try c.decode(Kind.self, forKey: .kind)
            domains = try c.decodeIfPresent([String].self, forKey: .domains) ?? []
            forms = try c.decode([String].self, forKey: .forms)
            serves = try c.decodeIfPresent([String].self, forKey: .serves) ?? []
        }
    }

    public static let featurePrefix = "#"

    public let concepts: [Concept]
    private let index: [String: Int]
    /// Normalized surface forms → concept position.
    private let trie: FormTrie

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case duplicateConcept(String)
        case duplicateForm(form: String, first: String, second: String)
        case danglingLink(from: String, to: String)
        case emptyForms(String)

        public var description: String {
            switch self {
            case .duplicateConcept(let id): return "concept id '\(id)' appears twice"
            case let .duplicateForm(form, first, second): return "surface form '\(form)' belongs to both '\(first)' and '\(second)'"
            case let .danglingLink(from, to): return "concept '\(from)' serves '\(to)', which is not in the lexicon"
            case .emptyForms(let id): return "concept '\(id)' has no surface forms"
            }
        }
    }

    public init(concepts: [Concept]) throws(Failure) {
        var index: [String: Int] = [:]
        for (i, c) in concepts.enumerated() {
            guard index[c.id] == nil else { throw .duplicateConcept(c.id) }
            index[c.id] = i
        }
        var forms: [String: Int] = [:]
        var trie = FormTrie()
        for (i, c) in concepts.enumerated() {
            var any = false
            for form in c.forms + [c.label] {
                let key = TextNormalizer.normalize(form)
                guard !key.isEmpty else { continue }
                any = true
                if let j = forms[key] {
                    if j != i { throw .duplicateForm(form: form, first: concepts[j].id, second: c.id) }
                    continue
                }
                forms[key] = i
                trie.insert(key.unicodeScalars, value: i)
            }
            guard any else { throw .emptyForms(c.id) }
            for target in c.serves where index[target] == nil {
                throw .danglingLink(from: c.id, to: target)
            }
        }
        self.concepts = concepts
        self.index = index
        self.trie = trie
    }

    public func concept(_ id: String) -> Concept? {
        index[id].map { concepts[$0] }
    }

    /// A concept matched in a text, with the span it covered (in unicode scalars).
    public struct Match: Sendable, Equatable {
        public var concept: Concept
        public var start: Int
        public var length: Int
    }

    /// Greedy longest match, left to right, over normalized text: at each position the
    /// longest form that starts there and lies on word boundaries.
    public func spans(inNormalized text: String) -> [Match] {
        let scalars = Array(text.unicodeScalars)
        var out: [Match] = []
        var i = 0
        while i < scalars.count {
            var best: (length: Int, concept: Int)?
            trie.prefixes(of: scalars, from: i) { length, c in
                if Self.onWordBoundary(scalars, i, length) { best = (length, c) }
            }
            if let best {
                out.append(Match(concept: concepts[best.concept], start: i, length: best.length))
            }
            i += max(best?.length ?? 0, 1)
        }
        return out
    }

    public func matches(inNormalized text: String) -> [Concept] {
        spans(inNormalized: text).map(\.concept)
    }

    /// Latin forms ("ai", "5g") must not match inside a longer Latin word ("email").
    static func onWordBoundary(_ s: [Unicode.Scalar], _ start: Int, _ length: Int) -> Bool {
        func isWordScalar(_ c: Unicode.Scalar) -> Bool {
            !TextNormalizer.isHan(c) && c != " " && c.properties.isAlphabetic || ("0"..."9").contains(c)
        }
        if isWordScalar(s[start]), start > 0, isWordScalar(s[start - 1]) { return false }
        let end = start + length
        if isWordScalar(s[end - 1]), end < s.count, isWordScalar(s[end]) { return false }
        return true
    }
}

extension Lexicon {
    /// Identifies the lexicon's content, so a model trained with another lexicon is caught.
    public var checksum: String {
        var c = Checksum()
        for concept in concepts {
            c.update(concept.id); c.update(concept.kind.rawValue)
            for f in concept.forms { c.update(f) }
            c.update("→")
            for s in concept.serves { c.update(s) }
        }
        return c.hex
    }
}
