import Foundation

/// Small inline SVG charts for the evaluation report: no script, no external asset, so the
/// report opens the same anywhere, offline.
public enum SVGChart {
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var values: [Double]

        public init(name: String, color: String, values: [Double]) {
            self.name = name; self.color = color; self.values = values
        }
    }

    static let width = 360.0
    static let height = 240.0
    static let left = 44.0, right = 12.0, top = 28.0, bottom = 40.0

    /// Lines over categorical x positions (the cutoffs k), y from 0 to 1.
    public static func lineChart(title: String, xLabels: [String], series: [Series]) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Double { left + (xLabels.count <= 1 ? plotW / 2 : plotW * Double(i) / Double(xLabels.count - 1)) }
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), 1)) }
        var svg = open(title: title) + axes(yTicks: true)
        for (i, label) in xLabels.enumerated() {
            svg += #"<text x="\#(f(x(i)))" y="\#(f(top + plotH + 16))" text-anchor="middle" class="tick">\#(escape(label))</text>"#
        }
        svg += #"<text x="\#(f(left + plotW / 2))" y="\#(f(height - 6))" text-anchor="middle" class="tick">k</text>"#
        for s in series {
            let points = s.values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " ")
            svg += #"<polyline fill="none" stroke="\#(s.color)" stroke-width="2" points="\#(points)"/>"#
            for (i, v) in s.values.enumerated() {
                svg += #"<circle cx="\#(f(x(i)))" cy="\#(f(y(v)))" r="3" fill="\#(s.color)"><title>\#(escape(s.name)) k=\#(escape(xLabels[i])): \#(String(format: "%.4f", v))</title></circle>"#
            }
        }
        return svg + legend(series) + "</svg>"
    }

    /// Grouped vertical bars, one group per category; values are counts.
    public static func groupedBars(title: String, categories: [String], series: [Series]) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(series.flatMap(\.values).max() ?? 0, 1)
        let groupW = plotW / Double(max(categories.count, 1))
        let barW = groupW * 0.8 / Double(max(series.count, 1))
        var svg = open(title: title) + axes(yTicks: false)
        svg += #"<text x="\#(f(left - 6))" y="\#(f(top + 4))" text-anchor="end" class="tick">\#(Int(maxValue))</text>"#
        svg += #"<text x="\#(f(left - 6))" y="\#(f(top + plotH))" text-anchor="end" class="tick">0</text>"#
        for (c, label) in categories.enumerated() {
            let gx = left + groupW * Double(c)
            for (s, one) in series.enumerated() where c < one.values.count {
                let h = plotH * one.values[c] / maxValue
                svg += #"<rect x="\#(f(gx + groupW * 0.1 + barW * Double(s)))" y="\#(f(top + plotH - h))" width="\#(f(barW))" height="\#(f(h))" fill="\#(one.color)"><title>\#(escape(one.name)) \#(escape(label)): \#(Int(one.values[c]))</title></rect>"#
            }
            if c % 2 == 0 || categories.count <= 6 {
                svg += #"<text x="\#(f(gx + groupW / 2))" y="\#(f(top + plotH + 16))" text-anchor="middle" class="tick">\#(escape(label))</text>"#
            }
        }
        return svg + legend(series) + "</svg>"
    }

    /// Horizontal bars around a zero line, one row per label: positive to the right in green,
    /// negative to the left in red, with a note (e.g. significance stars) after each bar.
    public static func divergingBars(title: String, rows: [(label: String, value: Double, note: String)]) -> String {
        let rowH = 26.0
        let w = 560.0, labelW = 150.0, noteW = 150.0
        let h = top + rowH * Double(rows.count) + 16
        let half = (w - labelW - noteW) / 2
        let zero = labelW + half
        let scale = max(rows.map { abs($0.value) }.max() ?? 0, 1e-9)
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(w))" height="\#(f(h))" viewBox="0 0 \#(f(w)) \#(f(h))" role="img"><title>\#(escape(title))</title>"#
        svg += #"<text x="8" y="18" class="title">\#(escape(title))</text>"#
        svg += #"<line x1="\#(f(zero))" y1="\#(f(top - 4))" x2="\#(f(zero))" y2="\#(f(h - 8))" class="axis"/>"#
        for (i, row) in rows.enumerated() {
            let cy = top + rowH * Double(i)
            let len = half * abs(row.value) / scale
            let x = row.value >= 0 ? zero : zero - len
            let color = row.value >= 0 ? "#16a34a" : "#dc2626"
            svg += #"<text x="\#(f(labelW - 8))" y="\#(f(cy + 15))" text-anchor="end" class="tick">\#(escape(row.label))</text>"#
            svg += #"<rect x="\#(f(x))" y="\#(f(cy + 4))" width="\#(f(max(len, 1)))" height="\#(f(rowH - 8))" fill="\#(color)"/>"#
            svg += #"<text x="\#(f(labelW + 2 * half + 8))" y="\#(f(cy + 15))" class="tick">\#(escape(row.note))</text>"#
        }
        return svg + "</svg>"
    }

    // MARK: Pieces

    private static func open(title: String) -> String {
        #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(width))" height="\#(f(height))" viewBox="0 0 \#(f(width)) \#(f(height))" role="img"><title>\#(escape(title))</title>"#
            + #"<text x="8" y="18" class="title">\#(escape(title))</text>"#
    }

    private static func axes(yTicks: Bool) -> String {
        let plotH = height - top - bottom
        var svg = #"<line x1="\#(f(left))" y1="\#(f(top))" x2="\#(f(left))" y2="\#(f(top + plotH))" class="axis"/>"#
        svg += #"<line x1="\#(f(left))" y1="\#(f(top + plotH))" x2="\#(f(width - right))" y2="\#(f(top + plotH))" class="axis"/>"#
        if yTicks {
            for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
                let y = top + plotH * (1 - tick)
                svg += #"<line x1="\#(f(left))" y1="\#(f(y))" x2="\#(f(width - right))" y2="\#(f(y))" class="grid"/>"#
                svg += #"<text x="\#(f(left - 6))" y="\#(f(y + 4))" text-anchor="end" class="tick">\#(String(format: "%.2f", tick))</text>"#
            }
        }
        return svg
    }

    /// A horizontal legend in the title band, right-aligned, where it can never cover data.
    private static func legend(_ series: [Series]) -> String {
        guard series.count > 1 else { return "" }
        var svg = ""
        for (i, s) in series.reversed().enumerated() {
            let x = width - right - 36 * Double(i + 1), y = 18.0
            svg += #"<rect x="\#(f(x))" y="\#(f(y - 9))" width="10" height="10" fill="\#(s.color)"/><text x="\#(f(x + 14))" y="\#(f(y))" class="tick">\#(escape(s.name))</text>"#
        }
        return svg
    }

    private static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Escapes text for HTML and SVG alike.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
