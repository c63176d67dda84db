import Testing
import VisitDomain
@testable import VisitServer

/// A feed folds only the plan versions it has not seen (issue 12, finding 10: the cost of a feed
/// grew with the history). Folding in steps gives the same SEQUENCE numbers as folding at once.
@Suite struct FeedHistoryTests {
    static func event(_ uid: String, _ start: String) -> FeedEvent {
        FeedEvent(uid: uid, start: LocalDateTime(iso: start)!, end: LocalDateTime(iso: start)!.adding(minutes: 60),
                  summary: "Host: V", location: nil, description: "")
    }

    /// Versions 1 to 4: `a` moves in 2 and 4, `b` appears in 3 and stays.
    static let versions: [[FeedEvent]] = [
        [event("a", "2026-12-08T09:00")],
        [event("a", "2026-12-08T10:00")],
        [event("a", "2026-12-08T10:00"), event("b", "2026-12-09T09:00")],
        [event("a", "2026-12-08T11:00"), event("b", "2026-12-09T09:00")],
    ]

    @Test(arguments: [1, 2, 3])
    func foldingInStepsEqualsFoldingAtOnce(_ split: Int) {
        var whole = FeedHistory()
        for (i, entries) in Self.versions.enumerated() { whole.add(entries, version: i + 1, createdAt: "t\(i + 1)") }
        var first = FeedHistory()
        for (i, entries) in Self.versions.enumerated() where i < split { first.add(entries, version: i + 1, createdAt: "t\(i + 1)") }
        var rest = first
        for (i, entries) in Self.versions.enumerated() where i >= split { rest.add(entries, version: i + 1, createdAt: "t\(i + 1)") }
        #expect(rest.current == whole.current)
        #expect(whole.current.map(\.sequence) == [2, 0])
        #expect(whole.current.map(\.changedAt) == ["t4", "t3"])
        #expect(rest.version == 4)
    }

    @Test func theCacheIsBounded() async {
        let cache = FeedHistoryCache(capacity: 2)
        for id in ["a", "b", "c"] { await cache.store(FeedHistory(), for: .init(scenarioId: "s", owner: .person(id))) }
        #expect(await cache.count == 2)
        #expect(await cache.history(.init(scenarioId: "s", owner: .person("a"))) == nil, "the least recently used went first")
    }
}
