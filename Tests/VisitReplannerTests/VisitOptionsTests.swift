import Foundation
import Testing
import VisitDomain
@testable import VisitPlanner
@testable import VisitReplanner

/// Ranked options for a visit not yet in the plan (issue 14): placements with everyone else
/// fixed, or what blocks the visit and the cheapest way in.
@Suite("Visit options")
struct VisitOptionsTests {
    /// The small office week and its optimal plan (made once).
    static let office: (scenario: Scenario, plan: Plan) = {
        let scenario = try! ScenarioLoader.load(path: repoPath("scenarios/small-office.yaml"))
        let plan = try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        return (scenario, plan)
    }()

    /// How the visit is missing from the plan: listed unscheduled, or not listed at all (a new request).
    enum Absence: String, CaseIterable, Sendable { case leftOut, newRequest }

    static func without(_ id: String, _ absence: Absence) -> Plan {
        let (scenario, optimal) = office
        var plan = leavingOut([id], of: optimal, in: scenario)
        if absence == .newRequest {
            plan.visits.removeAll { $0.id == id }
            plan.totals.unscheduled -= 1
        }
        return plan
    }

    @Test("a visit that fits gets up to three distinct options, best first, each a plan the checker accepts with nobody else moved",
          arguments: Absence.allCases)
    func fits(_ absence: Absence) throws {
        let (scenario, optimal) = Self.office
        let current = Self.without("V-2003", absence)
        let answer = try VisitOptionsFinder(scenario: scenario, current: current).options(for: "V-2003")
        #expect(answer.fits && answer.inPlan == (absence == .leftOut))
        #expect(answer.options.count == 3, "V-2003 has many times in its window: \(answer.options.map(\.start))")
        #expect(answer.blockers.isEmpty && answer.wayIn == nil)
        let before = ScoreCalculator(scenario: scenario).score(of: current)
        #expect(abs(answer.currentScore - before) < 1e-6)
        // Best first: the best is where the optimal plan had it, at the optimal score.
        #expect(abs(answer.options[0].score - optimal.score) < 1e-6, "\(answer.options[0].score) vs \(optimal.score)")
        #expect(zip(answer.options, answer.options.dropFirst()).allSatisfy { $0.score >= $1.score - 1e-9 })
        #expect(answer.options.map(\.rank) == Array(1...answer.options.count))
        // Distinct: start, meeting rooms or host differ.
        let keys = answer.options.compactMap { PlacementKey($0.visit) }
        #expect(Set(keys).count == answer.options.count)
        for option in answer.options {
            let plan = option.applied(to: current, in: scenario)
            let context = ReplanContext(baseline: current, frozen: [], cancelledVisits: [])
            let report = PlanChecker(scenario: scenario, replan: context).check(plan)
            #expect(report.isValid, "option \(option.rank): \(report.violations)")
            #expect(abs(ScoreCalculator(scenario: scenario).score(of: plan) - option.score) < 1e-6)
            #expect(abs(option.scoreDelta - (option.score - before)) < 1e-6)
            #expect(option.day == option.start.date.description && option.visit.host == option.host)
            #expect(option.urgent == (scenario.leadTime(of: scenario.visit("V-2003")!, startingAt: option.start) == .urgent))
            for other in current.visits where other.id != "V-2003" {
                #expect(plan.visit(other.id) == other, "\(other.id) stays exactly as planned")
            }
        }
    }

    @Test("another request the plan has not seen yet is left out of the week rather than refused")
    func otherNewRequest() throws {
        let scenario = try Self.crowded().scenario   // V-2099: a new request the plan does not list
        let current = Self.without("V-2003", .newRequest)
        let answer = try VisitOptionsFinder(scenario: scenario, current: current).options(for: "V-2003")
        #expect(answer.fits && answer.options.count == 3)
        let plan = answer.options[0].applied(to: current, in: scenario)
        #expect(plan.visit("V-2099") == nil)
        var known = scenario
        known.visits.removeAll { $0.id == "V-2099" }
        #expect(PlanChecker(scenario: known, replan: ReplanContext(baseline: current, frozen: [], cancelledVisits: [])).check(plan).isValid)
    }

    @Test("count 1 asks for the best placement only")
    func bestOnly() throws {
        let (scenario, _) = Self.office
        let answer = try VisitOptionsFinder(scenario: scenario, current: Self.without("V-2001", .leftOut))
            .options(for: "V-2001", settings: VisitOptionsSettings(count: 1))
        #expect(answer.options.count == 1 && answer.solves.count == 1)
    }

    /// The office week with a new request V-2099: V-2004 again (the secure room, the one vision
    /// expert), wanted exactly when V-2004 is planned. It fits only if V-2004 moves.
    static func crowded() throws -> (scenario: Scenario, current: Plan, taken: PlannedVisit) {
        var (scenario, current) = office
        let taken = try #require(current.visit("V-2004"))
        var copy = try #require(scenario.visit("V-2004"))
        copy.id = "V-2099"
        copy.client.name = "Adatum"
        copy.window = VisitDomain.TimeInterval(start: taken.start!, end: taken.end!)
        copy.preferredStart = taken.start
        scenario.visits.append(copy)
        return (scenario, current, taken)
    }

    @Test("a visit crowded out gets its blockers and the cheapest way in: which visits move, and a score drop ScoreCalculator confirms")
    func cheapestWayIn() throws {
        let (scenario, current, taken) = try Self.crowded()
        let answer = try VisitOptionsFinder(scenario: scenario, current: current).options(for: "V-2099")
        #expect(!answer.fits && answer.options.isEmpty && !answer.inPlan)
        #expect(!answer.impossibleAlone)
        #expect(answer.blockers.contains { $0.kind == .crowdedOut && ($0.visits ?? []).contains("V-2004") }, "\(answer.reasons)")
        #expect(answer.reasons.count == answer.blockers.count && !answer.reasons.isEmpty)
        let way = try #require(answer.wayIn, "\(answer.wayInNote ?? "")")
        let plan = try #require(way.plan)
        #expect(plan.visit("V-2099")?.scheduled == true)
        #expect(way.placement.start == taken.start, "the request takes the only time its window allows")
        // V-2004 moves (it may: its window is wider); nobody is dropped.
        let moved = try #require(way.moves.first { $0.visit == "V-2004" })
        #expect(!moved.dropped && moved.to != nil && !moved.changes.isEmpty)
        #expect(way.moves.allSatisfy { !$0.dropped })
        #expect(plan.visit("V-2004")?.start != taken.start)
        // The checker accepts the new week against the current plan, and the scores recompute.
        let context = ReplanContext(baseline: current, frozen: [], cancelledVisits: [])
        let report = PlanChecker(scenario: scenario, replan: context).check(plan)
        #expect(report.isValid, "\(report.violations)")
        let plain = ScoreCalculator(scenario: scenario)
        let before = plain.score(of: current)
        let after = plain.score(of: plan)
        let disruption = ScoreCalculator(scenario: scenario, replan: context).score(of: plan) - after
        #expect(abs(way.scoreBefore - before) < 1e-6 && abs(way.scoreAfter - after) < 1e-6)
        #expect(abs(way.disruption - disruption) < 1e-6 && disruption < 0, "moving V-2004 costs replanning terms")
        #expect(abs(way.scoreDelta - (after + disruption - before)) < 1e-6)
        var without = plan
        without.visits.removeAll { $0.id == "V-2099" }
        let own = after - plain.score(of: without)
        #expect(abs(way.restOfWeekDrop - (before - (after - own) - disruption)) < 1e-6)
        #expect(way.restOfWeekDrop > 0, "the rest of the week loses what moving V-2004 costs")
        // Every visit other than the two keeps its place.
        for other in current.visits where other.id != "V-2004" {
            #expect(OptionsSetting.samePlacement(plan.visit(other.id), other), "\(other.id) should not move")
        }
        let text = VisitOptionsText(answer).render()
        #expect(text.contains("Cheapest way in") && text.contains("V-2004:") && text.contains("The rest of the week loses"), "\(text)")
    }

    @Test("a visit impossible even alone gets its reasons and no way in")
    func impossibleAlone() throws {
        let (scenario, current) = Self.office
        #expect(current.visit("V-2005")?.scheduled == false)
        let answer = try VisitOptionsFinder(scenario: scenario, current: current).options(for: "V-2005")
        #expect(!answer.fits && answer.impossibleAlone && answer.wayIn == nil)
        #expect(answer.blockers.allSatisfy { $0.kind == .impossible } && !answer.blockers.isEmpty)
        #expect(answer.wayInNote?.contains("cannot be planned even alone") == true)
        #expect(answer.leadTime.leadTime == .tooLate && answer.leadTime.earliestStart == nil)
        #expect(answer.solves.count == 1, "no way-in solve for a visit impossible alone")
    }

    @Test("lead time: standard, urgent (with the first standard start), too late",
          arguments: [("V-2001", LeadTimeClass.standard), ("V-2004", .urgent), ("V-2005", .tooLate)])
    func leadTime(_ id: String, _ expected: LeadTimeClass) throws {
        let scenario = Self.office.scenario
        let visit = try #require(scenario.visit(id))
        let lead = LeadTimeAssessment(scenario: scenario, visit: visit)
        #expect(lead.leadTime == expected)
        switch expected {
        case .standard: #expect(lead.standardFrom == lead.earliestStart && lead.earliestStart == visit.window.start)
        case .urgent:
            // Requested Thursday for Tuesday: 2 working days; the window ends Tuesday, so never standard.
            #expect(lead.workingDaysOfNotice == 2 && lead.standardFrom == nil && lead.earliestStart == visit.window.start)
            #expect(lead.summary.hasPrefix("urgent"))
        case .tooLate: #expect(lead.earliestStart == nil && lead.summary.hasPrefix("too late"))
        }
    }

    @Test("an unknown visit, a visit already scheduled and a plan that breaks a rule are refused with what to fix")
    func refusals() throws {
        let (scenario, current) = Self.office
        let finder = VisitOptionsFinder(scenario: scenario, current: current, scenarioFile: "office.yaml", planFile: "plan.json")
        #expect(throws: VisitOptionsError.self) { try finder.options(for: "V-404") }
        do {
            _ = try finder.options(for: "V-404")
        } catch {
            #expect(error.description == "office.yaml: there is no visit \"V-404\" in the scenario")
        }
        do {
            _ = try finder.options(for: "V-2001")
            Issue.record("a scheduled visit is refused")
        } catch {
            guard case .alreadyScheduled(let id, _, let host, let file) = error else { Issue.record("\(error)"); return }
            #expect(id == "V-2001" && host == current.visit("V-2001")?.host && file == "plan.json")
            #expect(error.description.contains("is already scheduled"))
        }
        var broken = Self.without("V-2003", .leftOut)
        let v = try #require(broken.visits.firstIndex { $0.id == "V-2001" })
        broken.visits[v].host = "xu.lan"   // sales, not a host
        do {
            _ = try VisitOptionsFinder(scenario: scenario, current: broken, planFile: "plan.json").options(for: "V-2003")
            Issue.record("a plan breaking a rule is refused")
        } catch {
            #expect(!error.issues.isEmpty && error.issues.allSatisfy { $0.file == "plan.json" })
            #expect(error.issues.contains { $0.path == "visits[\(v)]" }, "\(error.issues)")
        }
    }

    @Test("the wanted bonus outweighs everything else the week can lose")
    func bonusIsLarge() {
        let scenario = Self.office.scenario
        let bonus = PlacementTerms.wantedBonus(scenario)
        let everything = scenario.visits.reduce(0.0) { $0 + 1000 * Double($1.priority) + 5000 }
        #expect(bonus > everything)
    }
}
