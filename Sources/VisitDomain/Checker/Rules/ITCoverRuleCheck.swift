/// Rule 9, IT cover: while a meeting that needs equipment runs, at every slot some staff member
/// with role `it` in the room's building is available and on no duty (one may cover many meetings).
/// Frozen meetings (replanning) are kept as they started and not held to it.
struct ITCoverRuleCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        c.items.flatMap { v, item -> [RuleViolation] in
            // A frozen meeting goes on as it started, whoever of IT was reported out since.
            guard let meeting = item.meeting, !meeting.equipment.isEmpty, !c.isFrozen(v.id, item.index),
                  let room = item.planned.room.flatMap(c.scenario.room) else { return [] }
            let candidates = c.scenario.staff.filter { $0.has(.it) && (room.building == nil || $0.building == room.building) }
            return uncovered(item.interval, by: candidates, c).map { gap in
                RuleViolation(rule: .itCover, visit: v.id, item: item.index, message:
                    "no IT person of building \(room.building ?? "any") is free at \(gap) for the meeting of \(v.id) in room \(room.id)")
            }
        }
    }

    /// The stretches of `interval`, slot by slot, when none of `candidates` is free.
    private func uncovered(_ interval: TimeInterval, by candidates: [StaffMember], _ c: CheckContext) -> [TimeInterval] {
        let slot = max(1, c.scenario.calendar.slotMinutes)
        var gaps: [TimeInterval] = []
        for t in stride(from: interval.start.minutes, to: interval.end.minutes, by: slot) {
            let piece = TimeInterval(startMinute: t, endMinute: min(t + slot, interval.end.minutes))
            let covered = candidates.contains { person in
                c.scenario.isAvailable(person, for: piece) && !c.duties(of: person.id).contains { $0.interval.overlaps(piece) }
            }
            if covered { continue }
            if let last = gaps.last, last.end == piece.start { gaps[gaps.count - 1].end = piece.end } else { gaps.append(piece) }
        }
        return gaps
    }
}
