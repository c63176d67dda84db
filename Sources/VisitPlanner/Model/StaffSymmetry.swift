import MILP
import VisitDomain

/// Symmetry breaking between interchangeable people. Staff members that no rule and no score term
/// can tell apart (same building, roles, languages, industries, expertise, routes, availability and
/// leave; nobody's preferred host; no IT role) form a pool. Any plan stays valid, with the same
/// score, when two of them swap their whole day, so the model may ask each member of a pool to work
/// at least as many minutes that day as the next: `Σ minutes(pᵢ) − Σ minutes(pᵢ₊₁) ≥ 0`. GLPK then
/// no longer explores the copies of every plan that only swap them.
///
/// The rows are for one model solved whole (the monolithic strategy, and the explanations). The
/// decomposed search leaves them out: its neighbourhoods fix most people's work, and an order on
/// whole days would then block moves a neighbourhood could otherwise make.
///
/// Pools are not aggregated like room types: the daily limits on duty minutes and hosted visits
/// are per person, so a pool's count per slot would not say whether its members can share the
/// work out. A replan never pools (its baseline and events name people), and a day on which a
/// pool's duties cross midnight is left alone (a swap of one day could then meet the next).
struct StaffSymmetry: Sendable {
    let scenario: Scenario

    /// The pools: staff indexes in scenario order, two or more per pool.
    var pools: [[Int]] {
        let preferred = Set(scenario.visits.compactMap(\.preferredHost))
        var byKind: [StaffKind: [Int]] = [:]
        var kinds: [StaffKind] = []
        for (p, person) in scenario.staff.enumerated() where !person.has(.it) && !preferred.contains(person.id) {
            let kind = StaffKind(person)
            if byKind[kind] == nil { kinds.append(kind) }
            byKind[kind, default: []].append(p)
        }
        return kinds.compactMap { byKind[$0]!.count > 1 ? byKind[$0] : nil }
    }

    func apply(to pm: inout PlanningModel) {
        let pools = self.pools
        guard !pools.isEmpty else { return }
        let duties = Dictionary(grouping: pm.duties, by: \.person)
        for pool in pools {
            var byDay: [Int: [Int: [DutyChoice]]] = [:]
            var crossing = Set<Int>()
            for p in pool {
                for duty in duties[p] ?? [] {
                    let day = LocalDateTime(minutes: duty.end - 1).date.dayNumber
                    byDay[day, default: [:]][p, default: []].append(duty)
                    if LocalDateTime(minutes: duty.start).date.dayNumber != day { crossing.insert(day) }
                }
            }
            for day in byDay.keys.sorted() where !crossing.contains(day) {
                let members = byDay[day]!
                for (p, q) in zip(pool, pool.dropFirst()) {
                    // Identical people have the same candidate duties; when they do not, leave them be.
                    guard let mine = members[p], let next = members[q], mine.count == next.count else { continue }
                    var row = LinearExpression()
                    for d in mine { row.add(d.variable, coefficient: Double(d.minutes)) }
                    for d in next { row.add(d.variable, coefficient: -Double(d.minutes)) }
                    pm.milp.addConstraint(row, .greaterOrEqual, 0,
                                          name: "symmetry.staff[\(scenario.staff[p].id),\(scenario.staff[q].id),\(LocalDate(dayNumber: day))]")
                }
            }
        }
    }
}

/// What rules and the score see of a staff member: everything but the id and name.
private struct StaffKind: Hashable {
    var building: String?
    var roles: Set<StaffRole>
    var languages: Set<String>
    var industries: Set<String>
    var expertise: Set<String>
    var routes: Set<String>
    var availability: [VisitDomain.AvailabilityRule]?
    var unavailable: [VisitDomain.TimeInterval]

    init(_ person: StaffMember) {
        building = person.building
        roles = person.roles
        languages = person.languages
        industries = person.industries
        expertise = person.expertise
        routes = person.routes
        availability = person.availability
        unavailable = person.unavailable.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
