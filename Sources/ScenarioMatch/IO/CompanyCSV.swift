import Foundation

/// Company profiles as CSV rows: a header names the contract's fields in any order
/// (unknown columns are ignored); list columns split on `;` `；` `、` `|`.
public enum CompanyCSV {
    public static let listFields: Set<String> = ["industries", "products", "technologies", "qualifications"]
    public static let columns = ["id", "name", "description", "district", "industries", "products", "technologies",
                                 "qualifications", "founded", "employees", "patents"]

    /// Maps a header row to the known columns it holds.
    public struct Header: Sendable {
        public let positions: [(name: String, index: Int)]
        public let width: Int

        public init(_ fields: [String], path: String, line: Int) throws(InputError) {
            let names = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            for required in ["id", "name", "description"] where !names.contains(required) {
                throw InputError(file: path, line: line, field: required, message: "the header has no '\(required)' column")
            }
            positions = names.enumerated().compactMap { i, n in CompanyCSV.columns.contains(n) ? (n, i) : nil }
            width = fields.count
        }

        /// One row as the JSON-like object the record validator reads. Empty cells are absent.
        public func object(_ row: [String]) -> [String: Any] {
            var o: [String: Any] = [:]
            for (name, i) in positions where i < row.count {
                let cell = row[i].trimmingCharacters(in: .whitespacesAndNewlines)
                if cell.isEmpty { continue }
                o[name] = CompanyCSV.listFields.contains(name) ? ListField.split(cell) as Any : cell as Any
            }
            return o
        }
    }

    /// Validates one data row; the error names the line and field.
    public static func company(_ record: CSVRecordReader.Record, header: Header, path: String) throws(InputError) -> Company {
        guard let row = record.fields else {
            throw InputError(file: path, line: record.line, message: record.problem ?? "malformed CSV")
        }
        guard row.count == header.width else {
            throw InputError(file: path, line: record.line, message: "\(row.count) fields where the header has \(header.width)")
        }
        do { return try Company(fields: JSONFields(header.object(row))) } catch {
            throw error.located(file: path, line: record.line)
        }
    }

    /// All rows; the first bad row stops the read (the batch command instead routes bad
    /// rows to its errors file).
    public static func readAll(path: String) throws(InputError) -> [Company] {
        let reader = try CSVRecordReader(path: path)
        guard let first = reader.next() else { throw InputError(file: path, line: 1, message: "empty file: no header row") }
        guard let names = first.fields else { throw InputError(file: path, line: first.line, message: first.problem ?? "malformed header") }
        let header = try Header(names, path: path, line: first.line)
        var out: [Company] = []
        var seen: [String: Int] = [:]
        for record in reader {
            let c = try company(record, header: header, path: path)
            if let at = seen[c.id] { throw InputError(file: path, line: record.line, field: "id", message: "duplicate id '\(c.id)' (first on line \(at))") }
            seen[c.id] = record.line
            out.append(c)
        }
        return out
    }
}
