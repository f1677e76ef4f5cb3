/// Turns the shared bigrams that carried a match into the longest phrases both texts
/// really contain: "政务", "务大", "大模", "模型" become "政务大模型", which a reader can
/// find in both texts.
public enum SharedPhrases {
    /// A text normalized once and kept as Unicode scalars, for cheap in-place comparisons.
    public struct Text: Sendable {
        let scalars: [Unicode.Scalar]
        public init(_ raw: String) { scalars = Array(TextNormalizer.normalize(raw).unicodeScalars) }
    }

    static func longest(seeds: [String], company: String, scenario: String, limit: Int) -> [String] {
        longest(seeds: seeds, company: Text(company), scenario: Text(scenario), limit: limit)
    }

    static func longest(seeds: [String], company: Text, scenario: Text, limit: Int) -> [String] {
        var out: [String] = []
        for seed in seeds {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: grow(Array(seed.unicodeScalars), in: scenario.scalars, alsoIn: company.scalars))
            let phrase = String(view)
            if out.contains(where: { $0.contains(phrase) }) { continue }
            out.removeAll { phrase.contains($0) }
            out.append(phrase)
            if out.count == limit { break }
        }
        return out
    }

    /// Extends `seed` left and right, one character at a time, while the longer string
    /// still occurs in both texts (and does not cross a space).
    static func grow(_ seed: [Unicode.Scalar], in b: [Unicode.Scalar], alsoIn a: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var best = seed
        var changed = true
        while changed {
            changed = false
            var start = firstOccurrence(of: best, in: b, from: 0)
            while let i = start {
                if i > 0, b[i - 1] != " " {
                    let longer = [b[i - 1]] + best
                    if firstOccurrence(of: longer, in: a, from: 0) != nil { best = longer; changed = true; break }
                }
                let end = i + best.count
                if end < b.count, b[end] != " " {
                    let longer = best + [b[end]]
                    if firstOccurrence(of: longer, in: a, from: 0) != nil { best = longer; changed = true; break }
                }
                start = firstOccurrence(of: best, in: b, from: i + 1)
            }
        }
        return best
    }

    /// The first position at or after `from` where `needle` occurs, compared in place.
    static func firstOccurrence(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= hay.count, from <= hay.count - needle.count else { return nil }
        let first = needle[0]
        outer: for i in from...(hay.count - needle.count) where hay[i] == first {
            for k in 1..<needle.count where hay[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }
}
