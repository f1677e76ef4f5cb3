import ArgumentParser
import Foundation

/// The test split is never used for training or tuning: any judgments file whose name says
/// "test" is refused wherever a command would train on it.
enum TestSplitGuard {
    static func isTestSplit(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.lowercased().contains("test")
    }

    static func refuseTraining(on path: String, message: String? = nil) throws {
        guard !isTestSplit(path) else {
            throw ValidationError(message ?? "refusing to train on '\(path)': the test split is never used for training")
        }
    }
}
