import Foundation
import ScenarioGenerator
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitReplanner

/// The improvement search (issue 17): a better week near the current plan, offered as a proposal.
@Suite("Improver")
struct ImproverTests {
    /// The small office week and its optimal plan (made once).
    static let office: (scenario: Scenario, plan: Plan) = {
        let scenario = try! ScenarioLoader.load(path: repoPath("scenarios/small-office.yaml"))
        let plan = try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        return (scenario, plan)
    }()

    @Test("a visit left out of the current plan that fits is proposed back, with a strictly better score the checker confirms")
    func leftOutVisitComesBack() throws {
        let (scenario, optimal) = Self.office
        #expect(optimal.visit("V-2003")?.scheduled == true)
        let current = leavingOut(["V-2003"], of: optimal, in: scenario)
        let outcome = try Improver(scenario: scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        let proposal = try #require(outcome.proposal, "\(outcome.summary)")
        #expect(proposal.addedVisits == ["V-2003"])
        #expect(proposal.droppedVisits.isEmpty)
        #expect(proposal.newScore > proposal.oldScore)
        #expect(proposal.oldScore == PlanChecker(scenario: scenario).check(current).score)
        #expect(proposal.newScore == optimal.score, "putting V-2003 back restores the optimum; nothing else needs to move")
        #expect(proposal.summary.hasPrefix("1 more visit, "), "\(proposal.summary)")
        #expect(proposal.summary.contains("→"))
        #expect(proposal.changes.contains { $0.visit == "V-2003" && $0.what == "scheduled" })
        #expect(proposal.plan.notify?.isEmpty == false, "the new visit's host and client are told")
        expectValid(proposal, scenario: scenario)
    }

    @Test("an optimal plan gets \"no better week found\", with the time spent")
    func optimalPlanHasNothingBetter() throws {
        let (scenario, optimal) = Self.office
        let outcome = try Improver(scenario: scenario, current: optimal).improve(options: ImproveOptions(timeLimit: 20))
        #expect(outcome.proposal == nil)
        #expect(outcome.summary.hasPrefix("no better week found ("), "\(outcome.summary)")
        #expect(!outcome.steps.isEmpty)
        #expect(outcome.steps.allSatisfy { !$0.improved && $0.failure == nil }, "\(outcome.steps)")
        #expect(outcome.currentScore == optimal.score)
    }

    @Test("items that started before now never move, nor do the visits under way; later days still improve")
    func frozenItemsStay() throws {
        var (scenario, optimal) = Self.office
        let current = leavingOut(["V-2003"], of: optimal, in: scenario)
        // Tuesday 11:00: Monday is over, V-2002's meeting (Tuesday morning) is under way.
        scenario.now = moment("2026-12-15T11:00")
        let started = current.visits.filter { $0.scheduled && ($0.start.map { $0 < scenario.now } ?? false) }
        try #require(started.count >= 2, "Monday's and Tuesday morning's visits have started")
        let outcome = try Improver(scenario: scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        let proposal = try #require(outcome.proposal, "\(outcome.summary)")
        #expect(proposal.addedVisits == ["V-2003"], "Wednesday is still ahead")
        for visit in started {
            #expect(proposal.plan.visit(visit.id) == visit, "\(visit.id) started before now and stays exactly as it was")
        }
        #expect(!proposal.context.frozen.isEmpty)
        expectValid(proposal, scenario: scenario)
    }

    @Test("a generated week with visits taken out of its plan is improved, and every step's plan passes the checker")
    func generatedWeek() throws {
        let scenario = ScenarioGenerator(visits: 25, seed: 11).scenario()
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20)).plan
        let taken = Array(plan.visits.filter(\.scheduled).map(\.id).prefix(4))
        try #require(taken.count == 4)
        let current = leavingOut(taken, of: plan, in: scenario)
        let outcome = try Improver(scenario: scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        let proposal = try #require(outcome.proposal, "\(outcome.summary)")
        #expect(!proposal.addedVisits.isEmpty)
        #expect(proposal.newScore > proposal.oldScore)
        #expect(outcome.steps.allSatisfy { $0.failure == nil }, "\(outcome.steps.compactMap(\.failure))")
        expectValid(proposal, scenario: scenario)
    }

    @Test("after a replan that cancelled a visit (listed in its plan, gone from its scenario), the search still runs and leaves it out")
    func afterCancelledVisit() throws {
        let (scenario, optimal) = Self.office
        let events = try EventsLoader.parse("- {type: cancelVisit, at: '2026-12-12T09:00', visit: V-2007}\n", format: .yaml,
                                            file: "events.yaml", scenario: scenario)
        let replanned = try Replanner(scenario: scenario, current: optimal).replan(events, options: ReplanOptions(timeLimit: 20))
        #expect(replanned.plan.visit("V-2007")?.scheduled == false && replanned.scenario.visit("V-2007") == nil)
        let current = leavingOut(["V-2003"], of: replanned.plan, in: replanned.scenario)
        let outcome = try Improver(scenario: replanned.scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        let proposal = try #require(outcome.proposal, "\(outcome.summary)")
        #expect(proposal.addedVisits == ["V-2003"])
        #expect(proposal.plan.visit("V-2007") == nil, "as the next replan would, the proposal no longer lists the cancelled visit")
        expectValid(proposal, scenario: replanned.scenario)
        // `visitplan check --baseline` (no events) builds its context the replanner's way: it accepts the proposal too.
        let checking = try Replanner(scenario: replanned.scenario, current: current).checkingContext(for: [])
        #expect(PlanChecker(scenario: checking.scenario, replan: checking.context).check(proposal.plan).violations.isEmpty)
    }

    @Test("a better host is proposed only when what it gains pays for the changes it costs")
    func betterHostPaysForItsChanges() throws {
        var (scenario, optimal) = Self.office
        // V-2001 hosted by Zhou Ming with Xu Lan as its sales person, instead of Lisa Wong (its
        // preferred host) with Zhou Ming: valid, 10 less (20 for the preferred host, less Zhou's 10
        // for the client's industry), but going back swaps two people (4 × 40).
        var current = optimal
        let k = try #require(current.visits.firstIndex { $0.id == "V-2001" })
        try #require(current.visits[k].host == "lisa.wong" && current.visits[k].items?[0].sales == ["zhou.ming"])
        current.visits[k].host = "zhou.ming"
        current.visits[k].items?[0].sales = ["xu.lan"]
        current.score = PlanChecker(scenario: scenario).check(current).score
        try #require(PlanChecker(scenario: scenario).check(current).isValid)
        let cheap = try Improver(scenario: scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        #expect(cheap.proposal == nil, "\(cheap.summary)")

        scenario.objective.preferredHost = 500
        let worth = try Improver(scenario: scenario, current: current).improve(options: ImproveOptions(timeLimit: 20))
        let proposal = try #require(worth.proposal, "\(worth.summary)")
        #expect(proposal.plan.visit("V-2001")?.host == "lisa.wong")
        #expect(proposal.addedVisits.isEmpty)
        #expect(proposal.changes.contains { $0.visit == "V-2001" && $0.what == "host" })
        #expect(proposal.summary.hasPrefix("\(proposal.changesToPlannedVisits.count) change"), "\(proposal.summary)")
        expectValid(proposal, scenario: scenario)
    }

    @Test("a plan that names a person the scenario lacks is refused with the field's path")
    func badPlanIsRefused() throws {
        let (scenario, optimal) = Self.office
        var current = optimal
        let index = try #require(current.visits.firstIndex { $0.scheduled })
        current.visits[index].host = "nobody"
        #expect {
            try Improver(scenario: scenario, current: current, planFile: "current.json").improve(options: ImproveOptions(timeLimit: 5))
        } throws: { error in
            guard let error = error as? ImprovementError else { return false }
            return error.issues.contains { $0.file == "current.json" && $0.path == "visits[\(index)].host" }
        }
    }

    /// The proposal passes the independent checker against the current plan, with the score it reports.
    private func expectValid(_ proposal: ImprovementProposal, scenario: Scenario) {
        let report = PlanChecker(scenario: scenario, replan: proposal.context).check(proposal.plan)
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(abs(report.score - proposal.newScore) < 1e-6)
    }
}

/// `plan` with `ids` unscheduled (as a plan that left them out would list them), totals and score recomputed.
func leavingOut(_ ids: [String], of plan: Plan, in scenario: Scenario) -> Plan {
    var result = plan
    for (k, visit) in result.visits.enumerated() where ids.contains(visit.id) {
        result.visits[k] = .unscheduled(visit.id, reasons: ["left out by hand"])
    }
    let scheduled = result.visits.filter(\.scheduled).count
    result.totals = PlanTotals(scheduled: scheduled, unscheduled: result.visits.count - scheduled,
                               cateringCost: result.visits.flatMap { $0.items ?? [] }.compactMap(\.cost).reduce(0, +))
    result.score = PlanChecker(scenario: scenario).check(result).score
    return result
}
