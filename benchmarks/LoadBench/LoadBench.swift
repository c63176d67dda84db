import ArgumentParser
import Foundation

/// `load-bench --db postgres://…`: several `visitplan serve` instances on one PostgreSQL database
/// under load: readers fetch the current plan, reporters post change events against the version
/// they last saw, each to any instance. Prints throughput, latency percentiles and the 201/409
/// split, then checks that the instances agree and that every 201 is in the event log once.
@main
struct LoadBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load-bench",
        abstract: "Load several visitplan serve instances sharing one PostgreSQL database.")

    @Option(help: "The database (created empty; its data is left for a look).")
    var db: String

    @Option(help: "Server instances to start.")
    var instances: Int = 2

    @Option(help: "Seconds of load.")
    var seconds: Double = 20

    @Option(help: "Concurrent readers (GET the current plan).")
    var readers: Int = 8

    @Option(help: "Concurrent reporters (POST change events).")
    var reporters: Int = 2

    @Option(help: "--solver-threads of each instance.")
    var solverThreads: Int = 1

    @Option(help: "The scenario loaded and planned first.")
    var scenario: String = "scenarios/demo-week.yaml"

    func validate() throws {
        guard instances >= 1, readers >= 0, reporters >= 0, seconds > 0 else { throw ValidationError("counts must be positive") }
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
        print("\(instances) instance(s) of \(executable.lastPathComponent) on \(db), logs in \(folder.path) (removed after a clean run)")
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
        print("scenario \(id): \(visits.count) visits planned (run \(runID)); \(readers) readers and \(reporters) reporters for \(seconds) s")

        let load = Load(servers: servers, scenario: id, visits: visits, at: now)
        let report = await load.run(readers: readers, reporters: reporters, seconds: seconds)
        print(report.table())
        try await Load.checkConsistency(servers: servers, scenario: id, created: report.created)
        print("consistent: every instance serves plan version \(report.created + 1); the log holds \(report.created) reports, one per 201")
        for server in servers { server.stop() }
        try? FileManager.default.removeItem(at: folder)   // kept when something failed
    }
}

/// A failure of the benchmark itself.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
