import Foundation
import TestSupport

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
    static let binary: URL = CommandLineRunner.binary(root: root)

    typealias Result = CommandLineRunner.Result

    /// Runs the CLI from the package root, as a user would.
    static func run(_ arguments: [String], cwd: URL? = nil) throws -> Result {
        try CommandLineRunner.run(binary, arguments, cwd: cwd ?? root)
    }
}
