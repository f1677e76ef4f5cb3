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
        // Phrases stay slices of the scenario's scalars until the few kept become strings.
        var found: [ArraySlice<Unicode.Scalar>] = []
        for seed in seeds {
            let phrase = grow(Array(seed.unicodeScalars), in: scenario.scalars, alsoIn: company.scalars)
            if found.contains(where: { occurs(phrase, in: $0) }) { continue }
            found.removeAll { occurs($0, in: phrase) }
            found.append(phrase)
            if found.count == limit { break }
        }
        return found.map { slice in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
    }

    /// Whether `needle` occurs in `hay`, scalar by scalar.
    static func occurs(_ needle: ArraySlice<Unicode.Scalar>, in hay: ArraySlice<Unicode.Scalar>) -> Bool {
        needle.isEmpty || firstOccurrence(of: needle, in: hay, from: hay.startIndex) != nil
    }

    /// Extends `seed` left and right, one character at a time, while the longer string
    /// still occurs in both texts (and does not cross a space). The phrase is kept as a
    /// range of `b`, so no candidate is copied.
    static func grow(_ seed: [Unicode.Scalar], in b: [Unicode.Scalar], alsoIn a: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        guard var lo = firstOccurrence(of: seed[...], in: b[...], from: 0) else { return seed[...] }
        var hi = lo + seed.count
        var changed = true
        while changed {
            changed = false
            let length = hi - lo
            var start = firstOccurrence(of: b[lo ..< hi], in: b[...], from: 0)
            while let i = start {
                if i > 0, b[i - 1] != " ", firstOccurrence(of: b[(i - 1) ..< (i + length)], in: a[...], from: 0) != nil {
                    (lo, hi) = (i - 1, i + length); changed = true; break
                }
                let end = i + length
                if end < b.count, b[end] != " ", firstOccurrence(of: b[i ... end], in: a[...], from: 0) != nil {
                    (lo, hi) = (i, end + 1); changed = true; break
                }
                start = firstOccurrence(of: b[lo ..< hi], in: b[...], from: i + 1)
            }
        }
        return b[lo ..< hi]
    }

    /// Whether `needle` occurs in `hay`, compared as UTF-8 bytes (a match of whole scalars,
    /// since no scalar's encoding starts inside another's), without Foundation.
    static func occurs(_ needle: String, in hay: String) -> Bool {
        var needle = needle, hay = hay
        return needle.isEmpty || needle.withUTF8 { n in hay.withUTF8 { h in firstIndex(of: n, in: h, from: 0) != nil } }
    }

    /// The first position at or after `from` where `needle` occurs in `hay`, in `hay`'s own
    /// indices (a slice answers in its parent's positions), compared in place.
    static func firstOccurrence(of needle: ArraySlice<Unicode.Scalar>, in hay: ArraySlice<Unicode.Scalar>, from: Int) -> Int? {
        let base = hay.startIndex
        return needle.withUnsafeBufferPointer { n in
            hay.withUnsafeBufferPointer { h in firstIndex(of: n, in: h, from: from - base).map { $0 + base } }
        }
    }

    /// The search every lookup here shares: the first `i ≥ from` where `needle` starts in
    /// `hay`; `nil` for an empty needle.
    static func firstIndex<T: Equatable>(of needle: UnsafeBufferPointer<T>, in hay: UnsafeBufferPointer<T>, from: Int) -> Int? {
        let n = needle.count
        guard n > 0, n <= hay.count, from <= hay.count - n else { return nil }
        let first = needle[0]
        outer: for i in from...(hay.count - n) where hay[i] == first {
            for k in 1..<n where hay[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }
}
