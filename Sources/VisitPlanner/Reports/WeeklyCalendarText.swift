import VisitDomain

/// Renders a plan as the weekly calendar a coordinator reads: per day, the visits in time order
/// with their items, rooms, routes, people, catering and hotel bookings; then the unscheduled visits with their
/// reasons; then the totals.
public struct WeeklyCalendarText: Sendable {
    public let scenario: Scenario
    public let plan: Plan

    public init(scenario: Scenario, plan: Plan) { self.scenario = scenario; self.plan = plan }

    public func render() -> String {
        var out: [String] = []
        out.append("\(plan.scenario) — plan \(plan.status.rawValue), score \(plan.score.formatted2) (bound \(plan.bound.formatted2), gap \(gapText)), solved in \(plan.solveSeconds.formatted2) s")
        let scheduled = plan.visits.filter(\.scheduled)
        let byDay = Dictionary(grouping: scheduled) { $0.start?.date ?? scenario.horizon.start }
        for date in scenario.horizonDates {
            let visits = (byDay[date] ?? []).sorted { ($0.start?.minutes ?? 0, $0.id) < ($1.start?.minutes ?? 0, $1.id) }
            let note = scenario.calendar.holidays.contains(date) ? " (holiday)" : scenario.calendar.isWorkingDay(date) ? "" : " (not a working day)"
            out.append("")
            out.append("\(date.weekday.rawValue.capitalized) \(date)\(note)")
            if visits.isEmpty { out.append("  no visits"); continue }
            for planned in visits { out += render(planned) }
        }
        let unscheduled = plan.visits.filter { !$0.scheduled }
        if !unscheduled.isEmpty {
            out.append("")
            out.append("Unscheduled (\(unscheduled.count))")
            for planned in unscheduled {
                let visit = scenario.visit(planned.id)
                out.append("  \(planned.id)  \(visit?.client.name ?? "")  (priority \(visit?.priority ?? 1))")
                for reason in planned.reasons ?? [] { out.append("    - \(reason)") }
            }
        }
        let stats = PlanStatistics(scenario: scenario, plan: plan)
        out.append("")
        out.append("Totals")
        out.append("  scheduled \(stats.scheduled) of \(plan.visits.count) (\(stats.urgent) urgent), unscheduled \(stats.unscheduled)")
        let budget = stats.weeklyBudget.map { " of \($0.formatted2) weekly budget" } ?? ""
        out.append("  catering \(stats.cateringCost.formatted2)\(budget)")
        out.append("  utilisation: rooms \(percent(stats.roomUtilisation)), guides \(percent(stats.guideUtilisation)), hosts \(percent(stats.hostUtilisation))")
        return out.joined(separator: "\n") + "\n"
    }

    private var gapText: String {
        guard plan.bound != 0 else { return "0 %" }
        return percent(max(0, plan.bound - plan.score) / abs(plan.bound), digits: 2)
    }

    private func render(_ planned: PlannedVisit) -> [String] {
        let visit = scenario.visit(planned.id)
        var header = "  \(time(planned.start))–\(time(planned.end))  \(planned.id)  \(visit?.client.name ?? "")"
        if let visit { header += ", \(visit.headcount) guests" + (visit.language.map { ", \($0)" } ?? "") }
        if planned.urgent == true { header += "  [urgent]" }
        header += "  host \(planned.host ?? "-")"
        var lines = [header]
        for item in planned.items ?? [] {
            var detail: [String] = []
            switch item.kind {
            case .meeting:
                detail.append("room \(item.room ?? "-")")
                if let t = item.technical, !t.isEmpty { detail.append("technical \(t.joined(separator: ", "))") }
                if let s = item.sales, !s.isEmpty { detail.append("sales \(s.joined(separator: ", "))") }
            case .tour:
                detail.append("route \(item.route ?? "-")")
                detail.append("guides \((item.guides ?? []).joined(separator: ", "))")
            case .meal:
                let service: String
                if let visit, let i = item.agendaIndex, visit.agenda.indices.contains(i), case .meal(let m) = visit.agenda[i] {
                    service = m.service
                } else { service = "meal" }
                detail.append("\(service) by \(item.caterer ?? "-"), \(item.diners ?? 0) × \((item.pricePerHead ?? 0).formatted2) = \((item.cost ?? 0).formatted2)")
            }
            lines.append("      \(time(item.start))–\(time(item.end))  \(item.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(detail.joined(separator: "; "))")
        }
        if let b = planned.booking {
            let hotel = scenario.hotel(b.hotel)?.displayName ?? b.hotel
            let nights = b.nights.map { "\($0.weekday.rawValue) \($0)" }.joined(separator: ", ")
            let price = b.pricePerNight.map { " × \($0.formatted2)" } ?? ""
            lines.append("      hotel     \(hotel): \(b.rooms) \(b.roomType) room\(b.rooms == 1 ? "" : "s")\(price), night\(b.nights.count == 1 ? "" : "s") of \(nights)")
        }
        return lines
    }

    private func time(_ t: LocalDateTime?) -> String { t.map { $0.timeOfDay.description } ?? "--:--" }
}

func percent(_ value: Double, digits: Int = 0) -> String {
    let scaled = value * 100
    return digits == 0 ? "\(Int(scaled.rounded())) %" : "\(String(format2: scaled)) %"
}
