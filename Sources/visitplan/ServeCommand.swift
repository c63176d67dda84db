import ArgumentParser
import Foundation
import VisitServer

/// `visitplan serve`: the shared calendar: HTTP API, web page and iCalendar feeds over one store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the visit calendar server: JSON API, web page and calendar feeds over an SQLite or PostgreSQL store.",
        discussion: """
            The store: --db, else VISITPLAN_DB, else visitplan.sqlite. A file (or sqlite:FILE) is an SQLite \
            database, created when missing; postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE is a PostgreSQL \
            database that several instances may share (its schema is migrated at start-up).
            A new store is loaded with the demo week, which is planned in the background.
            Tokens: --tokens FILE, else VISITPLAN_TOKENS_FILE, else VISITPLAN_TOKENS \
            ("coordinator=TOKEN,host:li.wei=TOKEN,planner=TOKEN"), else, with SQLite, a token file created next \
            to the database on the first start (DB.tokens.yaml).
            """)

    @Option(name: .long, help: "The store: an SQLite file, sqlite:FILE or postgres://USER@HOST:PORT/DATABASE (default: VISITPLAN_DB, else visitplan.sqlite).")
    var db: String?

    @Option(name: .long, help: "Address to listen on (the loopback interface by default).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8080

    @Option(name: .long, help: "Token file (YAML or JSON: tokens: [{token, role, name, person}]).")
    var tokens: String?

    @Flag(name: .long, help: "Start a new database empty instead of with the demo week.")
    var noDemo = false

    @Option(name: .long, help: "Serve the web page from this folder instead of the bundled one.")
    var `public`: String?

    @Option(name: .long, help: "Solves this instance runs at once (plan runs, replans, what-ifs); plan and what-if runs beyond wait for any instance sharing the store. 0: claim no plan or what-if runs (change reports are still answered here, one at a time).")
    var solverThreads: Int = 2

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (0...64).contains(solverThreads) else { throw ValidationError("--solver-threads must be from 0 to 64") }
        _ = try store()
    }

    /// The store named by --db, else VISITPLAN_DB, else visitplan.sqlite.
    func store() throws -> StoreLocation {
        let text = db ?? ProcessInfo.processInfo.environment["VISITPLAN_DB"] ?? "visitplan.sqlite"
        do { return try StoreLocation(parsing: text) } catch {
            throw ValidationError((db == nil ? "VISITPLAN_DB: " : "--db: ") + error.description)
        }
    }

    func run() async throws {
        let seed: SeedScenario = noDemo ? .none : .demoWeek
        let database = try store()
        let registry: TokenRegistry
        var signInURL: String?
        do {
            let environment = ProcessInfo.processInfo.environment
            if let file = tokens ?? environment["VISITPLAN_TOKENS_FILE"] {
                registry = try TokenSources.load(file: file)
            } else if let text = environment["VISITPLAN_TOKENS"] {
                registry = try TokenSources.parse(environment: text)
            } else {
                guard case .sqlite(let path) = database else {
                    printError("visitplan serve: with a PostgreSQL store, give the tokens with --tokens FILE, VISITPLAN_TOKENS_FILE "
                               + "or VISITPLAN_TOKENS (every instance sharing the database needs the same tokens)")
                    throw ExitStatus.badInput
                }
                let generated = try GeneratedTokens.loadOrCreate(databasePath: path, seed: seed, publicDirectory: self.public)
                registry = generated.registry
                printError("tokens: \(generated.file)" + (generated.created ? " (created now; keep it private)" : ""))
                if generated.created, let coordinator = registry.tokens.first(where: { $0.identity.role == .coordinator }) {
                    signInURL = "http://\(host):\(port)/#token=\(coordinator.token)"
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("visitplan serve: \(error)")
            throw ExitStatus.badInput
        }
        var configuration = ServerConfiguration(host: host, port: port, database: database, tokens: registry, seed: seed,
                                                publicDirectory: self.public, concurrentSolves: solverThreads)
        configuration.solveWorkers = solverThreads
        printError("database: \(database)")
        if let signInURL { printError("sign in as coordinator: \(signInURL)") }
        do {
            try await runServer(configuration)
        } catch {
            printError("visitplan serve: \(error)")
            throw ExitStatus.serverStopped
        }
    }
}

