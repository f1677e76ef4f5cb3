import Foundation
import Testing
@testable import ScenarioMatch

@Suite("Text")
struct TokenizerTests {
    @Test("Normalization folds full-width forms and case, and turns punctuation into single spaces")
    func normalize() {
        #expect(TextNormalizer.normalize("ＡＩ巡检，５Ｇ（专网）！") == "ai巡检 5g 专网")
        #expect(TextNormalizer.normalize("  无人机——物流  ") == "无人机 物流")
        #expect(TextNormalizer.normalize("") == "")
    }

    @Test("The scalar-by-scalar path gives what NFKC through Foundation gives, on every dataset text and on edge cases")
    func commonPathAgreesWithFoundation() throws {
        var texts = ["ＡＢＣ，ｘｙｚ！１２３", "　全角空格　与〈书名号〉「引号」", "Tab\there\r\nLF", "〸〹〺", "々〇", "e\u{301}clair",
                     "ﾊﾝｶｸ半角", "① ② ⅷ", "Ｖ２Ｘ车路协同、ＬｉＤＡＲ", "AI/5G+IoT_2025", "\u{3000}", "——", ""]
        for name in ["Datasets/scenarios.jsonl", "Datasets/companies.jsonl"] {
            let raw = try String(contentsOf: Fixtures.root.appendingPathComponent(name), encoding: .utf8)
            texts += raw.split(separator: "\n").map(String.init)
        }
        var common = 0
        for t in texts {
            #expect(TextNormalizer.normalize(t) == TextNormalizer.foundationNormalize(t), "\(t.prefix(40))")
            if TextNormalizer.commonNormalize(t) != nil { common += 1 }
        }
        // The fast path must actually carry the datasets, or it is dead weight.
        #expect(common > texts.count / 2)
        #expect(TextNormalizer.commonNormalize("〸") == nil)
        #expect(TextNormalizer.commonNormalize("ｅ\u{301}") == nil)
    }

    @Test("Han text gives unigrams and bigrams that never cross punctuation; Latin and digits stay whole words")
    func tokens() {
        let t = Tokenizer().tokens("无人机，巡检 LiDAR 3D")
        #expect(t == ["无", "人", "无人", "机", "人机", "巡", "检", "巡检", "lidar", "3d"])
        #expect(!t.contains("机巡"))
    }

    @Test("Bigrams only, when unigrams are off")
    func bigramsOnly() {
        #expect(Tokenizer(unigrams: false).tokens("变电站") == ["变电", "电站"])
    }
}
