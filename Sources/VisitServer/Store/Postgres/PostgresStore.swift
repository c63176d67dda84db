import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The store in a PostgreSQL database, shared by any number of server instances (postgres-nio's
/// `PostgresClient` pools the connections). Same records, rules and errors as `SQLiteStore`;
/// history is append-only through triggers (`PostgresSchema`), and the schema is migrated at
/// start-up under an advisory lock, so instances starting together migrate once.
///
/// Concurrency between instances is decided by the database: every write that depends on a
/// scenario's current state first locks the scenario's row (`SELECT … FOR UPDATE`), and the
/// primary keys (scenario, version) refuse a second plan or scenario version with one number.
final class PostgresStore: PlanStore {
    let client: PostgresClient
    let url: PostgresURL
    /// This process's name in `pg_stat_activity.application_name`, kept with the what-if runs it
    /// starts and the plan runs it solves: a what-if run is interrupted, a plan run claimed again,
    /// only when the instance holding it is gone.
    let instance: String
    let clock: @Sendable () -> Date
    let logger: Logger
    private let running: Task<Void, Never>
    /// The changes heard on `channel`, from every instance (this one included).
    let hub = StoreChangeHub()
    private let listening = LockedValue<Task<Void, Never>?>(nil)
    /// The `LISTEN/NOTIFY` channel of store changes.
    static let channel = "visitplan_changes"

    var location: String { url.description }

    /// `started` is finished once the client's `run()` is under way.
    private init(url: PostgresURL, clock: @escaping @Sendable () -> Date, logger: Logger, started: AsyncStream<Void>.Continuation) {
        self.url = url; self.clock = clock; self.logger = logger
        instance = "visitplan-" + UUID().uuidString.lowercased()
        var configuration = PostgresClient.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                         database: url.database, tls: Self.clientTLS(url.tlsMode))
        configuration.options.additionalStartupParameters = [("application_name", instance)]
        // One connection stays open, so other instances see this one alive (see `claimJob`).
        configuration.options.minimumConnections = 1
        configuration.options.maximumConnections = 10
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        running = Task {
            started.finish()
            await client.run()
        }
    }

    /// Connects (failing at once when the server cannot be reached or refuses the login) and
    /// applies pending migrations.
    static func open(_ url: PostgresURL, clock: @escaping @Sendable () -> Date = Date.init,
                     logger: Logger = Logger(label: "visitplan")) async throws -> PostgresStore {
        try await checkConnection(url, logger: logger)
        let (started, signal) = AsyncStream<Void>.makeStream()
        let store = PostgresStore(url: url, clock: clock, logger: logger, started: signal)
        for await _ in started {}   // no query before the client runs
        do {
            try await PostgresSchema.migrate(store)
        } catch {
            await store.shutdown()
            throw PostgresStoreError(location: url.description, doing: "migrating the schema", error)
        }
        await store.listen()
        return store
    }

    func changes() -> AsyncStream<StoreChange> { hub.subscribe() }

    /// Listens on `channel` on a connection of its own, again after a lost connection, until
    /// `shutdown`; returns once listening (changes committed from then on are heard).
    private func listen() async {
        let (ready, signal) = AsyncStream<Void>.makeStream()
        let (client, hub, logger) = (self.client, self.hub, self.logger)
        listening.set(Task {
            var first = true
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.channel) { notifications in
                            if first { first = false; signal.finish() }
                            for try await notification in notifications {
                                if let change = StoreChange(payload: notification.payload) { hub.publish(change) }
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("PostgreSQL: listening for changes failed, again in a second: \(PostgresStoreError.explain(error).0)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            signal.finish()
        })
        for await _ in ready {}
    }

    /// One direct connection first: the pool would keep retrying a server that is not there.
    private static func checkConnection(_ url: PostgresURL, logger: Logger) async throws {
        let configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: url.password,
                                                             database: url.database, tls: try connectionTLS(url.tlsMode))
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            throw PostgresStoreError(location: url.description, doing: "connecting", error)
        }
    }

    func shutdown() async {
        let listener = listening.get()
        listener?.cancel()
        await listener?.value
        hub.finish()
        running.cancel()
        await running.value
    }

    /// Now, as stored.
    func timestamp() -> String { StoreRules.timestamp(clock()) }

    var worker: String { instance }

    /// Nothing to free: a run is claimed again once its holder's sessions are gone or its lease
    /// ran out (`claimJob`), whichever instance asks.
    func releaseUnfinishedRuns() async throws {}

    private static func clientTLS(_ mode: PostgresURL.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private static func connectionTLS(_ mode: PostgresURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}
