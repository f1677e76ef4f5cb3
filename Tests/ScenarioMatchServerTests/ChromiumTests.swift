import Foundation
import TestSupport
import Hummingbird
import ScenarioMatch
@testable import ScenarioMatchServer
import Testing

@Suite("Server: the page in a real browser")
struct ChromiumTests {
    static func chromium() -> String? {
        (["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { OpenAPITests.which($0) }).first
    }

    /// `chromium --headless … --screenshot=PATH URL`, stopped after two minutes at most.
    static func screenshot(_ chromium: String, url: String, to path: String, profile: URL) throws -> ServerFixtures.ProcessResult {
        try CommandLineRunner.run(URL(fileURLWithPath: chromium), [
            "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(path)", "--window-size=1280,1600",
            "--virtual-time-budget=5000", "--user-data-dir=\(profile.path)", url,
        ], cwd: ServerFixtures.root, timeout: 120)
    }

    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    @Test("Headless Chromium renders / with results: the screenshot is larger than a blank page's")
    func screenshotIsNotBlank() async throws {
        guard let chromium = Self.chromium() else {
            Issue.record("chromium is not installed: run `bash scripts/setup.sh --test` (Debian package chromium)")
            return
        }
        let dir = ServerFixtures.temporaryDirectory()
        let blank = dir.appendingPathComponent("blank.png").path
        let page = dir.appendingPathComponent("page.png").path

        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var configuration = ServerFixtures.configuration()
        configuration.onServerRunning = { port in portSink.yield(port) }
        let app = try await buildApplication(configuration)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())

            // Chromium is waited for on a Dispatch thread: the server's handlers need the cooperative pool.
            let blankRun = try await Self.offPool { try Self.screenshot(chromium, url: "about:blank", to: blank, profile: dir.appendingPathComponent("profile-blank")) }
            let pageRun = try await Self.offPool { try Self.screenshot(chromium, url: "http://127.0.0.1:\(port)/", to: page, profile: dir.appendingPathComponent("profile-page")) }
            group.cancelAll()

            #expect(blankRun.status == 0, "chromium failed on about:blank: \(blankRun.stderr.suffix(800))")
            #expect(pageRun.status == 0, "chromium failed on the page: \(pageRun.stderr.suffix(800))")
            let blankSize = (try? FileManager.default.attributesOfItem(atPath: blank)[.size] as? Int) ?? 0
            let pageSize = try #require(try? FileManager.default.attributesOfItem(atPath: page)[.size] as? Int, "no screenshot at \(page)")
            let png = try Data(contentsOf: URL(fileURLWithPath: page))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
            #expect(pageSize > blankSize * 3, "page screenshot \(pageSize) bytes vs blank \(blankSize) bytes: the page looks blank")
            print("ChromiumTests: screenshot of the page kept at \(page) (\(pageSize) bytes; about:blank \(blankSize) bytes)")
        }
    }
}
