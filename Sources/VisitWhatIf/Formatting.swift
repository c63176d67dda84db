import Foundation
import VisitDomain
import VisitPlanner

/// Number and label formats shared by the text and HTML comparisons.
enum Formatting {
    /// `1234.5` → "1234.5", `1200` → "1200": at most `places` decimals, no trailing zeros.
    static func number(_ value: Double?, places: Int = 2) -> String {
        guard let value else { return "-" }
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `0.4567` → "45.7%".
    static func percent(_ share: Double?) -> String {
        guard let share else { return "-" }
        return String(format: "%.1f%%", share * 100)
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.2f", value)
    }

    /// `+3`, `-2`, `0`.
    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    /// `+120.5`, `-40`, `0`.
    static func signed(_ value: Double) -> String {
        let text = number(value)
        return value > 0.005 ? "+" + text : (abs(value) <= 0.005 ? "0" : text)
    }

    /// "room A-301", "route showroom", "person li.wei (host, sales)", "caterer canteen".
    static func resource(_ load: ResourceLoad) -> String {
        let roles = load.roles.map { $0.isEmpty ? "" : " (\($0.joined(separator: ", ")))" } ?? ""
        return "\(load.kind.rawValue) \(load.id)\(roles)"
    }

    /// "2026-12-07 mon morning".
    static func timeRange(_ range: TimeRangeLoad) -> String {
        "\(range.start.date) \(range.start.date.weekday.rawValue) \(range.part)"
    }

    /// Up to `limit` ids, then "and N more".
    static func list(_ ids: [String], limit: Int = 8) -> String {
        guard ids.count > limit else { return ids.joined(separator: ", ") }
        return ids.prefix(limit).joined(separator: ", ") + " and \(ids.count - limit) more"
    }
}

/// Which limits of a bottleneck report to show one by one: the weekly budget and every limit an
/// unscheduled visit waits for; the other daily limits reached are listed together.
enum LimitSummary {
    static func split(_ limits: [LimitLoad]) -> (shown: [LimitLoad], others: String?) {
        let shown = limits.filter { !$0.neededBy.isEmpty || $0.kind == .weeklyHospitalityBudget }
        let reached = limits.filter { shown.contains($0) == false && $0.used >= $0.limit - 1e-9 }
        guard !reached.isEmpty else { return (shown, nil) }
        return (shown, "also at their daily limit, with no visit waiting: \(Formatting.list(reached.map(\.name), limit: 6))")
    }
}
