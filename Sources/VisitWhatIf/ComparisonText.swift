import VisitDomain
import VisitPlanner

/// The comparison as plain text: an aligned table of the runs, what each variant changes, and the
/// base plan's bottlenecks.
public struct ComparisonText: Sendable {
    public let comparison: WhatIfComparison

    public init(_ comparison: WhatIfComparison) { self.comparison = comparison }

    public func render() -> String {
        var lines: [String] = []
        let c = comparison
        lines.append("What-if \(c.whatIf) on \(c.base): \(c.runs.count) plans, \(c.jobs) at a time, "
                     + "\(Formatting.seconds(c.wallSeconds)) s wall time")
        lines.append("")
        lines += table()
        lines.append("")
        lines.append("Differences from the base plan")
        for run in c.runs where !run.isBase {
            lines.append("")
            lines += differences(of: run)
        }
        if let base = c.runs.first, let report = base.bottlenecks {
            lines.append("")
            lines += bottlenecks(report)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per run; numbers right-aligned.
    func table() -> [String] {
        let header = ["run", "status", "visits", "scheduled", "unscheduled", "urgent", "score", "catering",
                      "rooms", "guides", "hosts", "solve s"]
        var rows = [header]
        for run in comparison.runs {
            let s = run.statistics
            rows.append([run.name, run.status.rawValue, "\(run.visits)", s.map { "\($0.scheduled)" } ?? "-",
                         s.map { "\($0.unscheduled)" } ?? "-", s.map { "\($0.urgent)" } ?? "-", Formatting.number(run.score),
                         Formatting.number(s?.cateringCost), Formatting.percent(s?.roomUtilisation),
                         Formatting.percent(s?.guideUtilisation), Formatting.percent(s?.hostUtilisation),
                         Formatting.seconds(run.solveSeconds)])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    func differences(of run: RunSummary) -> [String] {
        var lines = ["\(run.name)" + (run.description.map { ": \($0)" } ?? "")]
        for note in run.notes { lines.append("  note: \(note)") }
        if let error = run.error {
            lines.append("  planning failed: \(error)")
            return lines
        }
        guard let base = comparison.runs.first, let d = run.differences, let s = run.statistics, let b = base.statistics else {
            lines.append("  (no base plan to compare with)")
            return lines
        }
        lines.append("  scheduled \(Formatting.signed(s.scheduled - b.scheduled)), score \(Formatting.signed((run.score ?? 0) - (base.score ?? 0))), "
                     + "catering \(Formatting.signed(s.cateringCost - b.cateringCost))")
        if d.isEmpty { lines.append("  every visit is planned as in the base"); return lines }
        if !d.newlyPlaced.isEmpty { lines.append("  newly placed: \(Formatting.list(d.newlyPlaced))") }
        for dropped in d.newlyDropped.prefix(8) {
            lines.append("  newly dropped: \(dropped.id): \(dropped.reasons.first ?? "no reason given")")
        }
        if d.newlyDropped.count > 8 { lines.append("  newly dropped: \(d.newlyDropped.count - 8) more") }
        if !d.addedScheduled.isEmpty || !d.addedUnscheduled.isEmpty {
            let total = d.addedScheduled.count + d.addedUnscheduled.count
            lines.append("  new visits: \(d.addedScheduled.count) of \(total) scheduled"
                         + (d.addedUnscheduled.isEmpty ? "" : "; unscheduled: \(Formatting.list(d.addedUnscheduled))"))
        }
        if !d.removed.isEmpty { lines.append("  removed: \(Formatting.list(d.removed))") }
        if !d.rearranged.isEmpty {
            lines.append("  rearranged: \(d.rearranged.count) visit\(d.rearranged.count == 1 ? "" : "s")")
            for visit in d.rearranged.prefix(5) { lines.append("    \(visit.id): \(visit.changes.joined(separator: "; "))") }
            if d.rearranged.count > 5 { lines.append("    and \(d.rearranged.count - 5) more") }
        }
        if let waiting = run.bottlenecks?.top(3).filter({ !$0.neededBy.isEmpty }), !waiting.isEmpty {
            lines.append("  bottlenecks: " + waiting.map { "\(Formatting.resource($0)) (\($0.neededBy.count) waiting)" }.joined(separator: ", "))
        }
        return lines
    }

    func bottlenecks(_ report: BottleneckReport) -> [String] {
        var lines = ["Bottlenecks of the base plan (what to try)"]
        let top = report.top(8)
        let rows = top.map { load in
            [Formatting.resource(load), Formatting.percent(load.bookedShare), Formatting.percent(load.fullShare),
             load.neededBy.isEmpty ? "" : "needed by \(Formatting.list(load.neededBy, limit: 5))"]
        }
        let header = ["resource", "booked", "full", ""]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        for row in [header] + rows {
            lines.append("  " + row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || column == 3 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces())
        }
        let busiest = report.busiestTimeRanges(5)
        if !busiest.isEmpty {
            lines.append("  busiest half-days (booked share of rooms / guides / hosts):")
            for range in busiest {
                lines.append("    \(Formatting.timeRange(range)): \(Formatting.percent(range.rooms)) / "
                             + "\(Formatting.percent(range.guides)) / \(Formatting.percent(range.hosts))")
            }
        }
        let (blocking, others) = LimitSummary.split(report.limits)
        for limit in blocking {
            let waiting = limit.neededBy.isEmpty ? "" : "; needed by \(Formatting.list(limit.neededBy, limit: 5))"
            lines.append("  limit: \(limit.name): \(Formatting.number(limit.used)) of \(Formatting.number(limit.limit))\(waiting)")
        }
        if let others { lines.append("  \(others)") }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
