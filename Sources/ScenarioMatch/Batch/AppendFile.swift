import Foundation

/// An output that grows block by block; `sync()` makes what was written durable before a
/// checkpoint names its size.
final class AppendFile {
    let path: String
    private let handle: FileHandle
    private var buffer = Data()
    private(set) var size: UInt64

    /// Opens `path` truncated to `keep` bytes (0 for a fresh file).
    init(path: String, keep: UInt64) throws {
        self.path = path
        if keep == 0 || !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = h
        size = keep
        try h.truncate(atOffset: keep)
        try h.seekToEnd()
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 20 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        size += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    func sync() throws {
        flush()
        try handle.synchronize()
    }

    func close() throws { try sync(); try handle.close() }
}
