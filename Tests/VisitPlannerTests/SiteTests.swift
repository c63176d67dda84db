import MILP
import ScenarioGenerator
import Testing
import VisitDomain
@testable import VisitPlanner

/// A company with several sites far apart (issue 17, "Larger companies"): the generator's sites
/// share nothing, rule 11 keeps a visit at its site, and the decomposition splits each day by
/// resource-connected components (the sites) without changing the optimum.
@Suite("Sites")
struct SiteTests {
    static let sites = ScenarioGenerator(visits: 30, seed: 1, sites: 3)

    @Test("the generator's three sites are independent: no room, route, caterer or person is shared, and every visit names its site")
    func sitesShareNothing() {
        let scenario = Self.sites.scenario()
        #expect(scenario.sites == ["east", "north", "south"])
        #expect(scenario.visits.count == 30)
        #expect(Dictionary(grouping: scenario.visits, by: { $0.site ?? "" }).mapValues(\.count) == ["north": 10, "south": 10, "east": 10])
        // Everything belongs to one site, and ids are unique across the sites.
        #expect(scenario.rooms.allSatisfy { $0.site != nil } && scenario.tourRoutes.allSatisfy { $0.site != nil })
        #expect(scenario.staff.allSatisfy { $0.site != nil } && scenario.caterers.allSatisfy { $0.site != nil })
        #expect(Set(scenario.staff.map(\.id)).count == scenario.staff.count)
        #expect(Set(scenario.rooms.map(\.id)).count == scenario.rooms.count)
        #expect(Set(scenario.visits.map(\.id)).count == scenario.visits.count)
        // Buildings far apart: no building holds rooms or people of two sites.
        var siteOfBuilding: [String: Set<String>] = [:]
        for room in scenario.rooms { siteOfBuilding[room.building ?? "", default: []].insert(room.site ?? "") }
        for person in scenario.staff { siteOfBuilding[person.building ?? "", default: []].insert(person.site ?? "") }
        #expect(siteOfBuilding.values.allSatisfy { $0.count == 1 })
        // A visit's tours name its own site's routes; its preferred host works there.
        for visit in scenario.visits {
            for case .tour(let tour) in visit.agenda {
                #expect(tour.routes.allSatisfy { scenario.route($0)?.site == visit.site }, "\(visit.id)")
            }
            if let host = visit.preferredHost { #expect(scenario.staffMember(host)?.site == visit.site, "\(visit.id)") }
        }
    }

    @Test("the same seed gives the same three-site week, written as YAML that loads back to it (sites included)")
    func deterministicAndRoundTrips() throws {
        let again = ScenarioGenerator(visits: 30, seed: 1, sites: 3)
        #expect(Self.sites.scenario() == again.scenario())
        #expect(Self.sites.name == "generated-30v-s1-3sites")
        let loaded = try ScenarioLoader.parse(try Self.sites.yaml(), format: .yaml, file: Self.sites.name + ".yaml")
        #expect(loaded == Self.sites.scenario())
        #expect(loaded.visits.allSatisfy { $0.site != nil })
        // One site is the week it always was.
        #expect(ScenarioGenerator(visits: 20, seed: 1, sites: 1).scenario() == ScenarioGenerator(visits: 20, seed: 1).scenario())
    }

    @Test("the resource components of a three-site week are its sites, or finer: never two sites in one")
    func componentsFollowSites() {
        let scenario = Self.sites.scenario()
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let components = ResourceComponents(scenario: view.scenario, generator: generator, candidates: week.candidates)
        #expect(components.count >= 3)
        for members in components.members {
            #expect(Set(members.map { scenario.visits[$0].site }).count == 1)
        }
        // A single-site week of the same size is one component (its visits share hosts and rooms).
        let single = ScenarioView(ScenarioGenerator(visits: 30, seed: 1).scenario())
        let singleGenerator = CandidateGenerator(scenario: single.scenario)
        let singleWeek = WeekCandidates(view: single, generator: singleGenerator, threads: 1)
        let planned = Set(singleWeek.candidates.filter { !$0.timings.isEmpty }.map(\.visitIndex))
        let singleComponents = ResourceComponents(scenario: single.scenario, generator: singleGenerator, candidates: singleWeek.candidates)
        #expect(Set(planned.map { singleComponents.component[$0] }).count == 1)
    }

    @Test("no row of a day's whole model but the budget's joins visits of two components")
    func componentsShareNoRow() {
        let view = ScenarioView(Self.sites.scenario())
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let components = ResourceComponents(scenario: view.scenario, generator: generator, candidates: week.candidates)
        var builder = ModelBuilder(scenario: view.scenario, generator: generator)
        builder.sharedBudget = true
        builder.keepsNames = false
        var checkedRows = 0
        for day in week.days {
            let model = builder.build(candidates: week.onDay(day))
            let index = ChoiceIndex(model)
            var owner: [Int: Int] = [:]
            for (v, variables) in index.variables { for x in variables { owner[x.index] = components.component[v] } }
            for link in model.coverLinks { owner[link.cover.index] = link.meetings.first.flatMap { owner[$0.index] } }
            model.milp.forEachConstraint { _, terms in
                guard !terms.contains(where: { $0.key == model.spentElsewhere }) else { return }
                let joined = Set(terms.compactMap { owner[$0.key.index] })
                #expect(joined.count <= 1)
                checkedRows += 1
            }
        }
        #expect(checkedRows > 100)
    }

    @Test("split by site, the decomposition finds the monolithic model's optimum on a small three-site week, and the plan passes the checker")
    func sameOptimumAsMonolithic() throws {
        let scenario = ScenarioGenerator(visits: 12, seed: 2, sites: 3).scenario()
        let planner = Planner(scenario: scenario)
        let gap = 1e-4
        let monolithic = try planner.plan(options: PlannerOptions(timeLimit: 120, relativeGap: gap, strategy: .monolithic)).plan
        let decomposed = try planner.plan(options: PlannerOptions(timeLimit: 120, relativeGap: gap, strategy: .decomposed)).plan
        let checker = PlanChecker(scenario: scenario)
        #expect(checker.check(decomposed).isValid)
        #expect(checker.check(monolithic).isValid)
        #expect(monolithic.status == .optimal && decomposed.status == .optimal)
        let tolerance = 2 * gap * max(1, abs(monolithic.score))
        #expect(abs(decomposed.score - monolithic.score) <= tolerance)
        #expect(decomposed.bound >= monolithic.score - tolerance)
        // The split happened: more parts than days.
        let view = ScenarioView(scenario)
        let generator = CandidateGenerator(scenario: view.scenario)
        let week = WeekCandidates(view: view, generator: generator, threads: 1)
        let days = DayModels.build(view: view, generator: generator, week: week, threads: 1)
        #expect(days.parts.count > week.days.count)
        #expect(days.parts.count == days.days.count)
    }

    @Test("rule 11 in the checker: a host from another site is a violation")
    func checkerRejectsAnotherSitesHost() throws {
        let scenario = ScenarioGenerator(visits: 12, seed: 2, sites: 3).scenario()
        let plan = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 30)).plan
        let checker = PlanChecker(scenario: scenario)
        #expect(checker.check(plan).isValid)
        guard let v = plan.visits.firstIndex(where: { $0.scheduled }), let visit = scenario.visit(plan.visits[v].id) else {
            Issue.record("no visit scheduled")
            return
        }
        let stranger = try #require(scenario.staff.first {
            $0.site != visit.site && $0.has(.host) && visit.language.map($0.languages.contains) != false
        })
        var wrong = plan
        wrong.visits[v].host = stranger.id
        let violations = checker.check(wrong).violations
        #expect(violations.contains { $0.category == .rule(.site) && $0.visit == visit.id })
    }

    @Test("rule 11 in the model: a visit's candidates use only its site's resources and people")
    func eligibilityKeepsToTheSite() {
        let scenario = Self.sites.scenario()
        let eligibility = Eligibility(scenario: scenario)
        for visit in scenario.visits {
            #expect(eligibility.hosts(for: visit).allSatisfy { scenario.staff[$0].site == visit.site })
            #expect(eligibility.salesStaff(for: visit).allSatisfy { scenario.staff[$0].site == visit.site })
            for case .meeting(let m) in visit.agenda {
                #expect(eligibility.rooms(for: visit, m).allSatisfy { scenario.rooms[$0].site == visit.site })
                #expect(eligibility.technicalStaff(for: visit, m).allSatisfy { scenario.staff[$0].site == visit.site })
            }
            for case .meal(let m) in visit.agenda {
                #expect(eligibility.caterers(for: visit, m).allSatisfy { scenario.caterers[$0].site == visit.site })
            }
        }
    }

    @Test("scenarios/tests/site-resources.yaml: each visit uses its site's rooms and people or those of none, decided by rule 11")
    func siteResources() throws {
        let result = try TestScenarios.plan("site-resources.yaml")
        let north = try result.visit("V-north")
        #expect(north.host == "nora" && north.items?.first?.room == "ANY-1", "a projector and no north room has one: ANY-1")
        let south = try result.visit("V-south")
        #expect(south.host == "sam" && south.items?.last?.guides == ["gus"])
        #expect(try result.reasons("V-far") == ["impossible on its own: meeting: no room at site north for agenda item 0 (meeting) fits 10 people (the largest that is otherwise suitable, N-1, holds 8); S-1 would fit but is at site south, the visit at site north"])
        // The rule decides: without its site V-far takes south's S-1.
        let anywhere = try TestScenarios.plan("site-resources.yaml", [.remove("visits[2].site")])
        #expect(try anywhere.scheduled("V-far").items.first?.room == "S-1")
    }
}
