import Foundation

/// Reads a file line by line in fixed-size chunks, so memory stays bounded whatever the
/// file's size. Lines end at `\n`; a trailing `\r` is dropped. Yields 1-based line numbers.
public final class LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEOF = false
    private var lineNumber = 0
    private let chunkSize: Int
    /// Byte offset of the start of the next line, for resumable readers.
    public private(set) var offset: UInt64 = 0

    /// Starts at byte `offset`, which must be the start of a line, numbered `line`.
    /// A file that cannot be opened, or not at `offset`, is one `InputError` naming it.
    public init(path: String, chunkSize: Int = 1 << 20, offset: UInt64 = 0, line: Int = 1) throws(InputError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, line: 0, message: "cannot open file")
        }
        if offset > 0 {
            do { try handle.seek(toOffset: offset) } catch { throw InputError(file: path, line: 0, message: "cannot open file") }
        }
        self.handle = handle
        self.chunkSize = chunkSize
        self.offset = offset
        self.lineNumber = line - 1
    }

    /// The number the next line will get.
    public var nextLine: Int { lineNumber + 1 }

    deinit { try? handle.close() }

    public func next() -> (line: Int, text: Data)? {
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                var line = buffer[buffer.startIndex..<nl]
                offset += UInt64(line.count + 1)
                buffer = buffer[(nl + 1)...]
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return (lineNumber, Data(line))
            }
            if atEOF {
                guard !buffer.isEmpty else { return nil }
                var line = buffer
                offset += UInt64(line.count)
                buffer = Data()
                if line.last == 0x0D { line = line.dropLast() }
                lineNumber += 1
                return (lineNumber, Data(line))
            }
            let chunk = handle.readData(ofLength: chunkSize)
            if chunk.isEmpty { atEOF = true } else { buffer.append(chunk) }
        }
    }
}
