import Foundation

/// RFC 4180 quoting for one output cell.
enum CSVField {
    static func quote(_ s: String) -> String {
        // Scanned as UTF-8 bytes: the four ASCII marks never occur inside a multi-byte scalar.
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func row(_ cells: [String]) -> String { cells.map(quote).joined(separator: ",") + "\n" }
}
