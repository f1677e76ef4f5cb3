import Foundation
import ScenarioMatch
import Testing

@Suite("Evaluation: HTML report")
struct EvalHTMLReportTests {
    static let qrels = EvalSupport.trec("conformance.qrels")

    func writeReport(in dir: URL, compare: Bool = true) throws -> String {
        let path = dir.appendingPathComponent("report.html").path
        var arguments = ["eval", "--qrels", Self.qrels, "--run", EvalSupport.trec("conformance.run"), "--html", path]
        if compare { arguments += ["--compare", EvalSupport.trec("conformance_b.run"), "--permutations", "1000"] }
        let result = try Fixtures.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test("Self-contained: inline CSS and SVG, no scripts, nothing fetched; every section present")
    func selfContained() throws {
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try String(contentsOfFile: try writeReport(in: dir), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<style>") && html.contains("charset=\"utf-8\""))
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.components(separatedBy: "<polyline").count - 1 == 6, "P, recall and nDCG curves for A and B")
        #expect(html.contains("nDCG@10") && html.contains("B − A") && html.contains("Holm"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
    }

    @Test("The report renders in headless Chromium to more than a blank page")
    func rendersInChromium() throws {
        guard let chromium = EvalSupport.which("chromium") else {
            Issue.record("chromium is not on PATH; the report rendering test needs it (Debian package 'chromium', scripts/setup.sh --test)")
            return
        }
        let dir = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try writeReport(in: dir)
        let blank = Fixtures.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>", name: "blank.html", in: dir)

        func screenshot(_ page: String, _ name: String) throws -> Int {
            let png = dir.appendingPathComponent(name).path
            // A profile of its own: parallel runs must not fight over one profile lock.
            let result = try EvalSupport.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.appendingPathComponent("profile-\(name)").path)",
                "--screenshot=\(png)", "--window-size=1200,900", URL(fileURLWithPath: page).absoluteString,
            ], timeout: 120)
            let attributes = try? FileManager.default.attributesOfItem(atPath: png)
            guard let size = attributes?[.size] as? Int, size > 0 else {
                throw EvalSupport.Failure(description: "chromium wrote no screenshot of \(page) (exit \(result.status)): \(result.stderr.suffix(600))")
            }
            let header = try Data(contentsOf: URL(fileURLWithPath: png)).prefix(8)
            #expect(header == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
            return size
        }
        let blankSize = try screenshot(blank, "blank.png")
        let reportSize = try screenshot(report, "report.png")
        // Charts, text and colour compress far worse than a white page of the same size.
        #expect(reportSize > 3 * blankSize, "report \(reportSize) bytes vs blank \(blankSize) bytes")
    }
}
