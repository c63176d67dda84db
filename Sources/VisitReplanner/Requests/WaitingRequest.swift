import VisitDomain

/// A request saved but not yet accepted: the current plan with the new visit listed unscheduled,
/// waiting for a coordinator, every other visit as it was. Storing it as the plan of the scenario
/// version that added the visit keeps the plan current (change events go on being reported), and
/// replans leave the waiting visit where it is, since it was not scheduled before.
public enum WaitingRequest {
    /// The sentence a waiting visit carries in the plan.
    public static func reason(submittedBy: String) -> String {
        "requested by \(submittedBy); waiting for a coordinator to accept it into the week"
    }

    /// `current` with `visit` listed unscheduled for `reason`; totals and score recomputed against
    /// `scenario` (which has the visit).
    public static func plan(_ current: Plan, adding visit: String, reason: String, in scenario: Scenario) -> Plan {
        var plan = current
        plan.visits.removeAll { $0.id == visit }
        plan.visits.append(.unscheduled(visit, reasons: [reason]))
        return plan.rescored(in: scenario)
    }
}
