import Foundation
import VisitDomain
import VisitPlanner
import VisitReplanner
import VisitWhatIf

/// One input surface a fuzzer drives: the bytes are what a file on the command line or a request
/// body would hold. Each surface goes as far as the program goes with valid input short of GLPK
/// (decoding, validation, applying events or variants, deriving every candidate), so a crash,
/// trap, hang or blow-up anywhere on that path shows.
public enum FuzzSurface: String, CaseIterable, Sendable {
    /// A scenario file, YAML or JSON (sniffed as the server does): loaded, then every visit's candidates counted.
    case scenario
    /// A change-events file against the demo week and its plan: decoded, applied, candidates counted.
    case events
    /// A what-if file against the demo week: decoded, every variant applied, candidates counted.
    case whatif
    /// A plan JSON for the demo week: decoded, checked, and used as the plan a replan starts from.
    case plan
    /// A request body's first step: parsed as JSON and as YAML into a document tree.
    case document

    /// Makes what the surface needs once per process (the demo week and its plan), so that it is
    /// not counted against the first input (as a leak or a slow unit).
    public func prepare() {
        if self != .scenario && self != .document { _ = DemoWeek.shared }
    }

    /// Runs one input; true when it was valid and went the whole way. Returns for every input,
    /// valid or not; anything else (a crash, a trap, a hang) is a finding.
    @discardableResult
    public func run(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        let format = DocumentFormat.sniff(text)
        switch self {
        case .scenario:
            guard let scenario = try? ScenarioLoader.parse(text, format: format, file: "fuzz") else { return false }
            _ = CandidateCensus.timingsPerVisit(scenario)
            return true
        case .events:
            let demo = DemoWeek.shared
            guard let events = try? EventsLoader.parse(text, format: format, file: "fuzz", scenario: demo.scenario) else { return false }
            guard let applied = try? Replanner(scenario: demo.scenario, current: demo.plan).checkingContext(for: events) else { return false }
            _ = CandidateCensus.timingsPerVisit(applied.scenario)
            _ = PlanChecker(scenario: applied.scenario, replan: applied.context).check(demo.plan)
            return true
        case .whatif:
            let demo = DemoWeek.shared
            guard let file = try? WhatIfLoader.parse(text, format: format, file: "fuzz"),
                  let study = try? WhatIfStudy(file: file, baseDocument: demo.document, defaultNow: demo.scenario.now) else { return false }
            for variant in study.variants { _ = CandidateCensus.timingsPerVisit(variant.scenario) }
            return true
        case .plan:
            let demo = DemoWeek.shared
            guard let plan = try? JSONDecoder().decode(Plan.self, from: data),
                  (try? PlanValidation.validate(plan, file: "fuzz")) != nil else { return false }
            _ = PlanChecker(scenario: demo.scenario).check(plan)
            return (try? Replanner(scenario: demo.scenario, current: plan).checkingContext(for: [])) != nil
        case .document:
            let json = try? DocumentValue.parse(text, format: .json, file: "fuzz")
            let yaml = try? DocumentValue.parse(text, format: .yaml, file: "fuzz")
            return json != nil || yaml != nil
        }
    }
}

/// The demo week, its document tree and a plan of it, made once per process for the surfaces
/// that need a base (events, what-if, plan).
struct DemoWeek: Sendable {
    let document: DocumentValue
    let scenario: Scenario
    let plan: Plan

    static let shared: DemoWeek = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scenarios/demo-week.yaml").standardizedFileURL.path
        do {
            let document = try DocumentValue.load(path: path)
            let scenario = try ScenarioLoader.decode(document, file: path)
            let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 5)).plan
            return DemoWeek(document: document, scenario: scenario, plan: plan)
        } catch {
            fatalError("the fuzzing harness needs the demo week at \(path): \(error)")
        }
    }()
}
