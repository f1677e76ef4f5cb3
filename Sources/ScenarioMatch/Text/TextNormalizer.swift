import Foundation

/// Brings Chinese and mixed text to one form before tokenizing: NFKC (which also folds
/// full-width letters, digits and punctuation to half-width), lower case, and every
/// punctuation or symbol mark turned into a space.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        commonNormalize(text) ?? foundationNormalize(text)
    }

    /// The same result, scalar by scalar and without Foundation, for text made only of
    /// ASCII, CJK unified ideographs, full-width ASCII forms and CJK punctuation (what nearly
    /// every record holds): there NFKC maps a full-width form to its ASCII letter, leaves the
    /// rest alone (or, for punctuation, maps a separator to a separator), and lower-casing
    /// touches A–Z only. Any other scalar returns `nil`, and the text takes the full path.
    static func commonNormalize(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for original in text.unicodeScalars {
            var v = original.value
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            let separator: Bool
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { v += 0x20 }
                separator = isSeparator(Unicode.Scalar(UInt8(v)))
            } else if v >= 0x4E00 && v <= 0x9FFF {
                separator = false
            } else if v >= 0x3000 && v <= 0x303F && isSeparator(original) {
                separator = true
            } else {
                return nil
            }
            if separator {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(Unicode.Scalar(v)!)
                lastWasSpace = false
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// NFKC through Foundation, then lower case and separators.
    static func foundationNormalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        out.reserveCapacity(folded.unicodeScalars.count)
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            if isSeparator(scalar) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Han ideographs (the CJK blocks our texts use) are tokenized as characters.
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF, 0x3040...0x30FF:
            return true
        default:
            return false
        }
    }
}
