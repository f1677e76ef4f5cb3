@testable import ScenarioMatch

/// Seeded tests use the library's SplitMix64, so random cases repeat exactly.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    mutating func floats(_ n: Int, in range: ClosedRange<Float> = -1...1) -> [Float] {
        (0..<n).map { _ in Float.random(in: range, using: &self) }
    }
}
