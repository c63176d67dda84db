/// Each feed's folded history, per scenario and owner, so that a feed request reads only the plan
/// versions written since that feed was last built (a calendar app polls every few minutes; the
/// history only grows). Bounded: past `capacity` feeds, the least recently used is dropped and
/// rebuilt from the whole history if asked for again.
actor FeedHistoryCache {
    struct Key: Hashable, Sendable {
        var scenarioId: String
        var owner: FeedOwner
    }

    private var entries: [Key: (history: FeedHistory, used: Int)] = [:]
    private var clock = 0
    let capacity: Int

    init(capacity: Int = 2_000) { self.capacity = capacity }

    func history(_ key: Key) -> FeedHistory? {
        clock += 1
        guard var entry = entries[key] else { return nil }
        entry.used = clock
        entries[key] = entry
        return entry.history
    }

    func store(_ history: FeedHistory, for key: Key) {
        clock += 1
        entries[key] = (history, clock)
        if entries.count > capacity, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
    }

    var count: Int { entries.count }
}
