import Foundation

extension TRECEvaluation {
    /// trec_eval's text output: with `perQuery`, every measure of the first query, then of the
    /// next (qrels byte order), and finally every measure's `all` line.
    public func trecEvalText(perQuery: Bool) -> String {
        var out = ""
        if perQuery {
            for (q, query) in queries.enumerated() {
                for (m, measure) in measures.enumerated() {
                    out += TRECEvaluation.line(measure: measure.name, query: query, value: values[q][m]) + "\n"
                }
            }
        }
        for (m, measure) in measures.enumerated() {
            out += TRECEvaluation.line(measure: measure.name, query: "all", value: averages[m]) + "\n"
        }
        return out
    }

    /// One line as trec_eval prints it (`"%-22s\t%s\t%6.4f\n"` in meas_print_single.c and
    /// meas_print_final.c): the name padded to 22 bytes, then tab-separated query and value.
    public static func line(measure: String, query: String, value: Double) -> String {
        padded(measure) + "\t" + query + "\t" + String(format: "%6.4f", value)
    }

    /// A measure name padded to trec_eval's 22 bytes (`%-22s`).
    public static func padded(_ measure: String) -> String {
        measure + String(repeating: " ", count: max(0, 22 - measure.utf8.count))
    }
}
