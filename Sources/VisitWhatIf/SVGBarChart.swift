import VisitDomain
/// A horizontal bar chart as inline SVG: one row per label, one bar per series (side by side, or
/// stacked), the value written after each bar, a legend when there are several series. All text
/// is escaped; the SVG needs no stylesheet, script or font file.
struct SVGBarChart: Sendable {
    struct Series: Sendable {
        var name: String
        var color: String
    }

    struct Row: Sendable {
        var label: String
        /// One value per series; nil draws nothing (a failed run).
        var values: [Double?]
    }

    var title: String
    var series: [Series]
    var rows: [Row]
    var stacked = false
    /// The value at the right edge; default: the largest bar.
    var maximum: Double?
    /// A dashed vertical line (such as the weekly budget), with its label.
    var reference: (value: Double, label: String)?
    var format: @Sendable (Double) -> String = { Formatting.number($0) }

    /// 540 wide in all: two charts side by side on a laptop screen; a stacked bar leaves more room
    /// for its longer value text.
    private let labelWidth = 160.0
    private var barArea: Double { stacked ? 190 : 280 }
    private var valueWidth: Double { stacked ? 190 : 100 }
    private let barHeight = 16.0
    private let gap = 10.0

    func render() -> String {
        let barsPerRow = stacked ? 1 : max(1, series.count)
        let rowHeight = Double(barsPerRow) * barHeight + gap
        let legendHeight = series.count > 1 ? 22.0 : 0
        let top = 28.0 + legendHeight
        let height = top + Double(rows.count) * rowHeight + (reference == nil ? 6 : 22)
        let width = labelWidth + barArea + valueWidth
        let totals = rows.map { row in stacked ? row.values.compactMap { $0 }.reduce(0) { $0 + max(0, $1) }
                                               : row.values.compactMap { $0 }.map { max(0, $0) }.max() ?? 0 }
        let top_ = max(maximum ?? 0, totals.max() ?? 0, reference?.value ?? 0)
        let scale = top_ > 0 ? barArea / top_ : 0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" "
            + "viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        svg += "<title>\(HTML.escape(title))</title>"
        svg += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(HTML.escape(title))</text>"
        if series.count > 1 {
            var x = labelWidth
            for s in series {
                svg += "<rect x=\"\(fmt(x))\" y=\"26\" width=\"12\" height=\"12\" fill=\"\(s.color)\"/>"
                svg += "<text x=\"\(fmt(x + 16))\" y=\"36\" class=\"legend\">\(HTML.escape(s.name))</text>"
                x += 24 + Double(s.name.count) * 7
            }
        }
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * rowHeight
            let middle = y + Double(barsPerRow) * barHeight / 2
            svg += "<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(middle + 4))\" text-anchor=\"end\" class=\"label\">\(HTML.escape(row.label))</text>"
            var stackX = labelWidth
            for (s, value) in row.values.enumerated() where s < series.count {
                guard let value else { continue }
                let length = max(0, value) * scale
                let x = stacked ? stackX : labelWidth
                let barY = stacked ? y : y + Double(s) * barHeight
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(barY + 1))\" width=\"\(fmt(length))\" height=\"\(fmt(barHeight - 2))\" "
                    + "fill=\"\(series[s].color)\"><title>\(HTML.escape("\(row.label): \(series[s].name) \(format(value))"))</title></rect>"
                if stacked {
                    stackX += length
                } else {
                    svg += "<text x=\"\(fmt(labelWidth + length + 4))\" y=\"\(fmt(barY + barHeight - 4))\" class=\"value\">"
                        + "\(HTML.escape(format(value)))</text>"
                }
            }
            if stacked {
                let shown = zip(series, row.values).compactMap { s, v in v.map { "\(format($0)) \(s.name)" } }.joined(separator: ", ")
                if !shown.isEmpty {
                    svg += "<text x=\"\(fmt(stackX + 4))\" y=\"\(fmt(y + barHeight - 4))\" class=\"value\">\(HTML.escape(shown))</text>"
                }
            }
        }
        if let reference, scale > 0 {
            let x = labelWidth + reference.value * scale
            let bottom = top + Double(rows.count) * rowHeight
            svg += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(top - 2))\" x2=\"\(fmt(x))\" y2=\"\(fmt(bottom))\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(bottom + 14))\" text-anchor=\"middle\" class=\"value\">\(HTML.escape(reference.label))</text>"
        }
        return svg + "</svg>"
    }

    private func fmt(_ value: Double) -> String { Formatting.number(value, places: 1) }
}
