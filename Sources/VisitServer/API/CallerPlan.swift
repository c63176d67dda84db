import VisitDomain

/// A plan as one caller may see it, encoded once into the answer: the plan itself for coordinators
/// and planners; for a host, a `HostPlan`, whose type has no money fields to fill.
enum CallerPlan: Encodable, Sendable {
    case full(Plan)
    case host(HostPlan)

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .full(let plan): try plan.encode(to: encoder)
        case .host(let plan): try plan.encode(to: encoder)
        }
    }
}

/// A plan without budgets, prices or costs, for a host: the plan JSON's fields less the catering
/// total, with visits already stripped of prices (`Redaction`) and only the messages a host may read.
struct HostPlan: Encodable, Sendable {
    /// `totals` without `cateringCost`.
    struct Totals: Encodable, Sendable {
        var scheduled: Int
        var unscheduled: Int
    }

    var scenario: String
    var status: PlanStatus
    var score: Double
    var bound: Double
    var solveSeconds: Double
    var visits: [PlannedVisit]
    var totals: Totals
    var changes: [PlanChange]?
    var notify: [VisitDomain.Notification]?
}
