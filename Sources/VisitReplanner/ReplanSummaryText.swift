import VisitDomain

/// The replan as a host reads it on a phone: what moved, from when to when, which room, whom to
/// call, and any visit that could no longer be kept, with the reason.
public struct ReplanSummaryText: Sendable {
    public let outcome: ReplanOutcome
    public let previous: Plan

    public init(outcome: ReplanOutcome, previous: Plan) { self.outcome = outcome; self.previous = previous }

    public func render() -> String {
        let plan = outcome.plan
        let changes = plan.changes ?? []
        let disruption = changes.filter { $0.forcedByEvent != true }
        var out: [String] = []
        out.append("Replanned at \(outcome.scenario.now): \(plan.status.rawValue) (\(outcome.termination.explanation)), score \(fmt(plan.score)) (was \(fmt(previous.score))), \(fmt(plan.solveSeconds)) s")
        out.append("\(changes.count) change(s), \(disruption.count) beyond what the events themselves demand")
        out.append("Solved: " + outcome.phases.map { "\($0.name) \(fmt($0.seconds)) s (\($0.freeVisits) visits free)" }.joined(separator: ", then "))
        for note in outcome.applied.ignored { out.append("  note: \(note)") }
        for (id, items) in outcome.applied.endedEarly.sorted(by: { $0.key < $1.key }) {
            out.append("  note: \(id) can no longer go on as planned after these events; it ends early: "
                       + "its item\(items.count == 1 ? "" : "s") \(items.map(String.init).joined(separator: ", ")) "
                       + "still to come \(items.count == 1 ? "is" : "are") cancelled")
        }
        if !changes.isEmpty {
            out.append("")
            out.append("Changes")
            for change in changes {
                let item = change.item.map { " item \($0)" } ?? ""
                let fromTo = [change.from.map { "from \($0)" }, change.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
                out.append("  \(change.visit)\(item): \(change.what) \(fromTo)\(change.forcedByEvent == true ? " (as reported)" : "")")
            }
        }
        let lost = plan.visits.filter { v in !v.scheduled && previous.visit(v.id)?.scheduled == true }
        if !lost.isEmpty {
            out.append("")
            out.append("No longer kept")
            for visit in lost { out.append("  \(visit.id): \((visit.reasons ?? []).joined(separator: "; "))") }
        }
        if let notify = plan.notify, !notify.isEmpty {
            out.append("")
            out.append("Tell")
            for n in notify { out.append("  \(n.person): \(n.message)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func fmt(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String((x * 100).rounded() / 100)
    }
}
