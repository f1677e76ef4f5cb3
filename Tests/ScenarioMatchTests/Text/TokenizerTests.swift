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
