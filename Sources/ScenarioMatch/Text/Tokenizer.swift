/// Splits normalized text into features: Han character unigrams and bigrams (bigrams do
/// not cross a break in the text), and whole Latin or digit words. With a lexicon, the
/// lexicon's terms are found by longest match and reported beside the n-grams, and the
/// spans of generic boilerplate (经营范围's 技术服务、技术开发…) are dropped before n-gramming.
public struct Tokenizer: Sendable {
    public var lexicon: Lexicon?
    public var unigrams: Bool

    public init(lexicon: Lexicon? = nil, unigrams: Bool = true) {
        self.lexicon = lexicon
        self.unigrams = unigrams
    }

    /// What one text yields: n-gram features, and the ids of the lexicon concepts it names.
    public struct Analysis: Sendable, Equatable {
        public var ngrams: [String]
        public var concepts: [String]
    }

    public func analyze(_ text: String) -> Analysis {
        let normalized = TextNormalizer.normalize(text)
        guard let lexicon else { return Analysis(ngrams: ngrams(normalized.unicodeScalars), concepts: []) }
        var scalars = Array(normalized.unicodeScalars)
        var concepts: [String] = []
        for m in lexicon.spans(inNormalized: normalized) {
            if m.concept.kind == .generic {
                for i in m.start..<(m.start + m.length) { scalars[i] = " " }
            } else {
                concepts.append(m.concept.id)
            }
        }
        return Analysis(ngrams: ngrams(scalars), concepts: concepts)
    }

    /// N-gram features only (the lexical block's view of a text).
    public func tokens(_ text: String) -> [String] {
        analyze(text).ngrams
    }

    func ngrams<S: Sequence>(_ normalized: S) -> [String] where S.Element == Unicode.Scalar {
        var out: [String] = []
        var previousHan: Unicode.Scalar?
        var word = String.UnicodeScalarView()

        func flushWord() {
            if !word.isEmpty { out.append(String(word)); word.removeAll() }
        }
        for scalar in normalized {
            if TextNormalizer.isHan(scalar) {
                flushWord()
                if unigrams { out.append(String(Character(scalar))) }
                if let p = previousHan {
                    var bigram = String.UnicodeScalarView()
                    bigram.append(p); bigram.append(scalar)
                    out.append(String(bigram))
                }
                previousHan = scalar
            } else if scalar == " " {
                flushWord()
                previousHan = nil
            } else {
                previousHan = nil
                word.append(scalar)
            }
        }
        flushWord()
        return out
    }
}
