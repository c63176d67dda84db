import MILP
import VisitDomain

/// The replanning terms of the score (FORMAT.md "Objective"), measured against the baseline plan
/// item by item (same visit, same agenda index): each moved item, each changed room, route or
/// caterer, each person added to or taken off an item or as host, and each dropped visit.
/// Terms count only for visits scheduled in both plans, as the checker's `ScoreCalculator` does.
struct BaselineTerms: Sendable {
    let scenario: Scenario

    func apply(to pm: inout PlanningModel) {
        let w = scenario.objective
        let baseline = pm.baseline
        // Per visit: Σ timing variables (1 when scheduled).
        var scheduled: [Int: LinearExpression] = [:]
        for choice in pm.timings where baseline.scheduled.contains(choice.visit) {
            scheduled[choice.visit, default: LinearExpression()].add(choice.variable)
            // Moved items.
            var moved = 0
            for (k, t) in choice.timing.items.enumerated() {
                if let kept = baseline.items[ItemRef(visit: choice.visit, item: k)], kept.start != t.start { moved += 1 }
            }
            pm.objective.add(choice.variable, coefficient: w.movedItem * Double(moved))
        }
        // Dropped visits: −droppedVisit unless scheduled again.
        for v in baseline.scheduled.sorted() {
            pm.objective.constant += w.droppedVisit
            if let x = scheduled[v] { pm.objective.add(x, multiplier: -w.droppedVisit) }
        }
        // Changed resources.
        for choice in pm.rooms + pm.routes + pm.caterers {
            guard let kept = baseline.items[choice.item], kept.resource != choice.resource else { continue }
            pm.objective.add(choice.variable, coefficient: w.changedResource)
        }
        // People added (a variable for someone not in the baseline list) and taken off
        // (baseline people × scheduled − those kept).
        for duty in pm.duties {
            let kept: [Int]?
            if let i = duty.item {
                let item = baseline.items[ItemRef(visit: duty.visit, item: i)]
                switch duty.role {
                case .technical: kept = item?.technical
                case .sales: kept = item?.sales
                case .guide: kept = item?.guides
                case .host: kept = nil
                }
            } else {
                kept = baseline.hosts[duty.visit].map { [$0] }
            }
            guard let kept else { continue }
            // Added when not in the list; a kept person offsets the "taken off" count below.
            pm.objective.add(duty.variable, coefficient: kept.contains(duty.person) ? -w.changedPerson : w.changedPerson)
        }
        for v in baseline.scheduled.sorted() {
            guard let x = scheduled[v] else { continue }
            var listed = baseline.hosts[v] == nil ? 0 : 1
            for (ref, item) in baseline.items where ref.visit == v && pm.itemRuns[ref] != nil {
                listed += item.technical.count + item.sales.count + item.guides.count
            }
            pm.objective.add(x, multiplier: w.changedPerson * Double(listed))
        }
    }
}
