import Foundation

/// Streams RFC 4180 CSV records (quoted fields may hold commas, doubled quotes and line
/// breaks) and reports the physical line each record starts on, so errors can name it.
/// A UTF-8 byte order mark at the start is skipped. Memory is bounded by the longest record.
public final class CSVRecordReader: Sequence, IteratorProtocol {
    private let lines: LineReader
    private let path: String
    private var first = true

    public init(path: String, offset: UInt64 = 0, line: Int = 1) throws(InputError) {
        lines = try LineReader(path: path, offset: offset, line: line)
        self.path = path
        self.first = offset == 0
    }

    /// The number the next physical line will get.
    public var nextLine: Int { lines.nextLine }

    public struct Record: Sendable {
        public var line: Int
        /// `nil` when the record is malformed; `problem` says why.
        public var fields: [String]?
        public var problem: String?
    }

    /// Byte offset just past the last record returned.
    public var offset: UInt64 { lines.offset }

    public func next() -> Record? {
        guard var (lineNo, data) = lines.next() else { return nil }
        if first {
            first = false
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        }
        var text = String(decoding: data, as: UTF8.self)
        // Blank lines between records are not records.
        while text.isEmpty {
            guard let (n, d) = lines.next() else { return nil }
            lineNo = n
            text = String(decoding: d, as: UTF8.self)
        }
        while true {
            switch Self.parse(text) {
            case .complete(let fields):
                return Record(line: lineNo, fields: fields, problem: nil)
            case .malformed(let why):
                return Record(line: lineNo, fields: nil, problem: why)
            case .openQuote:
                guard let (_, more) = lines.next() else {
                    return Record(line: lineNo, fields: nil, problem: "a quoted field is not closed before the end of the file")
                }
                text += "\n" + String(decoding: more, as: UTF8.self)
            }
        }
    }

    enum Parse { case complete([String]), openQuote, malformed(String) }

    static func parse(_ text: String) -> Parse {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        func nextChar() -> Character? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        var atFieldStart = true
        while let c = nextChar() {
            if inQuotes {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; afterQuote = true; pending = n }
                    } else { inQuotes = false; afterQuote = true }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field); field = ""; afterQuote = false; atFieldStart = true
                continue
            case "\"" where atFieldStart:
                inQuotes = true
            case "\"":
                return .malformed("a quote inside an unquoted field (quote the field and double the quote)")
            default:
                if afterQuote { return .malformed("text after a closing quote") }
                field.append(c)
            }
            atFieldStart = false
        }
        if inQuotes { return .openQuote }
        fields.append(field)
        return .complete(fields)
    }
}
