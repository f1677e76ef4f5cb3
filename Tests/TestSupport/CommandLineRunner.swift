import Foundation

/// Runs the built `scenario-match` binary as a user would, for both test targets.
public enum CommandLineRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable built beside the test bundle (the products folder holds both), else
    /// the debug build under `root`.
    public static func binary(root: URL) -> URL {
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
    }

    /// Runs `executable` in `cwd` and collects its status and both outputs; with a
    /// `timeout`, a process still running after that many seconds is terminated.
    public static func run(_ executable: URL, _ arguments: [String], cwd: URL, timeout: TimeInterval? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = cwd
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if p.isRunning { p.terminate() }
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
