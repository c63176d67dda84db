import MILP
import VisitDomain

/// A plan built in milliseconds, without the solver: visits in order of priority (visits under way
/// first, then the hardest to place: fewest timings), each with its timings in order of score
/// (then shortest span, then earliest start), and for each timing, item by item, the best resource
/// (smallest adequate room, cheapest caterer) with the best-matching people, then a host. A
/// `PartialSolution` keeps every row valid, so the result is a feasible solution of the model:
/// the solver's first incumbent and the plan returned when the solver finds nothing better in time.
///
/// The week may be one model or one model per day (`parts`): a visit is then placed on one day
/// only (its timings on all days are tried in one order), and the weekly catering budget is kept
/// across the days through each day's `spentElsewhere` variable.
struct ConstructionHeuristic: Sendable {
    let scenario: Scenario
    let parts: [PlanningModel]
    /// Staff combinations tried per item and resource before the resource is given up.
    var staffSearchLimit = 200

    init(scenario: Scenario, model: PlanningModel) {
        self.init(scenario: scenario, parts: [model])
    }

    init(scenario: Scenario, parts: [PlanningModel]) {
        self.scenario = scenario
        self.parts = parts
        roleCounts = scenario.staff.map(\.roles.count)
    }

    /// Each staff member's number of roles.
    let roleCounts: [Int]
    /// Threads for setting up the parts' partial solutions (one per part at a time).
    var threads = 1

    /// A feasible solution that extends `starts` (one per part; whose visits `placed` are kept as
    /// they are) with as many other visits as fit; nil when it is not feasible (a visit under way
    /// that fits nowhere).
    func complete(_ starts: [PartialSolution]? = nil, placed: Set<Int> = []) -> ConstructedSolution? {
        complete(starts, placed: placed, indexes: parts.map(ChoiceIndex.init))
    }

    /// As `complete(_:placed:)`, with the parts' indexes already built.
    func complete(_ starts: [PartialSolution]?, placed: Set<Int>, indexes: [ChoiceIndex]) -> ConstructedSolution? {
        let parts = self.parts
        var solutions = starts ?? parallelMap(parts.count, threads: threads) { PartialSolution(model: parts[$0].milp) }
        var placed = placed
        var costs = parts.indices.map { parts[$0].cateringCost.value(at: solutions[$0].values) }
        var options: [Int: [(part: Int, choice: TimingChoice)]] = [:]
        for (k, index) in indexes.enumerated() {
            for (v, timings) in index.timings where !placed.contains(v) {
                options[v, default: []] += timings.map { (k, $0) }
            }
        }
        let underway = parts.first?.baseline.underway ?? []
        let order = options.keys.sorted { a, b in
            let ua = underway.contains(a), ub = underway.contains(b)
            if ua != ub { return ua }
            let pa = scenario.visits[a].priority, pb = scenario.visits[b].priority
            if pa != pb { return pa > pb }
            let ta = options[a]!.count, tb = options[b]!.count
            return ta != tb ? ta < tb : a < b
        }
        for v in order {
            let timings = options[v]!.sorted { a, b in
                let va = value(a.choice.variable, in: a.part), vb = value(b.choice.variable, in: b.part)
                if va != vb { return va > vb }
                let la = a.choice.timing.end - a.choice.timing.start, lb = b.choice.timing.end - b.choice.timing.start
                if la != lb { return la < lb }
                return (a.choice.timing.start, a.part, a.choice.variable) < (b.choice.timing.start, b.part, b.choice.variable)
            }
            var assemblers: [Int: VisitAssembler] = [:]
            for (k, choice) in timings {
                if assemblers[k] == nil {
                    if let elsewhere = parts[k].spentElsewhere {
                        solutions[k].tryAssign([(elsewhere, costs.indices.reduce(0) { $0 + ($1 == k ? 0 : costs[$1]) })])
                    }
                    assemblers[k] = VisitAssembler(heuristic: self, model: parts[k], index: indexes[k])
                }
                if assemblers[k]!.place(choice, in: &solutions[k]) {
                    placed.insert(v)
                    solutions[k].commit()
                    costs[k] = parts[k].cateringCost.value(at: solutions[k].values)
                    break
                }
            }
        }
        // The final spend of the other days, so that each part's budget row reads the week's total.
        for k in parts.indices {
            guard let elsewhere = parts[k].spentElsewhere else { continue }
            solutions[k].tryAssign([(elsewhere, costs.indices.reduce(0) { $0 + ($1 == k ? 0 : costs[$1]) })])
        }
        guard solutions.allSatisfy(\.isFeasible) else { return nil }
        return ConstructedSolution(parts: solutions, placed: placed)
    }

    /// The objective coefficient of `x` in part `k` (the score a choice adds).
    func value(_ x: Variable, in k: Int) -> Double { parts[k].objective.coefficient(of: x) }
}

/// The heuristic's result: one solution per part and the visits they schedule.
struct ConstructedSolution: Sendable {
    var parts: [PartialSolution]
    var placed: Set<Int>
    /// The solver values of the first (for a whole-week model, the only) part.
    var values: [Double] { parts[0].values }
}

/// The model's choices looked up the way the heuristic walks them: timings by visit, resources by
/// item and item timing, people by item, start and role, hosts by visit span, IT cover by meeting.
struct ChoiceIndex: Sendable {
    var timings: [Int: [TimingChoice]] = [:]
    var resources: [ItemRef: [ItemTiming: [ResourceChoice]]] = [:]
    var staff: [SeatKey: [DutyChoice]] = [:]
    var hosts: [HostKey: [DutyChoice]] = [:]
    var covers: [Variable: [Variable]] = [:]
    /// Hotel bookings by visit and day (rule 10).
    var bookings: [BookingKey: [BookingChoice]] = [:]
    /// Every variable of each visit (timings, resources, duties, bookings; not the shared IT cover).
    var variables: [Int: [Variable]] = [:]

    init(_ model: PlanningModel) {
        timings = Dictionary(grouping: model.timings, by: \.visit)
        for choice in model.timings { variables[choice.visit, default: []].append(choice.variable) }
        for choice in model.rooms + model.routes + model.caterers { variables[choice.item.visit, default: []].append(choice.variable) }
        for duty in model.duties { variables[duty.visit, default: []].append(duty.variable) }
        for booking in model.bookings {
            variables[booking.visit, default: []].append(booking.variable)
            bookings[BookingKey(visit: booking.visit, day: booking.day), default: []].append(booking)
        }
        for choice in model.rooms + model.routes + model.caterers {
            resources[choice.item, default: [:]][choice.timing, default: []].append(choice)
        }
        for duty in model.duties {
            if let i = duty.item {
                staff[SeatKey(item: ItemRef(visit: duty.visit, item: i), start: duty.start, role: duty.role), default: []].append(duty)
            } else {
                hosts[HostKey(visit: duty.visit, start: duty.start, end: duty.end), default: []].append(duty)
            }
        }
        for link in model.coverLinks {
            for meeting in link.meetings { covers[meeting, default: []].append(link.cover) }
        }
        // Grown by appending, the lists kept up to twice their room: a 400-visit week's index
        // holds a million choices, kept for the whole search.
        staff = staff.mapValues { $0.withExactCapacity() }
        hosts = hosts.mapValues { $0.withExactCapacity() }
        variables = variables.mapValues { $0.withExactCapacity() }
        resources = resources.mapValues { $0.mapValues { $0.withExactCapacity() } }
    }
}

/// Names the hotel bookings of one visit held on one day (a day number).
struct BookingKey: Hashable, Sendable {
    var visit: Int
    var day: Int
}

/// Names the host duties of one visit over one busy span (from the early arrival to the end).
struct HostKey: Hashable, Sendable {
    var visit: Int
    var start: Int
    var end: Int
}

/// Places one visit in one part's solution, one candidate timing at a time: a timing is kept when
/// every resource, person and host it needs fits with all rows holding. While a timing is tried,
/// `solution` is the part's solution, borrowed.
private struct VisitAssembler {
    let heuristic: ConstructionHeuristic
    let model: PlanningModel
    let index: ChoiceIndex
    private var solution: PartialSolution
    /// Item timings (and host spans) that already failed for this visit: the solution only fills
    /// up while the visit is tried, so they would fail again.
    private var failedItems: Set<FailedItem> = []
    private var failedSpans: Set<Span> = []
    private var searchBudget = 0

    private struct FailedItem: Hashable {
        var item: Int
        var timing: ItemTiming
    }

    init(heuristic: ConstructionHeuristic, model: PlanningModel, index: ChoiceIndex) {
        self.heuristic = heuristic
        self.model = model
        self.index = index
        self.solution = PartialSolution.empty
    }

    var scenario: Scenario { heuristic.scenario }
    var early: Int { scenario.policies.hostArrivesEarlyMinutes }

    func value(_ x: Variable) -> Double { model.objective.coefficient(of: x) }

    /// Tries to place the visit with `choice` in `part`; on failure `part` is unchanged.
    mutating func place(_ choice: TimingChoice, in part: inout PartialSolution) -> Bool {
        swap(&solution, &part)
        defer { swap(&solution, &part) }
        return place(choice)
    }

    private mutating func place(_ choice: TimingChoice) -> Bool {
        let v = choice.visit
        let timing = choice.timing
        let span = Span(start: timing.start, end: timing.end)
        if failedSpans.contains(span) { return false }
        if timing.items.enumerated().contains(where: { failedItems.contains(FailedItem(item: $0.offset, timing: $0.element)) }) {
            return false
        }
        let checkpoint = solution.checkpoint
        guard solution.tryAssign([(choice.variable, 1)], checking: .upperLimits) else { return false }
        var complete = true
        for (i, item) in timing.items.enumerated() where !placeItem(ItemRef(visit: v, item: i), item) {
            failedItems.insert(FailedItem(item: i, timing: item))
            complete = false
            break
        }
        if complete, !placeHost(v, span) {
            failedSpans.insert(span)
            complete = false
        }
        if complete, !placeBooking(v, day: timing.day) { complete = false }
        if complete, solution.touchedRowsHold(since: checkpoint) { return true }
        solution.undo(to: checkpoint)
        return false
    }

    /// One resource for the item at `timing` and the people it needs.
    private mutating func placeItem(_ ref: ItemRef, _ timing: ItemTiming) -> Bool {
        let options = (index.resources[ref]?[timing] ?? []).sorted { resourceOrder($0) < resourceOrder($1) }
        for option in options {
            let checkpoint = solution.checkpoint
            let group = [(option.variable, 1.0)] + (index.covers[option.variable] ?? []).map { ($0, 1.0) }
            guard solution.tryAssign(group, checking: .upperLimits) else { continue }
            if placeStaff(option) { return true }
            solution.undo(to: checkpoint)
        }
        return false
    }

    /// Preference among resources: score first, then the smallest adequate room (fewest extras),
    /// then the order of the scenario.
    private func resourceOrder(_ choice: ResourceChoice) -> ResourceRank {
        var rank = ResourceRank(value: -value(choice.variable), size: 0, extras: 0, resource: choice.resource)
        if case .meeting = scenario.visits[choice.item.visit].agenda[choice.item.item] {
            let room = scenario.rooms[choice.resource]
            rank.size = room.capacity
            rank.extras = room.equipment.count + (room.secure ? 1 : 0)
        }
        return rank
    }

    /// The technical and sales staff of a meeting, or the guides of a tour on the chosen route.
    private mutating func placeStaff(_ option: ResourceChoice) -> Bool {
        let roles: [DutyRole]
        switch scenario.visits[option.item.visit].agenda[option.item.item] {
        case .meeting: roles = [.technical, .sales]
        case .tour: roles = [.guide(route: option.resource)]
        case .meal: return true
        }
        let checkpoint = solution.checkpoint
        for role in roles {
            let key = SeatKey(item: option.item, start: option.timing.start, role: role)
            guard let seats = model.seats[key], seats.count > 0 else { continue }
            let topics = Set(seats.topics)
            let candidates = (index.staff[key] ?? []).map { (staffOrder($0, topics), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            searchBudget = heuristic.staffSearchLimit
            if !choose(seats.count, from: candidates[...], covering: topics) {
                solution.undo(to: checkpoint)
                return false
            }
        }
        return true
    }

    /// Depth-first: `count` people from `candidates` (in preference order) who together cover
    /// `topics`, each fitting the solution; gives up after `searchBudget` tries.
    private mutating func choose(_ count: Int, from candidates: ArraySlice<DutyChoice>, covering topics: Set<String>) -> Bool {
        if count == 0 { return topics.isEmpty }
        for (offset, duty) in zip(candidates.indices, candidates) {
            guard searchBudget > 0, candidates.endIndex - offset >= count else { return false }
            let expertise = scenario.staff[duty.person].expertise
            let left = topics.subtracting(expertise)
            // The last seat must close the coverage.
            if count == 1, !left.isEmpty { continue }
            searchBudget -= 1
            let checkpoint = solution.checkpoint
            guard solution.tryAssign([(duty.variable, 1)], checking: .upperLimits) else { continue }
            if choose(count - 1, from: candidates[(offset + 1)...], covering: left) { return true }
            solution.undo(to: checkpoint)
        }
        return false
    }

    /// Preference among people: those who know the most of the topics, then the best score, then
    /// those with the fewest other roles (keeping people who could host free).
    private func staffOrder(_ duty: DutyChoice, _ topics: Set<String>) -> StaffRank {
        StaffRank(topics: topics.isEmpty ? 0 : -scenario.staff[duty.person].expertise.intersection(topics).count,
                  value: -value(duty.variable), roles: heuristic.roleCounts[duty.person], person: duty.person)
    }

    /// A hotel for the visit's stay, if it has one: the cheapest that still has the rooms.
    private mutating func placeBooking(_ v: Int, day: Int) -> Bool {
        guard let stay = scenario.visits[v].stay else { return true }
        func price(_ choice: BookingChoice) -> Double { scenario.hotels[choice.hotel].roomType(stay.roomType)?.pricePerNight ?? 0 }
        let choices = (index.bookings[BookingKey(visit: v, day: day)] ?? []).sorted { (price($0), $0.hotel) < (price($1), $1.hotel) }
        for choice in choices where solution.tryAssign([(choice.variable, 1)], checking: .upperLimits) { return true }
        return false
    }

    /// A host for the whole visit.
    private mutating func placeHost(_ v: Int, _ span: Span) -> Bool {
        let duties = (index.hosts[HostKey(visit: v, start: span.start - early, end: span.end)] ?? [])
            .map { (staffOrder($0, []), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        for duty in duties where solution.tryAssign([(duty.variable, 1)], checking: .upperLimits) { return true }
        return false
    }
}

private struct ResourceRank: Comparable {
    var value: Double
    var size: Int
    var extras: Int
    var resource: Int

    static func < (a: ResourceRank, b: ResourceRank) -> Bool {
        (a.value, a.size, a.extras, a.resource) < (b.value, b.size, b.extras, b.resource)
    }
}

private struct StaffRank: Comparable {
    var topics: Int
    var value: Double
    var roles: Int
    var person: Int

    static func < (a: StaffRank, b: StaffRank) -> Bool {
        (a.topics, a.value, a.roles, a.person) < (b.topics, b.value, b.roles, b.person)
    }
}

extension PartialSolution {
    /// A solution of the empty model (a placeholder while a part's solution is borrowed).
    static let empty = PartialSolution(model: Model())
}
