import Foundation

/// A table of text cells printed aligned for a terminal or as a GitHub Markdown table.
struct LadderTable: Sendable {
    var columns: [String]
    var rows: [[String]]

    func render(markdown: Bool) -> String { markdown ? self.markdown() : text() }

    /// Columns padded to their widest cell, numbers right-aligned.
    func text() -> String {
        let widths = columns.indices.map { c in ([columns[c]] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return Self.isLeftAligned(c) ? cells[c] + pad : pad + cells[c]
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(columns), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        let align = columns.indices.map { Self.isLeftAligned($0) ? "---" : "---:" }
        return ([columns, align] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    }

    /// The first column (the week) reads left to right; the others hold numbers or short words.
    private static func isLeftAligned(_ column: Int) -> Bool { column == 0 }

    // MARK: The two tables

    static func generated(_ rows: [LadderRow]) -> LadderTable {
        LadderTable(
            columns: ["visits", "timings", "variables", "rows", "status", "placed", "score", "bound", "gap",
                      "first plan s", "s to gap 2 / 1 / 0.1 %", "final s", "cpu s", "peak MiB", "checker"],
            rows: rows.map { r in
                [r.label, int(r.timings), int(r.variables), int(r.rows), r.status, int(r.scheduled), score(r.score),
                 score(r.bound), percent(r.gapPercent), seconds(r.firstPlanSeconds), gapTimes(r),
                 seconds(r.finalSeconds), seconds(r.cpuSeconds), mebibytes(r.peakMemoryMiB), checker(r)]
            })
    }

    static func reference(_ rows: [LadderRow], best: [String: BestKnown]) -> LadderTable {
        LadderTable(
            columns: ["week", "visits", "timings", "variables", "rows", "status", "placed / best", "score", "best known",
                      "below best", "bound", "gap", "first plan s", "final s", "cpu s", "peak MiB", "checker"],
            rows: rows.map { r in
                let known = best[r.label]
                let below = known.flatMap { k in r.score.map { (k.score - $0) / abs(k.score) * 100 } }
                return [r.label, "\(r.visits)", int(r.timings), int(r.variables), int(r.rows), r.status,
                        "\(int(r.scheduled)) / \(int(known?.placed))", score(r.score),
                        known.map { score($0.score) + ($0.provenOptimal ? " (opt)" : "") } ?? "–",
                        percent(below), score(r.bound), percent(r.gapPercent), seconds(r.firstPlanSeconds),
                        seconds(r.finalSeconds), seconds(r.cpuSeconds), mebibytes(r.peakMemoryMiB), checker(r)]
            })
    }

    /// Each week planned twice, as one model and decomposed by day: scores, gaps, times, and how
    /// soon each reached the monolithic solve's final score (the time to equal score the issue
    /// compares; "mono final s" is when the monolithic solve stopped).
    static func comparison(_ pairs: [(monolithic: LadderRow, decomposed: LadderRow)]) -> LadderTable {
        LadderTable(
            columns: ["visits", "variables", "rows", "mono status", "mono score", "mono gap", "mono first s", "mono s to its score", "mono final s",
                      "mono MiB",
                      "dec status", "dec score", "dec gap", "dec first s", "dec s to mono score", "dec s to gap 2 / 1 / 0.1 %",
                      "dec final s", "dec MiB"],
            rows: pairs.map { m, d in
                [m.label, int(m.variables), int(m.rows), m.status, score(m.score), percent(m.gapPercent), seconds(m.firstPlanSeconds),
                 seconds(m.score.flatMap { m.secondsToReach($0) }), seconds(m.finalSeconds), mebibytes(m.peakMemoryMiB), d.status, score(d.score), percent(d.gapPercent), seconds(d.firstPlanSeconds),
                 m.score.flatMap { d.secondsToReach($0) }.map { String(format: "%.1f", $0) } ?? "not reached",
                 gapTimes(d), seconds(d.finalSeconds), mebibytes(d.peakMemoryMiB)]
            })
    }

    // MARK: Cells

    /// When the gap first fell to 2 %, 1 % and 0.1 % (the targets), `–` for never.
    static func gapTimes(_ row: LadderRow) -> String {
        [2, 1, 0.1].map { seconds(row.secondsToGap($0)) }.joined(separator: " / ")
    }

    static func int(_ value: Int?) -> String { value.map(String.init) ?? "–" }
    static func score(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }
    static func percent(_ value: Double?) -> String { value.map { String(format: "%.3f %%", $0) } ?? "–" }
    static func seconds(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
    static func mebibytes(_ value: Double?) -> String { value.map { String(format: "%.0f", $0) } ?? "–" }

    static func checker(_ row: LadderRow) -> String {
        switch row.accepted {
        case true?: "accepted"
        case false?: "REJECTED (\(row.violations ?? 0))"
        case nil: "–"
        }
    }
}
