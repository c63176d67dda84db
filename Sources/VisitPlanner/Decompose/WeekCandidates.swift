import VisitDomain

/// Every visit's candidates, generated once (in parallel), and the days they fall on: the raw
/// material of the day models. A visit happens within one day, so each candidate timing belongs
/// to exactly one day; a visit whose window offers several days has timings on each of them.
struct WeekCandidates: Sendable {
    let candidates: [VisitCandidates]
    /// The days (day numbers) on which some visit has a timing, in order.
    let days: [Int]

    init(view: ScenarioView, generator: CandidateGenerator, threads: Int) {
        candidates = parallelMap(view.scenario.visits.count, threads: threads) { generator.candidates(for: $0) }
        days = Set(candidates.flatMap { $0.timings.map(\.day) }).sorted()
    }

    /// The candidates restricted to timings on `day` (and the item options those timings use),
    /// and to the visits in `only` when given (the others without candidates).
    func onDay(_ day: Int, only: ((Int) -> Bool)? = nil) -> [VisitCandidates] {
        candidates.map { c in
            guard only?(c.visitIndex) ?? true else { return VisitCandidates(visitIndex: c.visitIndex, timings: [], options: []) }
            let timings = c.timings.filter { $0.day == day }
            guard !timings.isEmpty else { return VisitCandidates(visitIndex: c.visitIndex, timings: [], options: []) }
            let options = c.options.map { byTiming in byTiming.filter { $0.key.start.floorDiv(1440) == day } }
            return VisitCandidates(visitIndex: c.visitIndex, timings: timings, options: options)
        }
    }

    /// The visits whose timings fall on more than one day.
    var multiDayVisits: [Int] {
        candidates.filter { Set($0.timings.map(\.day)).count > 1 }.map(\.visitIndex)
    }
}

extension VisitTiming {
    /// The day (day number) the visit runs on.
    var day: Int { start.floorDiv(1440) }
}
