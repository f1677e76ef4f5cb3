/// Turns the shared bigrams that carried a match into the longest phrases both texts
/// really contain: "政务", "务大", "大模", "模型" become "政务大模型", which a reader can
/// find in both texts.
enum SharedPhrases {
    static func longest(seeds: [String], company: String, scenario: String, limit: Int) -> [String] {
        let a = Array(TextNormalizer.normalize(company)), b = Array(TextNormalizer.normalize(scenario))
        var out: [String] = []
        for seed in seeds {
            let phrase = grow(Array(seed), in: b, alsoIn: a)
            if out.contains(where: { $0.contains(phrase) }) { continue }
            out.removeAll { phrase.contains($0) }
            out.append(phrase)
            if out.count == limit { break }
        }
        return out
    }

    /// Extends `seed` left and right, one character at a time, while the longer string
    /// still occurs in both texts (and does not cross a space).
    static func grow(_ seed: [Character], in b: [Character], alsoIn a: [Character]) -> String {
        var best = seed
        var changed = true
        while changed {
            changed = false
            for start in occurrences(of: best, in: b) {
                if start > 0, b[start - 1] != " " {
                    let longer = [b[start - 1]] + best
                    if !occurrences(of: longer, in: a).isEmpty { best = longer; changed = true; break }
                }
                let end = start + best.count
                if end < b.count, b[end] != " " {
                    let longer = best + [b[end]]
                    if !occurrences(of: longer, in: a).isEmpty { best = longer; changed = true; break }
                }
            }
        }
        return String(best)
    }

    static func occurrences(of needle: [Character], in hay: [Character]) -> [Int] {
        guard !needle.isEmpty, needle.count <= hay.count else { return [] }
        var out: [Int] = []
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if Array(hay[i..<(i + needle.count)]) == needle { out.append(i) }
        }
        return out
    }
}
