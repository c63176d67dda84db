import VisitDomain

/// A visit's options as a coordinator reads them: the lead time, each placement with its day,
/// times, rooms, host, guides, caterer and the week's score with it; or what blocks the visit and
/// the cheapest way in, naming every visit that would move and what the week's score loses.
public struct VisitOptionsText: Sendable {
    public let answer: VisitOptions

    public init(_ answer: VisitOptions) { self.answer = answer }

    public func render() -> String {
        var out: [String] = []
        let a = answer
        out.append("\(a.visit)\(a.client.map { " (\($0))" } ?? ""): \(a.inPlan ? "not scheduled in the plan" : "a new request, not in the plan yet")")
        out.append("Lead time: \(a.leadTime.summary)")
        out.append("The week's score now: \(ScoreText.format(a.currentScore))")
        out.append("")
        if a.fits {
            out.append(a.options.count == 1 ? "The only placement without moving anyone:" : "The best \(a.options.count) placements without moving anyone:")
            for option in a.options { out += lines(option, number: "\(option.rank).", scored: true) }
        } else {
            out.append("It fits nowhere without moving other visits:")
            for reason in a.reasons { out.append("  - \(reason)") }
            out.append("")
            if let way = a.wayIn {
                out += wayInLines(way)
            } else {
                out.append("Cheapest way in: \(a.wayInNote ?? "none found")")
            }
        }
        out.append("")
        out.append("Found in \(ScoreText.format(a.solveSeconds)) s (\(a.solves.count) solve\(a.solves.count == 1 ? "" : "s")).")
        return out.joined(separator: "\n") + "\n"
    }

    private func lines(_ option: PlacementOption, number: String, scored: Bool) -> [String] {
        let day = LocalDate(iso: option.day).map { "\($0.weekday.rawValue.capitalized) " } ?? ""
        var head = "\(number) \(day)\(option.day) \(option.start.timeOfDay)–\(option.end.timeOfDay), host \(option.host)"
        if option.urgent { head += ", urgent" }
        if scored { head += ": the week's score \(ScoreText.format(option.score)) (\(signed(option.scoreDelta)))" }
        var out = ["  " + head]
        for item in option.visit.items ?? [] { out.append("       " + describe(item)) }
        return out
    }

    private func describe(_ item: PlannedItem) -> String {
        var parts = ["\(item.kind.rawValue) \(item.start.timeOfDay)–\(item.end.timeOfDay)"]
        if let room = item.room { parts.append("room \(room)") }
        if let route = item.route { parts.append("route \(route)") }
        if let guides = item.guides, !guides.isEmpty { parts.append("guides " + guides.joined(separator: ", ")) }
        if let technical = item.technical, !technical.isEmpty { parts.append("technical " + technical.joined(separator: ", ")) }
        if let sales = item.sales, !sales.isEmpty { parts.append("sales " + sales.joined(separator: ", ")) }
        if let caterer = item.caterer {
            parts.append("caterer \(caterer)" + (item.diners.map { ", \($0) diners" } ?? "") + (item.cost.map { ", cost \(ScoreText.format($0))" } ?? ""))
        }
        return parts.joined(separator: ", ")
    }

    private func wayInLines(_ way: WayIn) -> [String] {
        var out = ["Cheapest way in (found among \(way.neighbourhood)\(way.provenInNeighbourhood ? ", proven cheapest there" : "")):"]
        out += lines(way.placement, number: " ", scored: false)
        if way.moves.isEmpty {
            out.append("  No other visit moves.")
        } else {
            out.append("  Other visits that change:")
            for move in way.moves {
                if move.dropped {
                    out.append("    \(move.visit): dropped (was \(move.from ?? "scheduled"))")
                } else {
                    let what = move.changes.map { change in
                        "\(change.item.map { "item \($0) " } ?? "")\(change.what) \(change.from ?? "–") → \(change.to ?? "–")"
                    }
                    out.append("    \(move.visit): " + what.joined(separator: "; "))
                }
            }
        }
        out.append("  The week's score: \(ScoreText.format(way.scoreBefore)) → \(ScoreText.format(way.scoreAfter)); the changes cost "
                   + "\(ScoreText.format(-way.disruption)) (replanning terms); net \(signed(way.scoreDelta)).")
        out.append("  The rest of the week loses \(ScoreText.format(way.restOfWeekDrop)) to make room.")
        return out
    }

    private func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + ScoreText.format(abs(x)) }
}
