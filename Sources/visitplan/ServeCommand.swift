import ArgumentParser
import Foundation
import VisitServer

/// `visitplan serve`: the shared calendar: HTTP API, web page and iCalendar feeds over one store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the visit calendar server: JSON API, web page and calendar feeds over an SQLite store.",
        discussion: """
            A new database is loaded with the demo week, which is planned in the background.
            Tokens: --tokens FILE, else VISITPLAN_TOKENS_FILE, else VISITPLAN_TOKENS \
            ("coordinator=TOKEN,host:li.wei=TOKEN,planner=TOKEN"), else a token file created next to the \
            database on the first start (DB.tokens.yaml).
            """)

    @Option(name: .long, help: "SQLite database file (created when missing).")
    var db: String = "visitplan.sqlite"

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

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let seed: SeedScenario = noDemo ? .none : .demoWeek
        let registry: TokenRegistry
        var signInURL: String?
        do {
            let environment = ProcessInfo.processInfo.environment
            if let file = tokens ?? environment["VISITPLAN_TOKENS_FILE"] {
                registry = try TokenSources.load(file: file)
            } else if let text = environment["VISITPLAN_TOKENS"] {
                registry = try TokenSources.parse(environment: text)
            } else {
                let generated = try GeneratedTokens.loadOrCreate(databasePath: db, seed: seed, publicDirectory: self.public)
                registry = generated.registry
                printError("tokens: \(generated.file)" + (generated.created ? " (created now; keep it private)" : ""))
                if generated.created, let coordinator = registry.tokens.first(where: { $0.identity.role == .coordinator }) {
                    signInURL = "http://\(host):\(port)/#token=\(coordinator.token)"
                }
            }
        } catch {
            printError("visitplan serve: \(error)")
            throw ExitStatus.badInput
        }
        let configuration = ServerConfiguration(host: host, port: port, databasePath: db, tokens: registry, seed: seed,
                                                publicDirectory: self.public)
        printError("database: \(db)")
        if let signInURL { printError("sign in as coordinator: \(signInURL)") }
        do {
            try await runServer(configuration)
        } catch {
            printError("visitplan serve: \(error)")
            throw ExitStatus.serverStopped
        }
    }
}

