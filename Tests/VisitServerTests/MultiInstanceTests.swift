import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import ScenarioGenerator
import VisitDomain
@testable import VisitServer

/// Two `visitplan serve` processes on one PostgreSQL database: what one stores the other serves,
/// two reports against one plan version, one to each, give one 201 and one 409, and a plan run
/// left by an instance that died is claimed and solved by a live one.
@Suite("Several server instances on one PostgreSQL database")
struct MultiInstanceTests {
    static let scenario = "suzhou-office-week-51"

    @Test("a plan made through one instance is served by the other; simultaneous reports to both: one 201, one 409; a page on one hears of the other's plans; a dead instance's run is solved by a live one",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"), .timeLimit(.minutes(3)))
    func twoInstances() async throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let url = try await TestPostgres.freshDatabase()
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokens = "coordinator=\(TestTokens.coordinator),host:lisa.wong=\(TestTokens.lisa),host:zhou.ming=\(TestTokens.zhou)"
        // Started together: they migrate the new database once between them.
        async let startA = ServeProcess.start(executable, database: url, tokens: tokens, folder: folder, name: "a")
        async let startB = ServeProcess.start(executable, database: url, tokens: tokens, folder: folder, name: "b")
        let (a, b) = try await (startA, startB)
        defer { a.stop(); b.stop() }

        let created = try await a.send("POST", "/api/scenarios?id=\(Self.scenario)", body: try Scenarios.smallOffice, contentType: "application/yaml")
        #expect(created.status == 201, "\(created.text)")
        let started = try await a.send("POST", "/api/scenarios/\(Self.scenario)/plans", body: "{\"timeLimit\": 20}")
        #expect(started.status == 202, "\(started.text)")
        let runPath = "/api/runs/\(try #require(try started.json["id"]?.intValue))"
        var state = "running"
        for _ in 0..<600 where state == "running" {
            try await Task.sleep(for: .milliseconds(100))
            state = try await b.send("GET", runPath).json["state"]?.stringValue ?? "?"   // asked of the other instance
        }
        #expect(state == "done")
        let planA = try await a.send("GET", "/api/scenarios/\(Self.scenario)/plans/current")
        let planB = try await b.send("GET", "/api/scenarios/\(Self.scenario)/plans/current")
        #expect(planB.status == 200 && planB.text == planA.text, "instance b serves the plan instance a made")
        #expect(try planB.json["version"]?.intValue == 1)

        let plan = try planB.json
        let visits = try #require(plan[path: "plan.visits"]?.arrayValue).filter { $0["scheduled"]?.boolValue == true }
        let first = try #require(visits.first { $0["host"]?.stringValue == "lisa.wong" }?["id"]?.stringValue)
        let second = try #require(visits.first { $0["host"]?.stringValue == "zhou.ming" }?["id"]?.stringValue)
        // A page on instance b follows the scenario's plans.
        let updates = try EventStreamReader(port: b.port, path: "/api/scenarios/\(Self.scenario)/updates", token: TestTokens.zhou)
        let opened = await updates.read(until: "data: {\"version\": 1}")
        #expect(opened.contains("text/event-stream") && opened.contains("event: plan\ndata: {\"version\": 1}"), "\(opened)")

        let path = "/api/scenarios/\(Self.scenario)/plans/1/events"
        async let toA = a.send("POST", path, token: TestTokens.lisa,
                               body: eventJSON(["type": "headcountChange", "at": "2026-12-14T08:00", "visit": first, "headcount": 2]))
        async let toB = b.send("POST", path, token: TestTokens.zhou,
                               body: eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": second, "minutes": 15]))
        let replies = try await [toA, toB]
        #expect(Set(replies.map(\.status)) == [201, 409], "\(replies.map(\.text))")
        let loser = try #require(replies.first { $0.status == 409 })
        #expect(try loser.json["currentVersion"]?.intValue == 2)
        let announced = await updates.read(until: "data: {\"version\": 2}")
        #expect(announced.contains("event: plan\ndata: {\"version\": 2}"), "the page on b hears of version 2, whichever instance made it: \(announced)")
        for instance in [a, b] {
            let events = try await instance.send("GET", "/api/scenarios/\(Self.scenario)/events").json.arrayValue ?? []
            #expect(events.count == 1, "one report stored, seen by both")
            #expect(try await instance.send("GET", "/api/scenarios/\(Self.scenario)/plans/current").json["version"]?.intValue == 2)
        }

        // A plan run held by an instance that died mid-solve (its lease still an hour long) is solved by one of these.
        try await TestPostgres.execute("""
            INSERT INTO planRun (scenarioId, scenarioVersion, state, timeLimit, relativeGap, startedAt, startedBy, instance,
                                 leaseExpires, attempts)
            VALUES ('\(Self.scenario)', 2, 'running', 10, 0, '2026-12-05T10:00:00Z', 'coordinator', 'visitplan-gone', now() + interval '1 hour', 1)
            """, on: url)
        let orphan = try #require(try await TestPostgres.rows("SELECT max(id) FROM planRun", on: url).first?.decode(Int.self))
        state = "running"
        for _ in 0..<300 where state == "running" {
            try await Task.sleep(for: .milliseconds(100))
            state = try await a.send("GET", "/api/runs/\(orphan)").json["state"]?.stringValue ?? "?"
        }
        #expect(state == "done")
        let taken = try #require(try await TestPostgres.rows("SELECT attempts, instance FROM planRun WHERE id = \(orphan)", on: url).first)
        let (attempts, holder) = try taken.decode((Int, String).self)
        #expect(attempts == 2 && holder != "visitplan-gone", "claimed again by a live instance")
        #expect(try await b.send("GET", "/api/scenarios/\(Self.scenario)/plans/current").json["version"]?.intValue == 3)
    }
}

extension MultiInstanceTests {
    static let demo = "generated-week"

    @Test("an instance killed with SIGKILL mid-solve: its plan run and its what-if run are finished by another instance, each once",
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"), .timeLimit(.minutes(10)))
    func killedMidSolve() async throws {
        let executable = try #require(VisitplanTool.executable(), "the visitplan executable was not built beside the tests")
        let url = try await TestPostgres.freshDatabase()
        let folder = try StoreSuiteTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokens = "coordinator=\(TestTokens.coordinator),planner=\(TestTokens.planner)"
        let a = try await ServeProcess.start(executable, database: url, tokens: tokens, folder: folder, name: "a", solverThreads: 2)
        defer { a.stop() }

        // Long solves: a generated week of 150 visits to be proven optimal (it takes the whole time
        // limit), and a what-if of twice its demand. Long enough that a is still solving once b has
        // started, however slowly: under the whole test suite's load b took longer to start than a
        // solve of 25 s, which had then finished.
        let week = try ScenarioDocument.jsonText(ScenarioGenerator(visits: 150, seed: 11, tight: true).scenario())
        let created = try await a.send("POST", "/api/scenarios?id=\(Self.demo)", body: week)
        #expect(created.status == 201, "\(created.text)")
        let plan = try await a.send("POST", "/api/scenarios/\(Self.demo)/plans", body: "{\"timeLimit\": 90, \"relativeGap\": 0}")
        #expect(plan.status == 202, "\(plan.text)")
        let planRun = try #require(try plan.json["id"]?.intValue)
        let whatIf = try await a.send("POST", "/api/scenarios/\(Self.demo)/whatifs?timeLimit=20", token: TestTokens.planner,
                                      body: "variants:\n  - name: doubled\n    scaleDemand: 2\n", contentType: "application/yaml")
        #expect(whatIf.status == 202, "\(whatIf.text)")
        let whatIfRun = try #require(try whatIf.json["id"]?.intValue)

        // Both claimed by a's workers, then a dies mid-solve without a word.
        var holders: [String?] = [nil, nil]
        for _ in 0..<400 where holders.contains(nil) {
            holders = [try await Self.holder("planRun", planRun, on: url), try await Self.holder("whatIfRun", whatIfRun, on: url)]
            if holders.contains(nil) { try await Task.sleep(for: .milliseconds(25)) }
        }
        let dead = try #require(holders[0])
        #expect(holders[1] == dead, "a runs both")
        // b starts while a solves: a's runs are held, so b's workers leave them alone.
        let b = try await ServeProcess.start(executable, database: url, tokens: tokens, folder: folder, name: "b", solverThreads: 2)
        defer { b.stop() }
        #expect(try await Self.holder("planRun", planRun, on: url) == dead, "still a's while a lives")
        #expect(try await Self.state("planRun", planRun, on: url) == "running", "killed mid-solve")
        a.kill()

        var states = ["running", "running"]
        for _ in 0..<3600 where states.contains("running") {
            try await Task.sleep(for: .milliseconds(100))
            states = [try await b.send("GET", "/api/runs/\(planRun)").json["state"]?.stringValue ?? "?",
                      try await b.send("GET", "/api/whatifs/\(whatIfRun)", token: TestTokens.planner).json["state"]?.stringValue ?? "?"]
        }
        #expect(states == ["done", "done"])
        for (table, id) in [("planRun", planRun), ("whatIfRun", whatIfRun)] {
            let row = try #require(try await TestPostgres.rows("SELECT attempts, instance FROM \(table) WHERE id = \(id)", on: url).first)
            let (attempts, holder) = try row.decode((Int, String).self)
            #expect(attempts == 2 && holder != dead, "\(table) \(id): claimed again by b after a died")
        }
        let plans = try await b.send("GET", "/api/scenarios/\(Self.demo)/plans").json.arrayValue ?? []
        #expect(plans.count == 1, "the run made one plan: a's solve never reached the store")
        let comparison = try await b.send("GET", "/api/whatifs/\(whatIfRun)", token: TestTokens.planner).json
        #expect(comparison[path: "comparison.runs"]?.arrayValue?.count == 2, "base and doubled")
    }

    static func holder(_ table: String, _ id: Int, on url: PostgresURL) async throws -> String? {
        try await TestPostgres.rows("SELECT instance FROM \(table) WHERE id = \(id)", on: url).first?.decode(String?.self)
    }

    static func state(_ table: String, _ id: Int, on url: PostgresURL) async throws -> String? {
        try await TestPostgres.rows("SELECT state FROM \(table) WHERE id = \(id)", on: url).first?.decode(String.self)
    }
}

/// One `visitplan serve` process on a free loopback port, its output in `folder`.
/// `@unchecked`: `Process` is not marked Sendable; it is only started, asked whether it runs and stopped.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    private init(process: Process, port: Int, log: URL) { self.process = process; self.port = port; self.log = log }

    /// Starts the server and waits until it answers.
    static func start(_ executable: URL, database: PostgresURL, tokens: String, folder: URL, name: String,
                      solverThreads: Int = 1) async throws -> ServeProcess {
        let port = try freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--db", database.description, "--port", String(port), "--no-demo", "--solver-threads", String(solverThreads)]
        var environment = ProcessInfo.processInfo.environment
        environment["VISITPLAN_TOKENS"] = tokens
        environment["VISITPLAN_DB"] = nil
        process.environment = environment
        let log = folder.appendingPathComponent("serve-\(name).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw ServeError(message: "cannot write \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let server = ServeProcess(process: process, port: port, log: log)
        for _ in 0..<300 {
            guard process.isRunning else { break }
            if (try? await server.send("GET", "/api/scenarios").status) == 200 { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        server.stop()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw ServeError(message: "visitplan serve (\(name)) did not start answering on port \(port):\n\(output)")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// Kills the process with SIGKILL: no clean-up, its connections cut by the kernel.
    func kill() {
        if process.isRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// One request with a token, as JSON unless told otherwise.
    func send(_ method: String, _ path: String, token: String = TestTokens.coordinator, body: String? = nil,
              contentType: String = "application/json") async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, text: String(decoding: data, as: UTF8.self))
    }

    /// A response's status and body.
    struct Reply: Sendable {
        var status: Int
        var text: String
        var json: DocumentValue { get throws { try DocumentValue.parse(text, format: .json, file: "response") } }
    }

    /// A port nothing listens on now (the kernel's pick for a socket bound to port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServeError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw ServeError(message: "bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct ServeError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
