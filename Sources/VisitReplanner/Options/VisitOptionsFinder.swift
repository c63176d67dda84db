import Foundation
import VisitDomain
import VisitPlanner

/// Finds what the planner can offer a visit not yet in the plan (`VisitOptions`): a visit the
/// plan leaves out, or a new request present in the scenario but not in the plan. Its lead time;
/// up to `count` best distinct placements with every other visit fixed exactly as planned
/// (`PlacementSearch`); when none exists, what blocks it (`UnscheduledExplainer`'s reasons) and,
/// unless it is impossible even alone, the cheapest way in (`WayInSearch`). A visit already
/// scheduled is refused (`VisitOptionsError.alreadyScheduled`): moving it is a replan.
public struct VisitOptionsFinder: Sendable {
    public let scenario: Scenario
    public let current: Plan
    /// Name the files in messages.
    public var scenarioFile: String
    public var planFile: String

    public init(scenario: Scenario, current: Plan, scenarioFile: String = "scenario", planFile: String = "plan") {
        self.scenario = scenario; self.current = current; self.scenarioFile = scenarioFile; self.planFile = planFile
    }

    public func options(for id: String, settings: VisitOptionsSettings = .init()) throws(VisitOptionsError) -> VisitOptions {
        let clock = ContinuousClock.now
        guard let visit = scenario.visit(id) else { throw .unknownVisit(id: id, scenarioFile: scenarioFile) }
        if let planned = current.visit(id), planned.scheduled {
            throw .alreadyScheduled(id: id, span: planned.start.flatMap { s in planned.end.map { TimeInterval(start: s, end: $0).description } } ?? "",
                                    host: planned.host, planFile: planFile)
        }
        let setting = try OptionsSetting(scenario: scenario, current: current, visit: id, planFile: planFile)
        let found = try PlacementSearch(setting: setting, settings: settings, clock: clock).run()
        var answer = VisitOptions(
            scenario: scenario.name, visit: id, client: visit.client.name, inPlan: current.visit(id) != nil,
            leadTime: LeadTimeAssessment(scenario: scenario, visit: visit), currentScore: setting.scoreBefore.rounded(toPlaces: 4),
            fits: !found.options.isEmpty, options: found.options, blockers: [], reasons: [], impossibleAlone: false,
            wayIn: nil, wayInNote: nil, solves: found.solves, solveSeconds: 0)
        if found.options.isEmpty {
            let details = found.unplaced?.reasonDetails ?? current.visit(id)?.reasonDetails ?? []
            answer.blockers = details
            answer.reasons = details.isEmpty ? (found.unplaced?.reasons ?? current.visit(id)?.reasons ?? []) : details.map { $0.sentence() }
            answer.impossibleAlone = !details.isEmpty && details.allSatisfy { $0.kind == .impossible }
            if answer.impossibleAlone {
                answer.wayInNote = "none: \(id) cannot be planned even alone, so moving other visits cannot help"
            } else {
                let inTheWay = Set(details.filter { $0.kind == .crowdedOut }.flatMap { $0.visits ?? [] }.filter { other in
                    current.visit(other)?.scheduled == true && !setting.frozen.contains { $0.visit == other }
                })
                let way = try WayInSearch(setting: setting, inTheWay: inTheWay, settings: settings, clock: clock).run()
                answer.wayIn = way.wayIn
                answer.wayInNote = way.note
                answer.solves += way.solves
            }
        }
        answer.solveSeconds = ((ContinuousClock.now - clock) / .seconds(1)).rounded(toPlaces: 3)
        return answer
    }
}
