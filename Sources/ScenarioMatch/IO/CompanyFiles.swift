/// Reads a whole company file, CSV or JSONL by its extension.
public enum CompanyFiles {
    public static func read(path: String) throws(InputError) -> [Company] {
        if path.lowercased().hasSuffix(".csv") {
            return try CompanyCSV.readAll(path: path)
        }
        return try RecordFiles.companies(path: path)
    }
}
