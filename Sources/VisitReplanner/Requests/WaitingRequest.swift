import VisitDomain

/// A request saved but not yet accepted: the current plan with the new visit listed unscheduled,
/// waiting for a coordinator, every other visit as it was. Storing it as the plan of the scenario
/// version that added the visit keeps the plan current (change events go on being reported).
/// Replans and improvement searches are given the waiting visits as `held` (`heldVisits`), so
/// only a coordinator's accept places a request, however much room a replan finds.
public enum WaitingRequest {
    private static let marker = "waiting for a coordinator to accept it into the week"

    /// The sentence a waiting visit carries in the plan.
    public static func reason(submittedBy: String) -> String {
        "requested by \(submittedBy); \(marker)"
    }

    /// `current` with `visit` listed unscheduled for `reason`; totals and score recomputed against
    /// `scenario` (which has the visit).
    public static func plan(_ current: Plan, adding visit: String, reason: String, in scenario: Scenario) -> Plan {
        var plan = current
        plan.visits.removeAll { $0.id == visit }
        plan.visits.append(.unscheduled(visit, reasons: [reason]))
        return plan.rescored(in: scenario)
    }

    /// Of the visits saved as `requests`, those still waiting in `plan`: unscheduled with the
    /// waiting sentence (a held visit keeps its entry through replans until it is accepted; an
    /// accepted request a later replan leaves out is an ordinary unscheduled visit).
    public static func heldVisits(_ requests: some Sequence<String>, in plan: Plan) -> Set<String> {
        Set(requests.filter { id in
            guard let planned = plan.visit(id), !planned.scheduled else { return false }
            return (planned.reasons ?? []).contains { $0.hasSuffix(marker) }
        })
    }
}
