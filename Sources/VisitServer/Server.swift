import Foundation
import Hummingbird
import Logging
import VisitDomain
import VisitReplanner

/// How to run the visitplan server.
public struct ServerConfiguration: Sendable {
    /// Address to listen on; the loopback interface by default, so nothing outside this machine
    /// reaches the server unless asked for.
    public var host: String
    public var port: Int
    /// The store: an SQLite file (created with its WAL files when missing) or a PostgreSQL database.
    public var database: StoreLocation
    public var tokens: TokenRegistry
    /// The scenario loaded (and planned in the background) when the store is new.
    public var seed: SeedScenario
    /// Seconds for the seed's first solve.
    public var seedTimeLimit: Double
    /// Serve the page from this folder instead of the bundled one.
    public var publicDirectory: String?
    /// Solves (plans, replans, what-ifs) running at once; more wait their turn.
    public var concurrentSolves: Int
    /// Plan and what-if runs (jobs in the store) this instance claims at once; 0: none, other
    /// instances solve them (change reports are still answered here). Defaults to `concurrentSolves`.
    public var solveWorkers: Int
    /// How long a plan or what-if run's claim holds without renewal before any instance may claim it again,
    /// and how often idle workers look for runs to claim.
    public var jobLease: Duration = .seconds(30)
    public var jobPoll: Duration = .seconds(2)
    /// Open connections and the idle (and header-read) timeout.
    public var connectionLimits = ConnectionLimits()
    /// Solves (plan runs, what-ifs, replans) one token may have running or waiting; more get 429.
    public var solvesPerToken = SolveQuota.defaultPerToken
    /// A host's replan: wider neighbourhoods only within this many seconds once the events'
    /// own has a plan (nil: as far as needed, within the replan's 20 s).
    public var replanAnswerSeconds: Double? = 0.5
    public var logger: Logger
    /// The real clock: what is overdue and when records are made (tests set their own).
    public var clock: @Sendable () -> Date = Date.init

    public init(host: String = "127.0.0.1", port: Int = 8080, database: StoreLocation, tokens: TokenRegistry,
                seed: SeedScenario = .demoWeek, seedTimeLimit: Double = 60, publicDirectory: String? = nil,
                concurrentSolves: Int = 2, logger: Logger = Logger(label: "visitplan")) {
        self.host = host; self.port = port; self.database = database; self.tokens = tokens; self.seed = seed
        self.seedTimeLimit = seedTimeLimit; self.publicDirectory = publicDirectory; self.concurrentSolves = max(1, concurrentSolves)
        self.solveWorkers = max(0, concurrentSolves)
        self.logger = logger
    }
}

/// The scenario a new store starts with.
public enum SeedScenario: Sendable {
    /// The demo week shipped with the server (`Public/demo-week.yaml`, never served as a file).
    case demoWeek
    /// A scenario text of one's own.
    case text(String, DocumentFormat)
    /// Start empty.
    case none
}

/// Builds the server: the store (migrated, with the seed scenario when new), the routes under
/// `/api` and `/calendars` behind token checks, and the page at `/`.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    try await VisitServerApp.make(configuration).application
}

/// Builds the server and runs it until SIGINT or SIGTERM, then shuts down gracefully and closes
/// the store.
public func runServer(_ configuration: ServerConfiguration) async throws {
    let server = try await VisitServerApp.make(configuration)
    do {
        try await server.application.runService()
    } catch {
        await server.services.runner.stop()
        await server.services.store.shutdown()
        throw error
    }
    await server.services.runner.stop()
    await server.services.store.shutdown()
}

/// The assembled server: the application and the services behind it (tests reach into both).
struct VisitServerApp {
    var application: Application<RouterResponder<VisitRequestContext>>
    var services: ServerServices
    /// The background run planning the seed scenario, when one was started.
    var seedRun: Int64?

    static func make(_ configuration: ServerConfiguration) async throws -> VisitServerApp {
        let logger = configuration.logger
        let publicDirectory = try WebFiles.resourceDirectory(override: configuration.publicDirectory)
        let web = try WebFiles(directory: publicDirectory)
        let store = try await StoreOpening.open(configuration.database, logger: logger)
        do {
            return try await make(configuration, store: store, web: web, publicDirectory: publicDirectory)
        } catch {
            await store.shutdown()
            throw error
        }
    }

    private static func make(_ configuration: ServerConfiguration, store: any PlanStore, web: WebFiles,
                             publicDirectory: URL) async throws -> VisitServerApp {
        let logger = configuration.logger
        try await store.releaseUnfinishedRuns()
        let threads = SolverThreads(limit: configuration.concurrentSolves)
        let quota = SolveQuota(perToken: configuration.solvesPerToken)
        let workers = SolveWorkers(store: store, workers: configuration.solveWorkers, poll: configuration.jobPoll, logger: logger)
        let runner = PlanRunner(store: store, threads: threads, logger: logger, workers: workers, lease: configuration.jobLease)
        var services = ServerServices(store: store, runner: runner,
                                      replans: ReplanService(store: store, threads: threads, quota: quota,
                                                              options: ReplanOptions(answerSeconds: configuration.replanAnswerSeconds),
                                                              workers: workers, lease: configuration.jobLease, logger: logger),
                                      improvements: ImprovementService(store: store, threads: threads, quota: quota, logger: logger),
                                      whatIfs: WhatIfRunner(store: store, threads: threads, logger: logger, workers: workers,
                                                            lease: configuration.jobLease),
                                      options: OptionsService(store: store, threads: threads, quota: quota), logger: logger,
                                      quota: quota)
        services.clock = configuration.clock
        let seedRun = try await seed(configuration, services: services, publicDirectory: publicDirectory)

        let router = Router(context: VisitRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        RunSheetRoutes.addStylesheet(to: router)
        web.add(to: router)
        let api = RouteCollection(context: VisitRequestContext.self)
        api.add(middleware: AuthMiddleware(registry: configuration.tokens, acceptsQueryToken: false))
        api.add(middleware: RoleScopeMiddleware())
        ScenarioRoutes(services: services).add(to: api)
        PlanRoutes(services: services).add(to: api)
        RunSheetRoutes(services: services).add(to: api)
        OptionsRoutes(services: services).add(to: api)
        RequestRoutes(services: services, requests: services.requests).add(to: api)
        TemplateRoutes(services: services).add(to: api)
        ResourceRoutes(services: services).add(to: api)
        EventRoutes(services: services).add(to: api)
        ImprovementRoutes(services: services).add(to: api)
        WhatIfRoutes(services: services).add(to: api)
        ArchiveRoutes(services: services).add(to: api)
        VisitRecordRoutes(services: services).add(to: api)
        ReportRoutes(services: services).add(to: api)
        OrderRoutes(services: services).add(to: api)
        UpdateRoutes(services: services).add(to: api)
        router.addRoutes(api, atPath: "/api")
        let calendars = RouteCollection(context: VisitRequestContext.self)
        calendars.add(middleware: AuthMiddleware(registry: configuration.tokens, acceptsQueryToken: true))
        CalendarRoutes(services: services).add(to: calendars)
        router.addRoutes(calendars, atPath: "/calendars")

        let application = Application(
            router: router,
            server: .guardedHTTP1(configuration.connectionLimits),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "visitplan"),
            logger: logger)
        return VisitServerApp(application: application, services: services, seedRun: seedRun)
    }

    /// Loads the seed scenario into a new store and starts planning it; nil when nothing was seeded.
    private static func seed(_ configuration: ServerConfiguration, services: ServerServices, publicDirectory: URL) async throws -> Int64? {
        guard try await services.store.scenarios().isEmpty else { return nil }
        let text: String
        let format: DocumentFormat
        switch configuration.seed {
        case .none: return nil
        case .text(let seedText, let seedFormat): (text, format) = (seedText, seedFormat)
        case .demoWeek:
            text = try String(contentsOf: publicDirectory.appendingPathComponent("demo-week.yaml"), encoding: .utf8)
            format = .yaml
        }
        let scenario: Scenario
        do { scenario = try ScenarioLoader.parse(text, format: format, file: "seed scenario") } catch {
            throw ServerStartError("the seed scenario cannot be loaded:\n\(error)")
        }
        let id = ScenarioID.isValid(scenario.name) ? scenario.name : "demo"
        let version: ScenarioVersionRow
        do {
            version = try await services.store.createScenario(
                id: id, upload: try ScenarioUpload(scenario: scenario, original: text, originalFormat: format), origin: "seed", by: "visitplan")
        } catch StoreError.scenarioExists {
            return nil   // another instance sharing the database seeded it first
        }
        let run = try await services.runner.start(version: version, scenario: scenario, timeLimit: configuration.seedTimeLimit,
                                                  relativeGap: 1e-4, by: "visitplan")
        configuration.logger.info("loaded scenario \(id) into the new store; planning it in the background (run \(run.id ?? 0))")
        return run.id
    }
}
