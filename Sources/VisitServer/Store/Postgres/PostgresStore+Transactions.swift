import Logging
import PostgresNIO

/// Transactions on one leased connection: `write` in READ COMMITTED (writers lock what they
/// depend on), `read` in a REPEATABLE READ, READ ONLY snapshot, so a read of several tables sees
/// one moment. A `StoreError` thrown inside passes through unchanged, after the rollback.
extension PostgresStore {
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await explained("writing") { try await transaction("BEGIN", body) }
    }

    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await explained("reading") { try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body) }
    }

    private func transaction<T: Sendable>(_ begin: PostgresQuery, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { connection in
            try await connection.query(begin, logger: logger)
            do {
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs `body`, telling PostgreSQL's failures in words (`PostgresStoreError`); the store's
    /// refusals pass through.
    func explained<T>(_ doing: String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as StoreError { throw error } catch {
            throw PostgresStoreError(location: location, doing: doing, error)
        }
    }
}

extension PostgresConnection {
    /// Every row of a query.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// The first row of a query, if any.
    func first(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRow? {
        try await rows(query, logger: logger).first
    }
}

/// A PostgreSQL failure that is not one of the store's refusals, told in words (postgres-nio's
/// own description hides the details so as not to leak data; this keeps the server's message and
/// SQLSTATE, never the query's values).
struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    var location: String
    var doing: String
    var detail: String
    /// The SQLSTATE, when the server answered with an error.
    var sqlState: String?

    init(location: String, doing: String, _ error: any Error) {
        self.location = location; self.doing = doing
        (detail, sqlState) = Self.explain(error)
    }

    var description: String { "PostgreSQL \(location): \(doing) failed: \(detail)" }

    static func explain(_ error: any Error) -> (String, String?) {
        if let error = error as? PostgresStoreError { return (error.detail, error.sqlState) }
        guard let error = error as? PSQLError else { return (String(describing: error), nil) }
        if let info = error.serverInfo {
            let state = info[.sqlState]
            return ("\(info[.message] ?? "error")" + (state.map { " (SQLSTATE \($0))" } ?? ""), state)
        }
        return ("\(error.code)" + (error.underlying.map { ": \($0)" } ?? ""), nil)
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
