import VisitDomain

/// The reason for a visit that only rule 9 keeps out: while its equipped meeting would run, no IT
/// person of the room's building is available and free (on leave, outside their hours, or needed
/// in the visit itself, as host, technical or sales staff).
struct ITCoverReasons: Sendable {
    let scenario: Scenario

    func reason(for visit: Visit, candidates: VisitCandidates) -> UnscheduledReason {
        var buildings = Set<String>()
        for (i, item) in visit.agenda.enumerated() {
            guard case .meeting(let m) = item, !m.equipment.isEmpty else { continue }
            for rooms in candidates.options[i].values { for r in rooms { buildings.insert(scenario.rooms[r].building ?? "-") } }
        }
        let it = scenario.staff.filter { $0.has(.it) && buildings.contains($0.building ?? "-") }.map(\.id)
        let staff = it.isEmpty ? "it has no IT staff" : "its IT staff (\(it.joined(separator: ", "))) are on leave, off duty or needed in the visit itself"
        return UnscheduledReason(kind: .impossible, rule: .itCover, "its meeting with \(equipment(visit)) needs a free IT person in building \(buildings.sorted().joined(separator: " or ")) while it runs, but \(staff) at every time it could take")
    }

    private func equipment(_ visit: Visit) -> String {
        let all = visit.agenda.reduce(into: Set<String>()) { if case .meeting(let m) = $1 { $0.formUnion(m.equipment) } }
        return all.sorted().joined(separator: ", ")
    }
}
