import VisitDomain

/// An improvement proposal as a coordinator reads it: the summary line, how it was found, the
/// visits it adds, every change, and whom to tell if it is accepted.
public struct ImprovementText: Sendable {
    public let outcome: ImprovementOutcome
    public let proposal: ImprovementProposal

    public init(outcome: ImprovementOutcome, proposal: ImprovementProposal) { self.outcome = outcome; self.proposal = proposal }

    public func render() -> String {
        var out: [String] = []
        out.append("A better week is available: \(outcome.summary)")
        let kept = outcome.steps.filter(\.improved).map(\.name)
        out.append("Searched \(outcome.steps.count) neighbourhood(s) in \(ScoreText.format(outcome.seconds)) s"
                   + (kept.isEmpty ? "" : "; improved by: " + kept.joined(separator: ", ")))
        out.append("The score counts the cost of the changes (FORMAT.md replanning terms) against the current plan.")
        if !proposal.addedVisits.isEmpty {
            out.append("")
            out.append("Visits added")
            for id in proposal.addedVisits {
                let visit = proposal.plan.visit(id)
                let when = [visit?.start, visit?.end].compactMap { $0?.description }.joined(separator: " – ")
                out.append("  \(id): \(when)\(visit?.host.map { ", host \($0)" } ?? "")")
            }
        }
        if !proposal.droppedVisits.isEmpty {
            out.append("")
            out.append("Visits no longer planned")
            for id in proposal.droppedVisits { out.append("  \(id)") }
        }
        let changes = proposal.changesToPlannedVisits
        if !changes.isEmpty {
            out.append("")
            out.append("Changes")
            for change in changes {
                let item = change.item.map { " item \($0)" } ?? ""
                let fromTo = [change.from.map { "from \($0)" }, change.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
                out.append("  \(change.visit)\(item): \(change.what) \(fromTo)")
            }
        }
        if let notify = proposal.plan.notify, !notify.isEmpty {
            out.append("")
            out.append("Tell, if accepted")
            for n in notify { out.append("  \(n.person): \(n.message)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
