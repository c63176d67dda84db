import Foundation
import Testing
import VisitDomain
import VisitPlanner

/// The focused scenarios of `scenarios/tests/` (one hard rule decides each outcome), loaded from
/// disk, optionally edited by document path, then planned and checked.
enum TestScenarios {
    /// The repository root, found from this file's place in `Tests/VisitPlannerTests/Support/`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = repositoryRoot.appendingPathComponent("scenarios/tests")

    /// `scenarios/tests/<name>`.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `scenarios/<name>` (the demo week and the small office).
    static func examplePath(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("scenarios").appendingPathComponent(name).path
    }

    /// Every scenario file of `scenarios/tests/`, sorted.
    static let allFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }()

    /// The scenario `name` with `edits` applied to its document before decoding.
    static func load(_ name: String, _ edits: [ScenarioEdit] = []) throws -> Scenario {
        var document = try DocumentValue.load(path: path(name))
        for edit in edits { try edit.apply(to: &document) }
        return try ScenarioLoader.decode(document, file: name)
    }

    /// Plans the scenario `name` (after `edits`) and checks the plan.
    static func plan(_ name: String, _ edits: [ScenarioEdit] = [], timeLimit: Double = 30) throws -> PlannedScenario {
        try PlannedScenario(scenario: load(name, edits), timeLimit: timeLimit)
    }
}

/// One change to a scenario document, by path (`rooms[1]`, `policies.maxGapMinutes`).
enum ScenarioEdit: Sendable, CustomStringConvertible {
    case set(String, DocumentValue)
    case remove(String)

    func apply(to document: inout DocumentValue) throws {
        switch self {
        case .set(let path, let value): try document.setValue(value, at: path)
        case .remove(let path):
            let removed = document.removeValue(at: try DocumentPath(parsing: path))
            #expect(removed != nil, "the edit removes \(path), which the scenario must have")
        }
    }

    /// `staff[index]` is on leave the whole of `date` (`2026-12-08`).
    static func leave(staff index: Int, on date: String) -> ScenarioEdit {
        let next = LocalDate(iso: date).map { $0.adding(days: 1).description } ?? date
        return .set("staff[\(index)].unavailable", [["start": .string(date + "T00:00"), "end": .string(next + "T00:00")]])
    }

    var description: String {
        switch self {
        case .set(let path, let value): "set \(path) = \(value.shortDescription)"
        case .remove(let path): "remove \(path)"
        }
    }
}

/// A scenario with its plan and the independent checker's report on it.
struct PlannedScenario: Sendable {
    let scenario: Scenario
    let outcome: PlanningOutcome
    let report: CheckReport

    init(scenario: Scenario, timeLimit: Double = 30) throws {
        self.scenario = scenario
        self.outcome = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: timeLimit))
        self.report = PlanChecker(scenario: scenario).check(outcome.plan)
        #expect(report.isValid, "the checker rejects the plan of \(scenario.name): \(report.violations.map(\.description))")
    }

    var plan: Plan { outcome.plan }

    /// The planned visit `id`, which must be in the plan.
    func visit(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> PlannedVisit {
        try #require(plan.visit(id), "the plan lists no visit \(id)", sourceLocation: sourceLocation)
    }

    /// The scheduled visit `id` with its items; fails the test when it is unscheduled.
    func scheduled(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ScheduledVisit {
        let visit = try visit(id, sourceLocation: sourceLocation)
        try #require(visit.scheduled, "\(id) is unscheduled: \(visit.reasons ?? [])", sourceLocation: sourceLocation)
        return ScheduledVisit(
            planned: visit,
            start: try #require(visit.start, sourceLocation: sourceLocation),
            end: try #require(visit.end, sourceLocation: sourceLocation),
            host: try #require(visit.host, sourceLocation: sourceLocation),
            items: try #require(visit.items, sourceLocation: sourceLocation))
    }

    /// The reasons of the unscheduled visit `id`; fails the test when it is scheduled.
    func reasons(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let visit = try visit(id, sourceLocation: sourceLocation)
        try #require(!visit.scheduled, "\(id) is scheduled at \(visit.start.map(\.description) ?? "?")", sourceLocation: sourceLocation)
        let reasons = visit.reasons ?? []
        #expect(!reasons.isEmpty, "\(id) is unscheduled without a reason", sourceLocation: sourceLocation)
        return reasons
    }

    /// Ids of the unscheduled visits.
    var unscheduledIDs: Set<String> { Set(plan.visits.filter { !$0.scheduled }.map(\.id)) }
}

/// A scheduled visit with its required fields unwrapped.
struct ScheduledVisit: Sendable {
    let planned: PlannedVisit
    let start: LocalDateTime
    let end: LocalDateTime
    let host: String
    let items: [PlannedItem]
}

/// `2026-12-08T10:00` as a `LocalDateTime` (test literals only).
func at(_ text: String) -> LocalDateTime {
    guard let time = LocalDateTime(iso: text) else { preconditionFailure("bad test literal \(text)") }
    return time
}

/// `2026-12-08` as a `LocalDate` (test literals only).
func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(iso: text) else { preconditionFailure("bad test literal \(text)") }
    return date
}

extension [String] {
    /// Whether some element contains every one of `parts`.
    func anyContains(_ parts: String...) -> Bool {
        contains { reason in parts.allSatisfy { reason.contains($0) } }
    }
}
