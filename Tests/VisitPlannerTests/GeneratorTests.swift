import Testing
@testable import ScenarioGenerator
import VisitDomain
import VisitPlanner

/// The benchmark ladder's scenario generator: reproducible, realistic, and written as YAML that
/// loads back to the same scenario.
@Suite("Scenario generator")
struct GeneratorTests {
    @Test("the generator is SplitMix64 (reference outputs for seed 1234567), so weeks are the same everywhere")
    func splitMix64ReferenceOutputs() {
        var random = SeededRandom(seed: 1_234_567)
        let outputs = (0..<5).map { _ in random.next() }
        #expect(outputs == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
                            4_593_380_528_125_082_431, 16_408_922_859_458_223_821])
    }

    @Test("the same size, seed and mode give the same week")
    func sameSeedSameWeek() throws {
        for tight in [false, true] {
            let first = ScenarioGenerator(visits: 25, seed: 42, tight: tight)
            let second = ScenarioGenerator(visits: 25, seed: 42, tight: tight)
            #expect(first.scenario() == second.scenario())
            #expect(try first.yaml() == second.yaml())
        }
    }

    @Test("different seeds give different visits")
    func differentSeedsDiffer() {
        let one = ScenarioGenerator(visits: 25, seed: 1).scenario()
        let two = ScenarioGenerator(visits: 25, seed: 2).scenario()
        #expect(one.visits != two.visits)
        #expect(one.visits.map(\.window) != two.visits.map(\.window))
    }

    @Test("a generated week is written as YAML that loads and validates back to the same scenario",
          arguments: [10, 25, 50], [false, true])
    func yamlRoundTrip(visits: Int, tight: Bool) throws {
        let generator = ScenarioGenerator(visits: visits, seed: 3, tight: tight)
        let scenario = generator.scenario()
        let loaded = try ScenarioLoader.parse(try generator.yaml(), format: .yaml, file: generator.name + ".yaml")
        #expect(loaded == scenario)
        #expect(loaded.visits.count == visits)
        #expect(loaded.name == generator.name)
    }

    @Test("the week is the reference week: Monday 2026-12-07 to Friday, planned the Friday before, two buildings")
    func weekAndBuildings() {
        let scenario = ScenarioGenerator(visits: 50, seed: 9).scenario()
        #expect(scenario.horizon.start.description == "2026-12-07")
        #expect(scenario.horizon.start.weekday == .mon)
        #expect(scenario.workingDatesInHorizon.count == 5)
        #expect(scenario.now.description == "2026-12-04T17:00")
        #expect(Set(scenario.rooms.compactMap(\.building)) == ["A", "B"])
        #expect(scenario.policies.maxVisitsPerHostPerDay == 2)
        #expect(scenario.policies.maxDutyMinutesPerStaffPerDay == 480)
        #expect(scenario.policies.hostArrivesEarlyMinutes == 10 && scenario.policies.roomTurnoverMinutes == 15)
        #expect(scenario.visits.allSatisfy { $0.window.start > scenario.now && $0.requestedAt <= scenario.now })
    }

    @Test("a large week mixes the four kinds of visit, languages, tiers, wishes and multi-day windows")
    func realisticMix() {
        let visits = ScenarioGenerator(visits: 200, seed: 11).scenario().visits
        func share(_ predicate: (Visit) -> Bool) -> Double { Double(visits.filter(predicate).count) / Double(visits.count) }
        let meetings = visits.map { v in v.agenda.compactMap { if case .meeting(let m) = $0 { m } else { nil } } }
        #expect(Set(visits.compactMap(\.language)) == ["zh", "en", "ja", "de"])
        #expect(Set(visits.map(\.priority)) == [1, 2, 3, 4, 5])
        #expect(Set(visits.compactMap(\.client.tier)) == ["standard", "vip"])
        #expect((0.08...0.25).contains(share { $0.window.start.date != $0.window.end.date }))
        #expect(share { $0.preferredStart != nil } > 0.6)
        #expect(share { $0.preferredHost != nil } > 0.1)
        #expect(share { !$0.dietary.isEmpty } > 0.2)
        // Technical exchanges: confidential, with technical staff, under NDA.
        #expect(zip(visits, meetings).contains { v, ms in ms.contains { $0.confidential && $0.technicalCount > 0 } && v.ndaSigned })
        #expect(zip(visits, meetings).allSatisfy { v, ms in !ms.contains(where: \.confidential) || v.ndaSigned })
        #expect(visits.contains { $0.agenda.contains { if case .tour = $0 { true } else { false } } })
        #expect(visits.contains { $0.agenda.contains { if case .meal(let m) = $0 { m.service == "banquet" } else { false } } })
        #expect(visits.contains { $0.agenda.contains { if case .meal(let m) = $0 { m.service == "workingMeal" } else { false } } })
    }

    @Test("a normal week has a host for every language and a guide for every language that tours")
    func staffForEveryLanguage() {
        let scenario = ScenarioGenerator(visits: 100, seed: 4).scenario()
        for visit in scenario.visits {
            let language = visit.language ?? "zh"
            #expect(scenario.staff.contains { $0.has(.host) && $0.languages.contains(language) }, "no host speaks \(language)")
            for case .tour(let tour) in visit.agenda {
                #expect(scenario.staff.contains { p in p.has(.guide) && p.languages.contains(language) && !p.routes.isDisjoint(with: tour.routes) },
                        "no guide for \(visit.id)")
            }
        }
    }

    @Test("tight mode keeps the visits (preferred hosts drawn among its own hosts) and cuts rooms, staff, caterer seats and the budget")
    func tightModeCutsResources() {
        let normal = ScenarioGenerator(visits: 100, seed: 6).scenario()
        let tight = ScenarioGenerator(visits: 100, seed: 6, tight: true).scenario()
        func withoutHost(_ visit: Visit) -> Visit {
            var copy = visit
            copy.preferredHost = nil
            return copy
        }
        #expect(normal.visits.map(withoutHost) == tight.visits.map(withoutHost))
        #expect(tight.visits.compactMap(\.preferredHost).allSatisfy { tight.staffMember($0)?.has(.host) == true })
        #expect(tight.rooms.count < normal.rooms.count)
        #expect(tight.staff.count < normal.staff.count)
        #expect((tight.policies.weeklyHospitalityBudget ?? 0) < (normal.policies.weeklyHospitalityBudget ?? 0))
        #expect((tight.caterer("canteen")?.capacity ?? 0) < (normal.caterer("canteen")?.capacity ?? 0))
    }

    @Test("resources grow with demand")
    func resourcesScale() {
        let small = ScenarioGenerator(visits: 25, seed: 8).scenario()
        let large = ScenarioGenerator(visits: 200, seed: 8).scenario()
        #expect(large.rooms.count > 2 * small.rooms.count)
        #expect(large.staff.filter { $0.has(.host) }.count > 3 * small.staff.filter { $0.has(.host) }.count)
        #expect((large.policies.weeklyHospitalityBudget ?? 0) > 4 * (small.policies.weeklyHospitalityBudget ?? 0))
    }

    @Test("a small generated week plans, and its plan passes the checker with nearly every visit placed")
    func smallWeekPlans() throws {
        let scenario = ScenarioGenerator(visits: 10, seed: 1).scenario()
        let outcome = try Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 60))
        let report = PlanChecker(scenario: scenario).check(outcome.plan)
        #expect(report.isValid, "\(report.violations)")
        #expect(outcome.plan.totals.scheduled >= 8)
        #expect(abs(report.score - outcome.plan.score) < 1e-6)
    }

    /// FNV-1a (64 bits) of the YAML text.
    private static func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test("five days (the default) give byte for byte the weeks they gave before days existed",
          arguments: [(10, 1, false, 0xde4a_4929_f1aa_4c4e as UInt64), (25, 3, true, 0xc77c_4661_2c84_64db),
                      (60, 7, false, 0xdc4f_0c86_e533_f808), (100, 2, true, 0x70b3_0695_7ed8_1e40)])
    func fiveDaysUnchanged(visits: Int, seed: UInt64, tight: Bool, expected: UInt64) throws {
        let week = ScenarioGenerator(visits: visits, seed: seed, tight: tight)
        #expect(week == ScenarioGenerator(visits: visits, seed: seed, tight: tight, days: 5))
        #expect(Self.fingerprint(try week.yaml()) == expected)
    }

    @Test("a week of fewer days keeps its horizon, windows, leave and room closures in those days, and loads back",
          arguments: 1...4, [false, true])
    func fewerDays(days: Int, tight: Bool) throws {
        let generator = ScenarioGenerator(visits: 30, seed: 5, tight: tight, days: days)
        let scenario = generator.scenario()
        #expect(generator.name == "generated-30v-s5\(tight ? "-tight" : "")-\(days)d")
        #expect(scenario.workingDatesInHorizon.count == days)
        #expect(scenario.horizon.start.description == "2026-12-07")
        let end = LocalDateTime(date: scenario.horizon.end.adding(days: 1), minuteOfDay: 0)
        #expect(scenario.visits.count == 30)
        #expect(scenario.visits.allSatisfy { $0.window.start > scenario.now && $0.window.end <= end })
        #expect(scenario.staff.flatMap(\.unavailable).allSatisfy { $0.end <= end })
        #expect(scenario.rooms.flatMap(\.unavailable).allSatisfy { $0.end <= end })
        let loaded = try ScenarioLoader.parse(try generator.yaml(), format: .yaml, file: generator.name + ".yaml")
        #expect(loaded == scenario)
    }

    @Test("the same visits over fewer days get more resources a day")
    func fewerDaysMoreResources() {
        let week = ScenarioGenerator(visits: 40, seed: 2).scenario()
        let day = ScenarioGenerator(visits: 40, seed: 2, days: 1).scenario()
        #expect(day.rooms.count > week.rooms.count)
        #expect(day.staff.filter { $0.has(.host) }.count > 2 * week.staff.filter { $0.has(.host) }.count)
    }
}
