import Foundation
import Testing
@testable import VisitPlanner

/// The large-neighbourhood search's job pool: results come back as jobs finish, not in the order
/// they started, so a short job never waits for a long one.
@Suite("Job pool")
struct JobPoolTests {
    @Test("a short job started after a long one comes back first; then the long one; then none")
    func resultsComeBackAsJobsFinish() {
        let pool = JobPool<String>()
        // The long job ends only once the short one's result is taken (or after 20 s, when a pool
        // that returns results in their starting order would hand it back first).
        let shortTaken = DispatchSemaphore(value: 0)
        pool.start(7) {
            _ = shortTaken.wait(timeout: .now() + 20)
            return "long"
        }
        pool.start(8) { "short" }
        #expect(pool.running == 2)
        let first = pool.next()
        shortTaken.signal()
        #expect(first?.id == 8)
        #expect(first?.result == "short")
        #expect(pool.running == 1)
        let second = pool.next()
        #expect(second?.id == 7)
        #expect(second?.result == "long")
        #expect(pool.running == 0)
        #expect(pool.next() == nil)
    }
}
