import Foundation
import ScenarioMatch

/// Progress on stderr: a redrawn bar (rows, rows/s, ETA) on a terminal, a plain line every
/// few seconds otherwise, nothing with --quiet.
final class ProgressReporter {
    let quiet: Bool
    let terminal = isatty(2) != 0
    let start = Date()
    var lastLine = Date.distantPast
    var drew = false

    init(quiet: Bool) { self.quiet = quiet }

    func update(_ p: BatchRunner.Progress) {
        guard !quiet else { return }
        let elapsed = max(Date().timeIntervalSince(start), 1e-3)
        let rate = Double(p.rows) / elapsed
        let fraction = p.totalBytes > 0 ? min(1, Double(p.bytesRead) / Double(p.totalBytes)) : 0
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let numbers = String(format: "%d rows  %.0f rows/s  ETA %.0fs", p.rows, rate, eta)
        if terminal {
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(String(format: "%3.0f%%", fraction * 100))  \(numbers)\u{1B}[K".utf8))
            drew = true
        } else if Date().timeIntervalSince(lastLine) >= 5 {
            FileHandle.standardError.write(Data("batch: \(String(format: "%.0f%%", fraction * 100)) \(numbers)\n".utf8))
            lastLine = Date()
        }
    }

    func finish() {
        if drew { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
