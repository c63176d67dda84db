import MILP

/// Per-slot capacity rows: at every grid slot, the uses of one resource that overlap the slot add
/// up to at most its capacity. Rows are emitted only at slots where some use begins (the busiest
/// moment of overlapping intervals is always such a slot), only when they could bind, and never
/// twice for the same set of uses. In a replan, what it keeps may pass the capacity (see `keptLoad`).
struct SlotRows {
    let slotMinutes: Int

    func add(_ usages: [Usage], capacity: Double, name: String, to model: inout Model) {
        guard usages.reduce(0, { $0 + $1.amount }) > capacity + 1e-9 else { return }
        let sorted = usages.sorted { ($0.start, $0.end, $0.variable) < ($1.start, $1.end, $1.variable) }
        let points = Set(sorted.map { firstSlot($0) }).sorted()
        var active: [Usage] = []
        var next = 0
        var lastEmitted: [Variable] = []
        for point in points {
            while next < sorted.count, firstSlot(sorted[next]) <= point {
                active.append(sorted[next]); next += 1
            }
            active.removeAll { endSlot($0) <= point }
            guard active.reduce(0, { $0 + $1.amount }) > capacity + 1e-9 else { continue }
            let vars = active.map(\.variable)
            if vars == lastEmitted { continue }
            lastEmitted = vars
            let row = LinearExpression(uniqueTerms: active.map { ($0.variable, $0.amount) })
            model.addConstraint(row, .lessOrEqual, max(capacity, keptLoad(active, at: point)), name: "\(name)@\(point * slotMinutes)")
        }
    }

    /// What a replan keeps at the slot: it may already pass the capacity (a running item ran over
    /// into one that started since), and then leaves room for nothing else. Alternatives (same
    /// key) count once. Between two slots where uses begin, uses only end, so the row at the first
    /// holds at the others.
    func keptLoad(_ active: [Usage], at point: Int) -> Double {
        var byKey: [Int: Double] = [:]
        for u in active { if let until = u.keptUntil, until > point * slotMinutes { byKey[u.keptKey] = max(byKey[u.keptKey] ?? 0, u.amount) } }
        return byKey.values.reduce(0, +)
    }

    /// The slot holding the use's first minute.
    func firstSlot(_ u: Usage) -> Int { u.start.floorDiv(slotMinutes) }
    /// One past the slot holding its last minute.
    func endSlot(_ u: Usage) -> Int { (u.end + slotMinutes - 1).floorDiv(slotMinutes) }
}
