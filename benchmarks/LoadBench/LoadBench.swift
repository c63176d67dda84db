import ArgumentParser
import Foundation

/// `load-bench --db …`: `visitplan serve` instances on one store under load. First reads of the
/// current plan at each `--concurrency` for `--seconds`; then `--reports` change-event reports
/// from `--clients` clients that retry on 409. Prints one table row per phase, then checks that
/// the instances agree and that every acknowledged report is in the event log exactly once.
@main
struct LoadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-bench",
        abstract: "Load visitplan serve instances sharing one store (SQLite file or PostgreSQL database).")

    @Option(help: "The store: sqlite:FILE (one instance) or postgres://… (its data is left for a look).")
    var db: String

    @Option(help: "Server instances to start (1 with SQLite).")
    var instances: Int = 2

    @Option(help: "Seconds of each read phase.")
    var seconds: Double = 10

    @Option(help: "Concurrent readers of each read phase, comma-separated.")
    var concurrency: String = "1,16,64"

    @Option(help: "Change-event reports to have acknowledged (0: no report phase).")
    var reports: Int = 1000

    @Option(help: "Concurrent reporting clients, each with a token of its own (at most 200).")
    var clients: Int = 50

    @Option(help: "--solver-threads of each instance.")
    var solverThreads: Int = 1

    @Option(help: "The scenario loaded and planned first.")
    var scenario: String = "scenarios/demo-week.yaml"

    var readers: [Int] { concurrency.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    var isSQLite: Bool { !db.hasPrefix("postgres://") && !db.hasPrefix("postgresql://") }

    func validate() throws {
        guard instances >= 1, seconds > 0, reports >= 0, (1...Instance.clientTokens.count).contains(clients) else {
            throw ValidationError("counts must be positive, --clients at most \(Instance.clientTokens.count)")
        }
        guard !readers.isEmpty, readers.allSatisfy({ $0 >= 1 && $0 <= 256 }) else {
            throw ValidationError("--concurrency: comma-separated counts from 1 to 256")
        }
        guard !isSQLite || instances == 1 else { throw ValidationError("an SQLite store serves one instance: --instances 1") }
    }

    func run() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("visitplan")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("load-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var servers: [Instance] = []
        defer { for server in servers { server.stop() } }
        for index in 0..<instances {
            servers.append(try await Instance.start(executable, database: db, solverThreads: solverThreads, log: folder.appendingPathComponent("serve-\(index).log")))
        }
        let store = isSQLite ? "SQLite" : "PostgreSQL"
        print("\(instances) instance(s) of \(executable.lastPathComponent) on \(store), logs in \(folder.path) (removed after a clean run)")
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        let id = "load-\(Int(Date().timeIntervalSince1970))"
        let created = try await servers[0].send("POST", "/api/scenarios?id=\(id)", body: text, contentType: "application/yaml")
        guard created.status == 201 else { throw BenchError("creating the scenario: \(created.status) \(created.text)") }
        let run = try await servers[0].send("POST", "/api/scenarios/\(id)/plans", body: #"{"timeLimit": 30}"#)
        guard let runID = try run.json()["id"] as? Int else { throw BenchError("starting the plan: \(run.text)") }
        while try await servers.last!.send("GET", "/api/runs/\(runID)").json()["state"] as? String == "running" {
            try await Task.sleep(for: .milliseconds(200))
        }
        let document = try await servers[0].send("GET", "/api/scenarios/\(id)").json()["document"] as? [String: Any] ?? [:]
        let visits = (document["visits"] as? [[String: Any]] ?? []).compactMap { visit -> (String, Int)? in
            guard let id = visit["id"] as? String, let headcount = visit["headcount"] as? Int else { return nil }
            return (id, headcount)
        }
        let now = document["now"] as? String ?? "2026-12-04T17:00"
        let firstVersion = try await servers[0].send("GET", "/api/scenarios/\(id)/plans/current").json()["version"] as? Int ?? 1
        print("scenario \(id): \(visits.count) visits planned (run \(runID), plan version \(firstVersion))")

        let load = Load(servers: servers, scenario: id, visits: visits, at: now)
        print("""
            | store | instances | requests | clients | count | per s | p50 ms | p95 ms | p99 ms | answers |
            | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
            """)
        func row(_ requests: String, _ clients: Int, _ samples: Load.Samples, per seconds: Double, count: Int? = nil) {
            let count = count ?? samples.latencies.count
            print("| \(store) | \(instances) | \(requests) | \(clients) | \(count) | \(String(format: "%.1f", Double(count) / seconds)) | "
                  + "\(samples.percentile(0.5)) | \(samples.percentile(0.95)) | \(samples.percentile(0.99)) | \(samples.answers) |")
        }
        for clients in readers {
            row("GET current plan", clients, await load.reads(clients: clients, seconds: seconds), per: seconds)
        }
        if reports > 0 {
            let outcome = await load.reports(count: reports, clients: clients)
            row("POST events (each try)", clients, outcome.attempts, per: outcome.seconds)
            row("report acknowledged (with retries)", clients, outcome.acknowledgedIn, per: outcome.seconds, count: outcome.acknowledged.count)
            print("\(outcome.acknowledged.count) of \(reports) reports acknowledged in \(String(format: "%.1f", outcome.seconds)) s, \(outcome.abandoned) abandoned")
            try await Load.checkExactlyOnce(servers: servers, scenario: id, firstVersion: firstVersion, acknowledged: outcome.acknowledged)
            print("exactly once: every instance serves plan version \(firstVersion + outcome.acknowledged.count); the log holds "
                  + "\(outcome.acknowledged.count) events, each acknowledged by one 201 to the client that sent it, none twice")
            guard outcome.abandoned == 0 else { throw BenchError("\(outcome.abandoned) reports were abandoned") }
        }
        for server in servers { server.stop() }
        try? FileManager.default.removeItem(at: folder)   // kept when something failed
    }
}

/// A failure of the benchmark itself.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
