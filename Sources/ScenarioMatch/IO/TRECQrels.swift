import Foundation

/// Relevance judgments in TREC qrels format: `query 0 document grade` per line.
///
/// Read the way trec_eval's `get_qrels.c` reads them: whitespace-separated fields, exactly four
/// of them, blank lines and `#` comment lines skipped, the second field ignored, the grade an
/// integer that may be negative (trec_eval treats a negative grade as "in the pool but not
/// judged", i.e. never relevant). Unlike trec_eval, which only notices a duplicate judgment when
/// it evaluates that query (and then stops), a duplicate is reported at read time with its line.
public struct TRECQrels: Sendable, Equatable {
    /// query → document → grade.
    public private(set) var grades: [String: [String: Int]]

    public init(grades: [String: [String: Int]] = [:]) {
        self.grades = grades
    }

    /// Every query with at least one judgment, in trec_eval's order (byte order of the ids).
    public var queries: [String] { grades.keys.sorted(by: TRECQrels.precedes) }

    public func grade(query: String, document: String) -> Int? {
        grades[query]?[document]
    }

    /// Reads a qrels file; the first bad line stops the read.
    public static func read(path: String) throws(InputError) -> TRECQrels {
        let reader = try LineReader(path: path)
        var qrels = TRECQrels()
        var firstLine: [String: [String: Int]] = [:]
        for (line, bytes) in reader {
            guard let fields = try whitespaceFields(bytes, file: path, line: line) else { continue }
            guard fields.count == 4 else {
                throw InputError(file: path, line: line,
                                 message: "expected 4 whitespace-separated fields 'query 0 document grade', got \(fields.count)")
            }
            let (query, document) = (fields[0], fields[2])
            guard let grade = Int(fields[3]) else {
                throw InputError(file: path, line: line, field: "grade", message: "expected an integer, got '\(fields[3])'")
            }
            if let first = firstLine[query]?[document] {
                throw InputError(file: path, line: line, field: "document",
                                 message: "duplicate judgment of '\(document)' for query '\(query)' (first on line \(first))")
            }
            firstLine[query, default: [:]][document] = line
            qrels.grades[query, default: [:]][document] = grade
        }
        return qrels
    }

    /// trec_eval compares ids with `strcmp`, i.e. by bytes; Swift's `<` on `String` compares
    /// Unicode canonical forms, which can disagree outside ASCII.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The whitespace-separated fields of one TREC line, or nil for a blank or `#` comment line.
    /// Shared by the qrels and run readers, which follow the same lexical rules.
    static func whitespaceFields(_ bytes: Data, file: String, line: Int) throws(InputError) -> [String]? {
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw InputError(file: file, line: line, message: "not valid UTF-8")
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" })
        if fields.isEmpty || fields[0].hasPrefix("#") { return nil }
        return fields.map(String.init)
    }
}
