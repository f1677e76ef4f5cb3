import Foundation

/// A ranking in TREC run format: `query Q0 document rank score tag` per line.
///
/// Read the way trec_eval's `get_trec_results.c` reads it: whitespace-separated fields, blank and
/// `#` lines skipped, fields after the tag ignored. Where trec_eval is lax we are strict, because
/// its laxness hides broken files: the score must be a number (trec_eval's `atof` turns garbage
/// into 0) and the rank an integer (trec_eval never looks at it). A document listed twice for one
/// query is an error, as in trec_eval (`form_res_rels.c`: "duplicate docs"), but reported with
/// its line instead of aborting the whole evaluation.
public struct TRECRun: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var query: String
        public var document: String
        public var rank: Int
        public var score: Double
        public var tag: String

        public init(query: String, document: String, rank: Int, score: Double, tag: String) {
            self.query = query; self.document = document; self.rank = rank
            self.score = score; self.tag = tag
        }
    }

    /// Entries in file order.
    public private(set) var entries: [Entry]
    private var indicesByQuery: [String: [Int]]

    public init(entries: [Entry] = []) {
        self.entries = []
        self.indicesByQuery = [:]
        for entry in entries { append(entry) }
    }

    public mutating func append(_ entry: Entry) {
        indicesByQuery[entry.query, default: []].append(entries.count)
        entries.append(entry)
    }

    /// Every query with at least one entry, in trec_eval's order (byte order of the ids).
    public var queries: [String] { indicesByQuery.keys.sorted(by: TRECQrels.precedes) }

    public func contains(query: String) -> Bool { indicesByQuery[query] != nil }

    /// The query's entries in the order trec_eval evaluates them: score descending, ties broken
    /// by document id descending (`comp_sim_docno` in `form_res_rels.c`). The rank column plays
    /// no part, so a run whose ranks disagree with its scores is judged by its scores.
    public func ranking(of query: String) -> [Entry] {
        (indicesByQuery[query] ?? []).map { entries[$0] }.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            return TRECQrels.precedes(b.document, a.document)
        }
    }

    // MARK: Reading

    /// Reads a run file; the first bad line stops the read.
    public static func read(path: String) throws(InputError) -> TRECRun {
        let reader = try LineReader(path: path)
        var run = TRECRun()
        var firstLine: [String: [String: Int]] = [:]
        for (line, bytes) in reader {
            guard let fields = try TRECQrels.whitespaceFields(bytes, file: path, line: line) else { continue }
            guard fields.count >= 6 else {
                throw InputError(file: path, line: line,
                                 message: "expected 6 whitespace-separated fields 'query Q0 document rank score tag', got \(fields.count)")
            }
            let (query, document) = (fields[0], fields[2])
            guard let rank = Int(fields[3]) else {
                throw InputError(file: path, line: line, field: "rank", message: "expected an integer, got '\(fields[3])'")
            }
            guard let score = Double(fields[4]), !score.isNaN else {
                throw InputError(file: path, line: line, field: "score", message: "expected a number, got '\(fields[4])'")
            }
            if let first = firstLine[query]?[document] {
                throw InputError(file: path, line: line, field: "document",
                                 message: "duplicate document '\(document)' for query '\(query)' (first on line \(first)); trec_eval refuses duplicates too")
            }
            firstLine[query, default: [:]][document] = line
            run.append(Entry(query: query, document: document, rank: rank, score: score, tag: fields[5]))
        }
        return run
    }

    // MARK: Writing

    /// One line of the format. The score is printed with Swift's shortest round-tripping form so
    /// that reading the file back gives the very same ordering, ties included.
    public static func line(_ entry: Entry) -> String {
        "\(entry.query) Q0 \(entry.document) \(entry.rank) \(entry.score) \(entry.tag)"
    }

    /// The whole run as text, entries in their current order.
    public func text() -> String {
        entries.map { TRECRun.line($0) + "\n" }.joined()
    }

    /// Writes the run atomically: a reader never sees half a file.
    public func write(to path: String) throws {
        try AtomicFile.write(text(), to: path)
    }
}
