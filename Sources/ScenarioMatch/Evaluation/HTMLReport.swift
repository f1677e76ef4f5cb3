import Foundation

/// The evaluation as one self-contained HTML page (inline CSS and SVG, nothing fetched): the
/// headline measures, P / recall / nDCG over the cutoffs k, the spread of per-query nDCG@10,
/// and with a second run the per-measure differences marked by significance.
public struct HTMLReport: Sendable {
    public struct Run: Sendable {
        public var name: String
        /// Must hold the curve measures (`P`, `recall`, `ndcg_cut` at trec_eval's cutoffs) to draw
        /// the curves and `ndcg_cut_10` for the histogram; missing ones are simply not drawn.
        public var evaluation: TRECEvaluation

        public init(name: String, evaluation: TRECEvaluation) {
            self.name = name; self.evaluation = evaluation
        }
    }

    public var title: String
    public var runA: Run
    public var runB: Run?
    /// Names of the measures to show in the summary table, in order.
    public var headline: [String]
    public var comparisons: [PairedComparison]
    public var market: MarketMeasures?

    public init(title: String = "ScenarioMatch 离线评测 Offline evaluation", runA: Run, runB: Run? = nil,
                headline: [String], comparisons: [PairedComparison] = [], market: MarketMeasures? = nil) {
        self.title = title; self.runA = runA; self.runB = runB
        self.headline = headline; self.comparisons = comparisons; self.market = market
    }

    /// The measure families drawn as curves over k.
    public static let curveFamilies = ["P", "recall", "ndcg_cut"]
    static let colorA = "#2563eb"
    static let colorB = "#ea580c"

    public func render() -> String {
        var body = "<h1>\(e(title))</h1>\n"
        body += "<p class=\"meta\">A = <code>\(e(runA.name))</code>"
        if let runB { body += " · B = <code>\(e(runB.name))</code>" }
        body += " · \(runA.evaluation.queries.count) 个查询企业 queries (trec_eval averaging, no <code>-c</code>)</p>\n"
        body += summaryTable()
        body += "<h2>指标随截断 k 的变化 Measures at cutoff k</h2>\n<div class=\"row\">\(curves())</div>\n"
        body += "<h2>单查询 nDCG@10 分布 Per-query nDCG@10</h2>\n<div class=\"row\">\(histogram())</div>\n"
        if !comparisons.isEmpty { body += comparisonSection() }
        if let market { body += marketSection(market) }
        return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title))</title>
        <style>
        body{font-family:-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;margin:24px;color:#1f2937;background:#fff}
        h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
        .meta{color:#6b7280;font-size:13px}.row{display:flex;flex-wrap:wrap;gap:12px}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #e5e7eb;padding:4px 10px;text-align:right}
        th{background:#f3f4f6}td:first-child,th:first-child{text-align:left}
        svg{background:#fafafa;border:1px solid #e5e7eb}.title{font-size:13px;font-weight:600;fill:#111827}
        .tick{font-size:10px;fill:#4b5563}.axis{stroke:#6b7280;stroke-width:1}.grid{stroke:#e5e7eb;stroke-width:1}
        .note{font-size:12px;color:#6b7280}
        </style></head><body>
        \(body)
        </body></html>

        """
    }

    // MARK: Sections

    private func summaryTable() -> String {
        var rows = "<tr><th>指标 measure</th><th>A</th>" + (runB != nil ? "<th>B</th>" : "") + "</tr>"
        for name in headline {
            rows += "<tr><td>\(e(name))</td><td>\(figure(runA.evaluation.average(of: name)))</td>"
            if let runB { rows += "<td>\(figure(runB.evaluation.average(of: name)))</td>" }
            rows += "</tr>"
        }
        return "<h2>总体 Overall (all)</h2>\n<table>\(rows)</table>\n"
    }

    private func curves() -> String {
        let titles = ["P": "P@k 精确率 precision", "recall": "recall@k 召回率", "ndcg_cut": "nDCG@k"]
        return HTMLReport.curveFamilies.map { family in
            let ks = trecEvalLongCutoffs.filter { runA.evaluation.measureIndex(named: "\(family)_\($0)") != nil }
            var series = [SVGChart.Series(name: "A", color: HTMLReport.colorA,
                                          values: ks.map { runA.evaluation.average(of: "\(family)_\($0)") ?? 0 })]
            if let runB {
                series.append(SVGChart.Series(name: "B", color: HTMLReport.colorB,
                                              values: ks.map { runB.evaluation.average(of: "\(family)_\($0)") ?? 0 }))
            }
            return SVGChart.lineChart(title: titles[family] ?? family, xLabels: ks.map(String.init), series: series)
        }.joined(separator: "\n")
    }

    private func histogram() -> String {
        let bins = 10
        let labels = (0..<bins).map { String(format: "%.1f", Double($0) / Double(bins)) }
        func counts(_ evaluation: TRECEvaluation) -> [Double] {
            var c = Array(repeating: 0.0, count: bins)
            for v in evaluation.perQuery("ndcg_cut_10").values { c[min(Int(v * Double(bins)), bins - 1)] += 1 }
            return c
        }
        var series = [SVGChart.Series(name: "A", color: HTMLReport.colorA, values: counts(runA.evaluation))]
        if let runB { series.append(SVGChart.Series(name: "B", color: HTMLReport.colorB, values: counts(runB.evaluation))) }
        return SVGChart.groupedBars(title: "nDCG@10 直方图 histogram", categories: labels, series: series)
    }

    private func comparisonSection() -> String {
        let rows = comparisons.map { c in
            (label: c.measure, value: c.meanDifference,
             note: String(format: "%+.4f ", c.meanDifference) + HTMLReport.stars(c.randomizationPHolm))
        }
        var table = "<tr><th>measure</th><th>A</th><th>B</th><th>B−A</th><th>p (rand.)</th><th>p Holm</th><th>p (t)</th><th>p (t) Holm</th><th>win/tie/loss</th></tr>"
        for c in comparisons {
            table += "<tr><td>\(e(c.measure))</td><td>\(figure(c.meanA))</td><td>\(figure(c.meanB))</td>"
            table += "<td>\(String(format: "%+.4f", c.meanDifference))</td><td>\(figure(c.randomizationP))</td>"
            table += "<td>\(figure(c.randomizationPHolm)) \(HTMLReport.stars(c.randomizationPHolm))</td>"
            table += "<td>\(figure(c.tTestP))</td><td>\(figure(c.tTestPHolm))</td><td>\(c.wins)/\(c.ties)/\(c.losses)</td></tr>"
        }
        return """
        <h2>对比 Comparison: B − A</h2>
        <div class="row">\(SVGChart.divergingBars(title: "均值差 mean difference B − A", rows: rows))</div>
        <p class="note">显著性 significance: Holm-corrected paired randomization test, * p&lt;0.05, ** p&lt;0.01, *** p&lt;0.001.</p>
        <table>\(table)</table>

        """
    }

    private func marketSection(_ m: MarketMeasures) -> String {
        var out = "<h2>市场层面 Market (top \(m.k), run A)</h2>\n<table>"
        out += "<tr><td>场景覆盖率 scenario coverage (≥ \(m.minimumCompanies) companies)</td><td>\(figure(m.coverage))</td></tr>"
        out += "<tr><td>曝光基尼系数 exposure Gini</td><td>\(figure(m.gini))</td></tr>"
        out += "<tr><td>开放场景 open scenarios / covered</td><td>\(m.openScenarios) / \(m.coveredScenarios)</td></tr></table>\n"
        let districts = m.districtShares.prefix(12).map { (label: $0.key, value: $0.share, note: String(format: "%.1f%%", 100 * $0.share)) }
        let domains = m.domainShares.prefix(12).map { (label: $0.key, value: $0.share, note: String(format: "%.1f%%", 100 * $0.share)) }
        out += "<div class=\"row\">"
        if !districts.isEmpty { out += SVGChart.divergingBars(title: "区县推荐占比 share by district", rows: Array(districts)) }
        if !domains.isEmpty { out += SVGChart.divergingBars(title: "领域推荐占比 share by domain", rows: Array(domains)) }
        return out + "</div>\n"
    }

    // MARK: Helpers

    /// Significance marks for a p-value: *** below 0.001, ** below 0.01, * below 0.05.
    public static func stars(_ p: Double?) -> String {
        guard let p else { return "" }
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : ""
    }

    private func figure(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "–" }
    private func e(_ s: String) -> String { SVGChart.escape(s) }
}
