import Foundation

/// Reads the contract's JSON and JSONL record files with one-line errors naming file,
/// line and field.
public enum RecordFiles {
    /// Every scenario of a `.jsonl` catalog; the first bad line stops the read.
    public static func scenarios(path: String) throws(InputError) -> [Scenario] {
        try records(path: path, { (f) throws(FieldError) in try Scenario(fields: f) }, id: \.id)
    }

    /// Every company of a `.jsonl` file; the first bad line stops the read.
    public static func companies(path: String) throws(InputError) -> [Company] {
        try records(path: path, { (f) throws(FieldError) in try Company(fields: f) }, id: \.id)
    }

    /// Validated records with unique ids, one per non-blank line.
    static func records<T>(
        path: String, _ decode: (JSONFields) throws(FieldError) -> T, id: (T) -> String
    ) throws(InputError) -> [T] {
        var out: [T] = []
        var seen: [String: Int] = [:]
        try forEachJSONLine(path: path) { (line, fields) throws(InputError) in
            let record: T
            do throws(FieldError) { record = try decode(fields) } catch { throw error.located(file: path, line: line) }
            let key = id(record)
            if let first = seen[key] {
                throw InputError(file: path, line: line, field: "id", message: "duplicate id '\(key)' (first on line \(first))")
            }
            seen[key] = line
            out.append(record)
        }
        return out
    }

    /// One company profile held in a `.json` file (a single object, possibly pretty-printed).
    public static func profile(path: String) throws(InputError) -> Company {
        let data = try read(path: path)
        do {
            return try Company(fields: JSONFields(jsonText: data))
        } catch {
            // A whole-file object is reported at line 1, where the object starts.
            throw error.located(file: path, line: 1)
        }
    }

    static func read(path: String) throws(InputError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 0, message: "cannot read file")
        }
        return data
    }

    static func forEachJSONLine(
        path: String, _ body: (Int, JSONFields) throws(InputError) -> Void
    ) throws(InputError) {
        let reader = try LineReader(path: path)
        for (line, text) in reader {
            if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let fields: JSONFields
            do { fields = try JSONFields(jsonText: text) } catch { throw error.located(file: path, line: line) }
            try body(line, fields)
        }
    }
}
