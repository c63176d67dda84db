import Foundation

/// The monthly report as one HTML page: a chart (inline SVG) of the shares this month beside last
/// month, then every figure in a table. Self-contained: no scripts, styles inline.
public enum MonthlyReportHTML {
    public static func render(_ report: MonthlyReport, costs: Bool = true) -> String {
        let rows = KPIRow.rows(report, costs: costs)
        let title = "Reception KPIs, \(report.current.month)"
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin-top: 1em; }
            th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            .legend span { display: inline-block; width: 12px; height: 12px; margin: 0 4px 0 12px; vertical-align: middle; }
            </style></head><body>
            <h1>\(HTML.escape(title))</h1>
            <p>Against \(HTML.escape(report.previous.month.description)): \(report.current.visitsReceived) visits received (\(report.previous.visitsReceived) the month before).</p>

            """
        html += "<h2>Shares</h2>\n" + chart(rows.filter(\.isShare), current: report.current.month, previous: report.previous.month) + "\n"
        html += "<h2>Every figure</h2>\n<table><thead><tr><th>figure</th><th>\(report.current.month)</th><th>\(report.previous.month)</th><th>change</th></tr></thead><tbody>\n"
        for row in rows {
            html += "<tr><td>\(HTML.escape(row.name))</td><td>\(HTML.escape(row.current))</td><td>\(HTML.escape(row.previous))</td><td>\(HTML.escape(row.change))</td></tr>\n"
        }
        html += "</tbody></table>\n</body></html>\n"
        return html
    }

    /// Horizontal bars, two per share (last month light, this month dark), 0-100 %.
    public static func chart(_ rows: [KPIRow], current: ReportMonth, previous: ReportMonth) -> String {
        let label = 230.0, width = 360.0, bar = 10.0, gap = 8.0
        let height = Double(rows.count) * (2 * bar + gap) + 30
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Shares this month and last" width="\(Int(label + width + 60))" height="\(Int(height))" font-size="12">

            """
        for (index, row) in rows.enumerated() {
            let y = 20 + Double(index) * (2 * bar + gap)
            svg += "<text x=\"0\" y=\"\(format(y + bar + 3))\">\(HTML.escape(row.name))</text>\n"
            for (offset, value, color) in [(0.0, row.values.previous, "#9ecae1"), (bar, row.values.current, "#2171b5")] {
                let length = max(0, min(1, value ?? 0)) * width
                svg += "<rect x=\"\(format(label))\" y=\"\(format(y + offset))\" width=\"\(format(length))\" height=\"\(format(bar - 1))\" fill=\"\(color)\"/>\n"
                if let value {
                    svg += "<text x=\"\(format(label + length + 4))\" y=\"\(format(y + offset + bar - 2))\" font-size=\"10\">\(String(format: "%.0f %%", value * 100))</text>\n"
                }
            }
        }
        svg += "<text x=\"\(format(label))\" y=\"12\" font-size=\"11\"><tspan fill=\"#9ecae1\">■</tspan> \(previous) <tspan fill=\"#2171b5\">■</tspan> \(current)</text>\n</svg>"
        return svg
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
