import Foundation

/// Paths of test fixtures and of the built `scenario-match` binary.
enum Fixtures {
    static let root: URL = {
        // Tests/ScenarioMatchTests/Support/Fixtures.swift → package root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    static func path(_ relative: String) -> String {
        root.appendingPathComponent("Tests/ScenarioMatchTests/Fixtures").appendingPathComponent(relative).path
    }

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sm-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, name: String, in dir: URL) -> String {
        let url = dir.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    /// The products folder holding the test bundle also holds the executable.
    static let binary: URL = {
        var candidates: [URL] = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent()) }
        for dir in candidates {
            var d = dir
            for _ in 0..<4 {
                let exe = d.appendingPathComponent("scenario-match")
                if FileManager.default.isExecutableFile(atPath: exe.path) { return exe }
                d = d.deletingLastPathComponent()
            }
        }
        return root.appendingPathComponent(".build/debug/scenario-match")
    }()

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    /// Runs the CLI from the package root, as a user would.
    static func run(_ arguments: [String], cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = cwd ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
