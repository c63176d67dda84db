import VisitDomain

/// The week's visits split into groups that share nothing: two visits are in one component when
/// some room (type), route, caterer, hotel or person could serve both, or an IT cover of one
/// building could be asked by both, as their candidates stand. Components never meet in a row of
/// the model except the weekly catering budget's, so each day's model falls apart into one model
/// per component, and the day's bound is the sum of theirs. A company with sites far apart
/// (rule 11) splits into its sites; a single site usually stays one component.
struct ResourceComponents: Sendable {
    /// For each visit, its component (numbered 0, 1, ... in order of the first visit in each).
    let component: [Int]
    /// The number of components.
    let count: Int

    init(scenario: Scenario, generator: CandidateGenerator, candidates: [VisitCandidates]) {
        var find = UnionFind(count: scenario.visits.count)
        var holder: [ResourceKey: Int] = [:]
        let roomTypes = generator.roomTypes
        let itStaff = scenario.staff.indices.filter { scenario.staff[$0].has(.it) }
        for c in candidates where !c.timings.isEmpty {
            let v = c.visitIndex
            for key in Self.keys(of: c, scenario: scenario, eligibility: generator.eligibility, roomTypes: roomTypes, itStaff: itStaff) {
                if let other = holder[key] { find.union(v, other) } else { holder[key] = v }
            }
        }
        var number: [Int: Int] = [:]
        component = scenario.visits.indices.map { v in
            let root = find.root(v)
            if let n = number[root] { return n }
            number[root] = number.count
            return number.count - 1
        }
        count = number.count
    }

    /// The visits of each component, in visit order.
    var members: [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (v, c) in component.enumerated() { result[c].append(v) }
        return result
    }

    /// Everything visit `c` could hold or ask for, over all its candidate timings.
    private static func keys(of c: VisitCandidates, scenario: Scenario, eligibility: Eligibility, roomTypes: RoomTypes,
                             itStaff: [Int]) -> Set<ResourceKey> {
        let visit = scenario.visits[c.visitIndex]
        var keys = Set(eligibility.hosts(for: visit).map(ResourceKey.person))
        for (i, item) in visit.agenda.enumerated() where i < c.options.count {
            let resources = Set(c.options[i].values.joined())
            switch item {
            case .meeting(let m):
                keys.formUnion(resources.map { ResourceKey.room(roomTypes.representative[$0]) })
                if m.technicalCount > 0 { keys.formUnion(eligibility.technicalStaff(for: visit, m).map(ResourceKey.person)) }
                if m.salesCount > 0 { keys.formUnion(eligibility.salesStaff(for: visit).map(ResourceKey.person)) }
                if !m.equipment.isEmpty {
                    // IT cover: the building's cover row, and the IT people who could give it.
                    for building in Set(resources.map { scenario.rooms[$0].building }) {
                        keys.insert(.itCover(building ?? ""))
                        keys.formUnion(itStaff.filter { building == nil || scenario.staff[$0].building == building }.map(ResourceKey.person))
                    }
                }
            case .tour:
                keys.formUnion(resources.map(ResourceKey.route))
                for r in resources { keys.formUnion(eligibility.guides(for: visit, route: r).map(ResourceKey.person)) }
            case .meal:
                keys.formUnion(resources.map(ResourceKey.caterer))
            }
        }
        if visit.stay != nil {
            for day in Set(c.timings.map(\.day)) {
                keys.formUnion(eligibility.hotels(for: visit, day: LocalDate(dayNumber: day)).map(ResourceKey.hotel))
            }
        }
        return keys
    }
}

/// Something two visits may compete for.
private enum ResourceKey: Hashable {
    case room(Int), route(Int), caterer(Int), hotel(Int), person(Int)
    /// The IT cover rows of a building ("" for rooms without one: every IT person).
    case itCover(String)
}

/// Disjoint sets of 0..<count with path halving.
private struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
