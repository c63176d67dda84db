import VisitDomain

/// A better week found near the current plan, offered to the coordinator, who accepts or ignores
/// it: the proposed plan (with `changes` and `notify` against the current plan), both scores,
/// and a one-line summary ("1 more visit, 3 changes, score 1234 → 1290").
public struct ImprovementProposal: Sendable, Hashable {
    /// The proposed plan. Its `score` is FORMAT.md's score including the replanning terms against
    /// the current plan (what `visitplan check --baseline CURRENT.json` recomputes).
    public var plan: Plan
    /// The current plan's score, recomputed by the checker (no replanning terms: nothing changed).
    public var oldScore: Double
    /// The proposed plan's score, replanning terms included: the gain is net of the changes' cost.
    public var newScore: Double
    /// Visits the proposal schedules that the current plan leaves out.
    public var addedVisits: [String]
    /// Visits the current plan schedules that the proposal leaves out (normally none: dropping a
    /// planned visit costs `droppedVisit`).
    public var droppedVisits: [String]
    /// What the checker needs to re-verify `plan` against the current plan.
    public var context: ReplanContext

    /// Every difference from the current plan, item by item.
    public var changes: [PlanChange] { plan.changes ?? [] }

    /// The changes to visits both plans schedule (moved items, other rooms, routes, caterers,
    /// people or host), without the added and dropped visits themselves.
    public var changesToPlannedVisits: [PlanChange] {
        let whole = Set(addedVisits + droppedVisits)
        return changes.filter { !whole.contains($0.visit) }
    }

    /// "1 more visit, 3 changes": what the coordinator gains and what moves.
    public var headline: String {
        var parts: [String] = []
        let net = addedVisits.count - droppedVisits.count
        if net > 0 { parts.append("\(net) more visit\(net == 1 ? "" : "s")") }
        if net < 0 { parts.append("\(-net) visit\(net == -1 ? "" : "s") fewer") }
        let changed = changesToPlannedVisits.count
        parts.append(changed == 0 ? "no change to planned visits" : "\(changed) change\(changed == 1 ? "" : "s")")
        return parts.joined(separator: ", ")
    }

    /// "1 more visit, 3 changes, score 1234 → 1290".
    public var summary: String { "\(headline), score \(ScoreText.format(oldScore)) → \(ScoreText.format(newScore))" }
}

/// What one improvement search found: a proposal, or none ("no better week found"), with the
/// time it took and the solves it made.
public struct ImprovementOutcome: Sendable {
    /// The better plan, or nil when no neighbourhood improved on the current plan.
    public var proposal: ImprovementProposal?
    /// The current plan's score, recomputed by the checker.
    public var currentScore: Double
    /// Seconds the whole search took.
    public var seconds: Double
    /// Every solve, in order.
    public var steps: [ImprovementStep]

    /// The proposal's summary, or "no better week found (… neighbourhoods searched in … s)"; either
    /// way with the solves that failed, if any (the search went on without them).
    public var summary: String {
        let failed = steps.compactMap(\.failure)
        let failures = failed.isEmpty ? "" : "; \(failed.count) solve\(failed.count == 1 ? "" : "s") failed, the first: \(failed[0])"
        if let proposal { return proposal.summary + failures }
        return "no better week found (\(steps.count) neighbourhood\(steps.count == 1 ? "" : "s") searched in \(ScoreText.format(seconds)) s\(failures))"
    }
}

/// One solve of the improvement search.
public struct ImprovementStep: Sendable, Hashable {
    /// The neighbourhood: "visits left out", a date, or two dates.
    public var name: String
    /// Visits free to change in it.
    public var freeVisits: Int
    public var seconds: Double
    /// The incumbent's score after this step (against the current plan).
    public var score: Double
    /// Whether the step improved the incumbent.
    public var improved: Bool
    /// Why the solve gave no plan, when it failed (the search goes on without it).
    public var failure: String?
}

/// Scores and seconds as people read them: whole numbers without decimals, else two places.
enum ScoreText {
    static func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
