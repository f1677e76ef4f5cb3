/// Splits normalized text into features: Han character unigrams and bigrams (bigrams do
/// not cross a break in the text), and whole Latin or digit words. Lexicon terms, when a
/// lexicon is given, are added as whole-term features beside the n-grams.
public struct Tokenizer: Sendable {
    public var lexicon: Lexicon?
    public var unigrams: Bool

    public init(lexicon: Lexicon? = nil, unigrams: Bool = true) {
        self.lexicon = lexicon
        self.unigrams = unigrams
    }

    /// Feature strings in text order; n-grams are prefixed so they never collide with words.
    public func tokens(_ text: String) -> [String] {
        let normalized = TextNormalizer.normalize(text)
        var out: [String] = []
        var previousHan: Unicode.Scalar?
        var word = String.UnicodeScalarView()

        func flushWord() {
            if !word.isEmpty { out.append(String(word)); word.removeAll() }
        }
        for scalar in normalized.unicodeScalars {
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
        if let lexicon {
            for concept in lexicon.matches(inNormalized: normalized) {
                out.append(Lexicon.featurePrefix + concept.id)
            }
        }
        return out
    }
}
