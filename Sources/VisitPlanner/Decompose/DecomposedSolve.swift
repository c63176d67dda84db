import Foundation
import MILP
import VisitDomain

/// The week solved day by day. A visit happens within one day, so the week falls apart into one
/// model per day, except for what ties the days together: the day of each visit whose window
/// offers several days, and the weekly catering budget.
///
/// 1. The day models are built in parallel threads.
/// 2. The construction heuristic places the visits across all days (deciding the day of each
///    multi-day visit, keeping to the budget): the first plan.
/// 3. For a week small enough, the whole week's LP relaxation (`WholeWeekBound`), with the
///    priority it schedules capped at the most any plan can (a whole number): its optimum bounds
///    the week, and its dual values are the first Lagrangian prices (the cap's as well).
/// 4. Lagrangian rounds (while the days are small enough for GLPK to prove bounds): every day is
///    solved in parallel, one GLPK problem per thread, with prices on multi-day visits and on
///    catering; the sum of the day bounds plus the prices bounds the week; the day solutions,
///    repaired into a valid week, are candidate plans; subgradient steps update the prices.
/// 5. Large-neighbourhood search: one day (or, for a large day, a group of visits close in time,
///    every third pass in the same building) at a time is re-optimised with everything else
///    fixed, a neighbourhood starting whenever a thread frees up on a day no running one touches,
///    from the plan as it then is, with its share of the unspent budget, until the time limit, a
///    proven gap, or no neighbourhood improves any more. Groups around each visit left out come
///    first (twice as large once GLPK proved the smaller cannot help). When a pass finds nothing
///    or gains less than 0.01 %, two-day neighbourhoods (`DayPairs`) move multi-day visits
///    between days with both days re-optimised in one problem, those that make room for a visit
///    left out by moving one of its rivals first (a pair stopped at its time limit with a bound
///    promising more is retried next with twice the time); when they find nothing either, the
///    groups grow by half (or, when more than a quarter of the neighbourhoods were not proven,
///    their time doubles). A day that GLPK could neither prove nor improve whole is not solved
///    whole again until the time per neighbourhood grows.
/// 6. When both phases have stopped with time left, the rounds start again from the LP's prices
///    or, without them, the incumbent's (a few times): only their repaired solutions move two multi-day visits at once.
struct DecomposedSolve: Sendable {
    let view: ScenarioView
    let generator: CandidateGenerator
    let week: WeekCandidates
    let options: PlannerOptions
    let deadline: ContinuousClock.Instant?
    let reporter: ProgressReporter
    /// Days with at most this many variables are solved whole (Lagrangian rounds, whole-day
    /// neighbourhoods); larger days are searched in groups of visits.
    var exactDayVariables = 40_000
    /// Visits per neighbourhood when a day is searched in groups (it grows when a pass finds nothing).
    var neighbourhoodVisits = 12

    func run() -> SolvedWeek {
        let scenario = view.scenario
        trace("decomposed: candidates at \(reporter.elapsed)")
        let days = DayModels.build(view: view, generator: generator, week: week, threads: options.threads)
        let parts = days.parts
        trace("decomposed: day models at \(reporter.elapsed): \(days.parts.map(\.milp.variableCount).reduce(0, +)) variables, \(days.parts.map(\.milp.constraintCount).reduce(0, +)) rows, \(days.parts.map(\.milp.coefficientCount).reduce(0, +)) coefficients, \(days.parts.map(\.objective.terms.count).reduce(0, +)) objective terms, \(days.parts.map { $0.itemRuns.values.reduce(0) { $0 + $1.count } }.reduce(0, +)) item runs, \(days.parts.map { $0.rooms.count + $0.routes.count + $0.caterers.count + $0.duties.count }.reduce(0, +)) choices")
        var search = WeekSearch(days: days, options: options, deadline: deadline, reporter: reporter,
                                visitsPerNeighbourhood: neighbourhoodVisits)
        var heuristic = ConstructionHeuristic(scenario: scenario, parts: parts)
        heuristic.threads = options.threads
        search.start(heuristic.complete(nil, placed: [], indexes: days.indexes))
        // The heuristic's partial solutions (a copy of every day's matrix by column) are gone.
        MemoryRelease.now()
        trace("decomposed: first plan at \(reporter.elapsed)")
        // A week small enough gets the whole week's LP bound too: two LPs, within a third of the
        // time and 12 s at most (the doubled demo's take 6.6 to 7.4 s; a limit only costs time
        // when they are slower, and then the bound would otherwise be lost).
        if parts.reduce(0, { $0 + $1.milp.variableCount }) <= WholeWeekBound.maxVariables {
            let limit = min(12, (deadline.map { ($0 - ContinuousClock.now).seconds } ?? 36) / 3)
            if let relaxation = WholeWeekBound(view: view, generator: generator)
                .relaxation(multiDay: days.multiDay, timeLimit: limit, search: options.search) {
                search.tighten(relaxation.bound)
                search.startPricing(from: relaxation.prices, mostPriority: relaxation.mostPriority)
            }
            trace("decomposed: whole-week LP bound at \(reporter.elapsed): bound \(search.bound)")
        }
        // Lagrangian rounds and neighbourhood passes take turns while either can still help.
        var pricing = parts.allSatisfy { $0.milp.variableCount <= exactDayVariables }
        var searching = true
        let priceable = pricing
        while pricing || searching {
            if pricing { pricing = search.lagrangianRound() }
            if searching { searching = search.neighbourhoodPasses(exactDayVariables: exactDayVariables) }
            if search.isProven { break }
            // Both stopped with time left: price again from the incumbent (see `restartPricing`).
            if !pricing, !searching, priceable, search.restartPricing() { pricing = true }
        }
        trace("decomposed: objective \(search.objective) bound \(search.bound) at \(reporter.elapsed)")
        let termination: TerminationStatus = search.isProven ? (search.gap <= 0 ? .optimal : .gapReached)
            : search.timeIsUp ? .timeLimit : .searchExhausted
        return SolvedWeek(scheduled: days.read(search.incumbent, view: view), status: search.isProven ? .optimal : .feasible,
                          termination: termination, bound: search.bound, modelObjective: search.objective, candidates: week.candidates,
                          statistics: ModelStatistics(visits: scenario.visits.count, timings: parts.reduce(0) { $0 + $1.timings.count },
                                                      variables: parts.reduce(0) { $0 + $1.milp.variableCount },
                                                      rows: parts.reduce(0) { $0 + $1.milp.constraintCount }))
    }
}
