import Foundation

/// Streams company records from a CSV or JSONL file of any size. A bad row does not stop
/// the stream: it comes out as a failure with its line, id (when one could be read) and
/// reason, so a batch can account for every input row. Can start again at a checkpoint.
public final class CompanyStream: Sequence, IteratorProtocol {
    public struct Item: Sendable {
        public var line: Int
        public var result: Result<Company, InputError>
        /// The id, when the row had a readable one, even if the row is otherwise bad.
        public var id: String?
    }

    /// Where to pick up: the byte offset after the last consumed row and its line number.
    public struct Position: Codable, Sendable, Equatable {
        public var offset: UInt64
        public var line: Int
    }

    private let path: String
    private let csv: CSVRecordReader?
    private let header: CompanyCSV.Header?
    private let jsonl: LineReader?
    private var seen: [String: Int] = [:]

    public init(path: String, resumeAt position: Position? = nil) throws(InputError) {
        self.path = path
        if path.lowercased().hasSuffix(".csv") {
            let headReader = try CSVRecordReader(path: path)
            guard let first = headReader.next() else { throw InputError(file: path, line: 1, message: "empty file: no header row") }
            guard let names = first.fields else { throw InputError(file: path, line: first.line, message: first.problem ?? "malformed header") }
            header = try CompanyCSV.Header(names, path: path, line: first.line)
            csv = position == nil ? headReader : try CSVRecordReader(path: path, offset: position!.offset, line: position!.line)
            jsonl = nil
        } else {
            jsonl = try LineReader(path: path, offset: position?.offset ?? 0, line: position?.line ?? 1)
            csv = nil
            header = nil
        }
        if let position, position.offset > 0 { try rememberIDs(before: position) }
    }

    /// On resume, the ids of the valid rows before the checkpoint, so that a duplicate of
    /// one of them after it is still caught: the rows are read again up to the checkpoint
    /// (never past it), in chunks so that memory stays bounded, and checked as on the first run.
    private func rememberIDs(before position: Position) throws(InputError) {
        let replay = try CompanyStream(path: path)
        while !replay.next(upTo: 4096, before: position.offset).isEmpty {}
        seen = replay.seen
    }

    /// The position after the last item returned.
    public var position: Position {
        if let csv { return Position(offset: csv.offset, line: csv.nextLine) }
        return Position(offset: jsonl!.offset, line: jsonl!.nextLine)
    }

    public func next() -> Item? {
        next(upTo: 1).first
    }

    /// Up to `limit` items: the rows are read in order on this thread, turned into companies
    /// on all cores, then checked for duplicate ids in order. The position after the call is
    /// right after the last row returned.
    public func next(upTo limit: Int) -> [Item] {
        next(upTo: Swift.max(limit, 1), before: .max)
    }

    /// As `next(upTo:)`, reading no row that starts at or after byte `end`.
    private func next(upTo limit: Int, before end: UInt64) -> [Item] {
        var raw: [Raw] = []
        while raw.count < limit, position.offset < end, let r = nextRaw() { raw.append(r) }
        let (path, header) = (self.path, self.header)
        var items = parallelMap(raw) { Self.item($0, header: header, path: path) }
        for i in items.indices {
            guard case .success(let c) = items[i].result else { continue }
            if let first = seen[c.id] {
                items[i].result = .failure(InputError(file: path, line: items[i].line, field: "id", message: "duplicate id '\(c.id)' (first on line \(first))"))
            } else {
                seen[c.id] = items[i].line
            }
        }
        return items
    }

    /// One row as read, before it is parsed.
    enum Raw: Sendable {
        case csv(CSVRecordReader.Record)
        case json(line: Int, text: Data)
    }

    private func nextRaw() -> Raw? {
        if let csv {
            return csv.next().map { .csv($0) }
        }
        while let n = jsonl!.next() {
            if !n.text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .json(line: n.line, text: n.text) }
        }
        return nil
    }

    private static func item(_ raw: Raw, header: CompanyCSV.Header?, path: String) -> Item {
        switch raw {
        case .csv(let record):
            let header = header!
            let id = record.fields.flatMap { row in header.positions.first { $0.name == "id" }.flatMap { $0.index < row.count ? row[$0.index] : nil } }
            do { return Item(line: record.line, result: .success(try CompanyCSV.company(record, header: header, path: path)), id: id) } catch {
                return Item(line: record.line, result: .failure(error), id: id)
            }
        case let .json(line, text):
            do {
                let fields = try JSONFields(jsonText: text)
                let id = fields.object["id"] as? String
                do { return Item(line: line, result: .success(try Company(fields: fields)), id: id) } catch {
                    return Item(line: line, result: .failure(error.located(file: path, line: line)), id: id)
                }
            } catch {
                return Item(line: line, result: .failure(error.located(file: path, line: line)), id: nil)
            }
        }
    }
}
