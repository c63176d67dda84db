import Foundation
import Logging
import VisitDomain

/// The KPI reports read straight from a store, for `visitplan report` (the server's routes use
/// the same `KPIFactsBuilder`).
public enum KPIReports {
    /// A month beside the month before. `now`: the moment follow-ups are judged at.
    public static func monthly(store location: StoreLocation, month: ReportMonth, now: Date = Date(),
                               logger: Logger = Logger(label: "visitplan")) async throws -> MonthlyReport {
        try await withStore(location, logger: logger) { store in
            let builder = builder(store, now: now)
            return MonthlyReport(current: try await builder.facts(month), previous: try await builder.facts(month.previous))
        }
    }

    /// The quarter of `month` (its three months and the cases to discuss).
    public static func quarterly(store location: StoreLocation, month: ReportMonth, now: Date = Date(),
                                 logger: Logger = Logger(label: "visitplan")) async throws -> QuarterlyReview {
        try await withStore(location, logger: logger) { store in
            let builder = builder(store, now: now)
            let (name, months) = QuarterlyReview.quarter(of: month)
            var facts: [KPIFacts] = []
            for month in months { facts.append(try await builder.facts(month)) }
            return QuarterlyReview(quarter: name, facts: facts)
        }
    }

    static func builder(_ store: any PlanStore, now: Date) -> KPIFactsBuilder {
        KPIFactsBuilder(store: store, now: { LocalDateTime.at(now, timeZone: $0.calendar.timeZone) })
    }

    private static func withStore<T>(_ location: StoreLocation, logger: Logger, _ body: (any PlanStore) async throws -> T) async throws -> T {
        let store = try await StoreOpening.open(location, logger: logger)
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
