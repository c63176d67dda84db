import Foundation
import Logging

/// Opens the store a location names, migrated and ready.
enum StoreOpening {
    static func open(_ location: StoreLocation, clock: @escaping @Sendable () -> Date = Date.init,
                     logger: Logger = Logger(label: "visitplan")) async throws -> any PlanStore {
        switch location {
        case .sqlite(let path): try SQLiteStore(path: path, clock: clock)
        case .postgres(let url): try await PostgresStore.open(url, clock: clock, logger: logger)
        }
    }
}
