import VisitDomain
import VisitPlanner

/// The comparison as one self-contained HTML page (inline CSS and SVG, no script, no external
/// file) that a planner can open in a browser or attach to an e-mail: the table of runs, bar
/// charts of visits, score, catering cost, utilisation and solve time, what each variant changes,
/// and the base plan's bottlenecks. Every text from the input is escaped.
public struct ComparisonHTML: Sendable {
    public let comparison: WhatIfComparison

    public init(_ comparison: WhatIfComparison) { self.comparison = comparison }

    static let colors = (scheduled: "#2e7d32", unscheduled: "#c62828", score: "#1565c0", catering: "#ef6c00",
                         rooms: "#6a1b9a", guides: "#00838f", hosts: "#9e9d24", time: "#546e7a", full: "#ad1457")

    public func render() -> String {
        let c = comparison
        let title = "What-if: \(c.whatIf)"
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <h1>\(HTML.escape(title))</h1>
        <p class="meta">Base scenario <code>\(HTML.escape(c.base))</code>. \(c.runs.count) plans, \(c.jobs) at a time, \
        \(HTML.escape(Formatting.seconds(c.wallSeconds))) s wall time.</p>

        """
        html += section("Comparison", table())
        html += section("Charts", "<div class=\"charts\">" + charts().map { "<figure>\($0)</figure>" }.joined() + "</div>")
        html += section("Differences from the base plan", comparison.runs.filter { !$0.isBase }.map(differences).joined())
        if let report = c.runs.first?.bottlenecks {
            html += section("Bottlenecks of the base plan: what to try", bottlenecks(report))
        }
        html += "<footer>Made by visitplan whatif. Utilisation: booked minutes over available minutes on the working days. "
            + "Bottlenecks: booked share of each resource's open time, and the share of it booked to full capacity.</footer>\n"
        return html + "</body>\n</html>\n"
    }

    private func section(_ heading: String, _ body: String) -> String {
        "<section><h2>\(HTML.escape(heading))</h2>\n\(body)\n</section>\n"
    }

    func table() -> String {
        let header = ["Run", "Status", "Visits", "Scheduled", "Unscheduled", "Urgent", "Score", "Catering", "Rooms", "Guides",
                      "Hosts", "Solve s"]
        var html = "<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        let base = comparison.runs.first
        for run in comparison.runs {
            let s = run.statistics
            func delta(_ value: Int?, _ reference: Int?) -> String {
                guard !run.isBase, let value, let reference, value != reference else { return "" }
                return " <span class=\"delta\">(\(Formatting.signed(value - reference)))</span>"
            }
            func delta(_ value: Double?, _ reference: Double?) -> String {
                guard !run.isBase, let value, let reference, abs(value - reference) > 0.005 else { return "" }
                return " <span class=\"delta\">(\(HTML.escape(Formatting.signed(value - reference))))</span>"
            }
            let name = "<strong>\(HTML.escape(run.name))</strong>"
                + (run.description.map { "<br><span class=\"note\">\(HTML.escape($0))</span>" } ?? "")
            let cells = [
                name, "<span class=\"status \(run.status.rawValue)\">\(run.status.rawValue)</span>", "\(run.visits)",
                (s.map { "\($0.scheduled)" } ?? "-") + delta(s?.scheduled, base?.statistics?.scheduled),
                (s.map { "\($0.unscheduled)" } ?? "-") + delta(s?.unscheduled, base?.statistics?.unscheduled),
                s.map { "\($0.urgent)" } ?? "-", HTML.escape(Formatting.number(run.score)) + delta(run.score, base?.score),
                HTML.escape(Formatting.number(s?.cateringCost)) + delta(s?.cateringCost, base?.statistics?.cateringCost),
                Formatting.percent(s?.roomUtilisation),
                Formatting.percent(s?.guideUtilisation), Formatting.percent(s?.hostUtilisation), Formatting.seconds(run.solveSeconds),
            ]
            html += "<tr>" + cells.enumerated().map { $0.offset < 2 ? "<td>\($0.element)</td>" : "<td class=\"num\">\($0.element)</td>" }
                .joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }

    func charts() -> [String] {
        let runs = comparison.runs
        let colors = Self.colors
        func rows(_ values: (RunSummary) -> [Double?]) -> [SVGBarChart.Row] { runs.map { .init(label: $0.name, values: values($0)) } }
        let visits = SVGBarChart(
            title: "Visits scheduled and unscheduled",
            series: [.init(name: "scheduled", color: colors.scheduled), .init(name: "unscheduled", color: colors.unscheduled)],
            rows: rows { [$0.statistics.map { Double($0.scheduled) }, $0.statistics.map { Double($0.unscheduled) }] },
            stacked: true, format: { Formatting.number($0, places: 0) })
        let score = SVGBarChart(title: "Score", series: [.init(name: "score", color: colors.score)], rows: rows { [$0.score] })
        let budgets = Set(runs.compactMap { $0.statistics?.weeklyBudget })
        let catering = SVGBarChart(
            title: "Catering cost", series: [.init(name: "catering cost", color: colors.catering)],
            rows: rows { [$0.statistics?.cateringCost] },
            reference: budgets.count == 1 ? budgets.first.map { ($0, "weekly budget \(Formatting.number($0))") } : nil)
        let percent: @Sendable (Double) -> String = { Formatting.percent($0) }
        let utilisation = SVGBarChart(
            title: "Utilisation (booked share of available time)",
            series: [.init(name: "rooms", color: colors.rooms), .init(name: "guides", color: colors.guides),
                     .init(name: "hosts", color: colors.hosts)],
            rows: rows { [$0.statistics?.roomUtilisation, $0.statistics?.guideUtilisation, $0.statistics?.hostUtilisation] },
            maximum: 1, format: percent)
        let time = SVGBarChart(title: "Solve time (seconds)", series: [.init(name: "seconds", color: colors.time)],
                               rows: rows { [$0.solveSeconds] }, format: { Formatting.seconds($0) })
        var charts = [visits.render(), score.render(), catering.render(), utilisation.render(), time.render()]
        if let report = runs.first?.bottlenecks, !report.resources.isEmpty {
            let top = report.top(8)
            charts.append(SVGBarChart(
                title: "Base plan: most needed resources",
                series: [.init(name: "booked", color: colors.score), .init(name: "at full capacity", color: colors.full)],
                rows: top.map { .init(label: "\($0.kind.rawValue) \($0.id)", values: [$0.bookedShare, $0.fullShare]) },
                maximum: 1, format: percent).render())
        }
        return charts
    }

    func differences(of run: RunSummary) -> String {
        var html = "<article><h3>\(HTML.escape(run.name))</h3>"
        if let description = run.description { html += "<p>\(HTML.escape(description))</p>" }
        for note in run.notes { html += "<p class=\"note\">Note: \(HTML.escape(note))</p>" }
        if let error = run.error { return html + "<p class=\"error\">Planning failed: \(HTML.escape(error))</p></article>" }
        guard let d = run.differences else { return html + "<p>No base plan to compare with.</p></article>" }
        if d.isEmpty { return html + "<p>Every visit is planned as in the base.</p></article>" }
        var items: [String] = []
        func ids(_ list: [String]) -> String { HTML.escape(list.joined(separator: ", ")) }
        if !d.newlyPlaced.isEmpty { items.append("<li><strong>Newly placed:</strong> \(ids(d.newlyPlaced))</li>") }
        for dropped in d.newlyDropped {
            items.append("<li><strong>Newly dropped: \(HTML.escape(dropped.id))</strong> — "
                         + "\(HTML.escape(dropped.reasons.joined(separator: " ")))</li>")
        }
        if !d.addedScheduled.isEmpty || !d.addedUnscheduled.isEmpty {
            let total = d.addedScheduled.count + d.addedUnscheduled.count
            var text = "<li><strong>New visits:</strong> \(d.addedScheduled.count) of \(total) scheduled"
            if !d.addedUnscheduled.isEmpty { text += "; unscheduled: \(ids(d.addedUnscheduled))" }
            items.append(text + "</li>")
        }
        if !d.removed.isEmpty { items.append("<li><strong>Removed:</strong> \(ids(d.removed))</li>") }
        html += "<ul>" + items.joined() + "</ul>"
        if !d.rearranged.isEmpty {
            html += "<details><summary>\(d.rearranged.count) visit\(d.rearranged.count == 1 ? "" : "s") rearranged</summary><ul>"
            html += d.rearranged.map {
                "<li><strong>\(HTML.escape($0.id))</strong>: \(HTML.escape($0.changes.joined(separator: "; ")))</li>"
            }.joined()
            html += "</ul></details>"
        }
        return html + "</article>"
    }

    func bottlenecks(_ report: BottleneckReport) -> String {
        var html = "<table><thead><tr><th>Resource</th><th>Booked</th><th>At full capacity</th>"
            + "<th>Needed by unscheduled visits</th></tr></thead><tbody>"
        for load in report.top(10) {
            html += "<tr><td>\(HTML.escape(Formatting.resource(load)))</td><td class=\"num\">\(Formatting.percent(load.bookedShare))</td>"
                + "<td class=\"num\">\(Formatting.percent(load.fullShare))</td>"
                + "<td>\(HTML.escape(load.neededBy.joined(separator: ", ")))</td></tr>"
        }
        html += "</tbody></table>"
        let busiest = report.busiestTimeRanges(6)
        if !busiest.isEmpty {
            html += "<h3>Busiest half-days</h3><table><thead><tr><th>When</th><th>Rooms</th><th>Guides</th><th>Hosts</th></tr></thead><tbody>"
            for range in busiest {
                html += "<tr><td>\(HTML.escape(Formatting.timeRange(range)))</td><td class=\"num\">\(Formatting.percent(range.rooms))</td>"
                    + "<td class=\"num\">\(Formatting.percent(range.guides))</td><td class=\"num\">\(Formatting.percent(range.hosts))</td></tr>"
            }
            html += "</tbody></table>"
        }
        let (blocking, others) = LimitSummary.split(report.limits)
        if !blocking.isEmpty || others != nil {
            html += "<h3>Limits</h3><ul>"
            html += blocking.map { limit in
                "<li>\(HTML.escape(limit.name)): \(HTML.escape(Formatting.number(limit.used))) of \(HTML.escape(Formatting.number(limit.limit)))"
                    + (limit.neededBy.isEmpty ? "" : "; needed by \(HTML.escape(limit.neededBy.joined(separator: ", ")))") + "</li>"
            }.joined()
            html += others.map { "<li>\(HTML.escape($0))</li>" } ?? ""
            html += "</ul>"
        }
        return html
    }

    static let css = """
    body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
    h1{font-size:1.6em;margin-bottom:4px}h2{font-size:1.25em;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
    h3{font-size:1.05em;margin:16px 0 6px}.meta{color:#555}code{background:#f3f3f3;padding:1px 4px;border-radius:3px}
    table{border-collapse:collapse;font-size:.92em;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top}
    th{background:#f5f5f5;text-align:left}td.num{text-align:right;white-space:nowrap}.delta{color:#666;font-size:.85em}
    .status{padding:1px 6px;border-radius:8px;font-size:.85em}.status.optimal{background:#e8f5e9}.status.feasible{background:#fff8e1}
    .status.error,.status.infeasible{background:#ffebee}.note{color:#555;font-size:.9em}.error{color:#b71c1c}
    .charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #eee;padding:8px;border-radius:4px;background:#fff}
    .chart-title{font-weight:600;font-size:14px}.label,.legend,.value{font-size:12px;fill:#333}
    article{border-left:3px solid #1565c0;padding:2px 12px;margin:12px 0}footer{margin-top:32px;color:#777;font-size:.85em}
    """
}
