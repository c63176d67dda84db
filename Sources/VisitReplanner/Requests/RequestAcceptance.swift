import VisitDomain

/// Accepting a visit request into the week (issue 14): the plan that takes the waiting visit in
/// with the least disruption. With a chosen option, that placement as the options offer it (every
/// other visit as it was); without one, the best option, or when nothing fits as things stand, the
/// cheapest way in (other visits moved, charged FORMAT.md's replanning terms). Both passed the
/// independent `PlanChecker` against the current plan when the options search found them.
public struct RequestAcceptance: Sendable {
    public let scenario: Scenario
    public let current: Plan

    public init(scenario: Scenario, current: Plan) {
        self.scenario = scenario; self.current = current
    }

    /// The new plan and how it was reached.
    public struct Outcome: Sendable {
        public var plan: Plan
        /// "option 2", "option 1 (the best)", "the cheapest way in (2 visits move)".
        public var taken: String
        public var options: VisitOptions
    }

    /// Why a request cannot be accepted.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case options(VisitOptionsError)
        /// The chosen option is not among those offered now.
        case noSuchOption(chosen: Int, offered: Int)
        /// No placement and no way in: the reasons.
        case cannotPlace(visit: String, reasons: [String], note: String?)

        public var description: String {
            switch self {
            case .options(let error): return error.description
            case .noSuchOption(let chosen, let offered):
                return offered == 0 ? "option \(chosen) is not offered: nothing fits without moving other visits (accept without an option to take the cheapest way in)"
                    : "option \(chosen) is not offered; the options now are 1 to \(offered)"
            case .cannotPlace(let visit, let reasons, let note):
                return "\(visit) cannot be placed: " + (reasons + [note].compactMap { $0 }).joined(separator: "; ")
            }
        }
    }

    public func accept(_ visit: String, option: Int?, settings: VisitOptionsSettings = .init()) throws(Failure) -> Outcome {
        let options: VisitOptions
        do {
            options = try VisitOptionsFinder(scenario: scenario, current: current).options(for: visit, settings: settings)
        } catch {
            throw .options(error)
        }
        var plan: Plan
        var taken: String
        if let option {
            guard options.options.indices.contains(option - 1) else { throw .noSuchOption(chosen: option, offered: options.options.count) }
            plan = options.options[option - 1].applied(to: current, in: scenario)
            taken = "option \(option)"
        } else if let best = options.options.first {
            plan = best.applied(to: current, in: scenario)
            taken = "option 1 (the best)"
        } else if let way = options.wayIn, let wayPlan = way.plan {
            plan = wayPlan
            taken = "the cheapest way in (\(way.moves.count) other visit\(way.moves.count == 1 ? "" : "s") change)"
        } else {
            throw .cannotPlace(visit: visit, reasons: options.reasons, note: options.wayInNote)
        }
        if plan.changes == nil, let placed = plan.visit(visit), let start = placed.start, let end = placed.end {
            plan.changes = [PlanChange(visit: visit, item: nil, what: "scheduled", from: nil, to: TimeInterval(start: start, end: end).description)]
        }
        return Outcome(plan: plan, taken: taken, options: options)
    }
}
