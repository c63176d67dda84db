import Foundation
import GRDB
import Testing
import VisitDomain
@testable import VisitServer

/// The store, SQLite and PostgreSQL alike: durable, append-only, every version and event found
/// again after reopening.
@Suite("Store")
struct StoreTests {
    static let scenario = "suzhou-office-week-51"

    @Test("after plans, replans and a new scenario version, a reopened database holds every version and every event",
          arguments: StoreBackend.all)
    func reopen(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        try await server.test { api in
            let reports = [
                (1, eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])),
                (2, "[{\"type\": \"headcountChange\", \"at\": \"2026-12-14T09:00\", \"visit\": \"V-2002\", \"headcount\": 5},"
                    + " {\"type\": \"cancelVisit\", \"at\": \"2026-12-14T09:00\", \"visit\": \"V-2007\"}]"),
            ]
            for (version, body) in reports {
                let reply = try await api.post("/api/scenarios/\(Self.scenario)/plans/\(version)/events", body: body)
                #expect(reply.status == .created, "\(reply.text)")
            }
            let changed = try Scenarios.smallOffice.replacingOccurrences(of: "headcount: 7", with: "headcount: 8")
            #expect(try await api.send(.put, "/api/scenarios/\(Self.scenario)", token: TestTokens.coordinator, body: changed).status == .ok)
        }
        let expectedPlans = try await server.services.store.plans(scenarioId: Self.scenario)

        try await stopStore(of: server)
        let reopened = try await StoreOpening.open(server.database)
        defer { Task { await reopened.shutdown() } }
        let versions = try await reopened.scenarioVersions(id: Self.scenario)
        #expect(versions.map(\.version) == [1, 2, 3, 4])
        #expect(versions.map(\.origin) == ["seed", "replan", "replan", "upload"])
        #expect(versions[0].original == (try Scenarios.smallOffice), "the uploaded text is kept as it was")
        #expect(versions[1].original == nil)
        for version in versions {
            let scenario = try version.loadScenario()
            #expect(scenario.name == Self.scenario)
        }
        #expect(try versions[2].loadScenario().visit("V-2002")?.headcount == 5)
        #expect(try versions[3].loadScenario().visit("V-2003")?.headcount == 8)

        let plans = try await reopened.plans(scenarioId: Self.scenario)
        #expect(plans.map(\.version) == [1, 2, 3])
        #expect(plans.map(\.scenarioVersion) == [1, 2, 3])
        #expect(plans.map(\.origin) == ["solve", "replan", "replan"])
        #expect(plans.map(\.basePlanVersion) == [nil, 1, 2])
        #expect(plans.map(\.planJSON) == expectedPlans.map(\.planJSON), "every plan version reads back unchanged")
        for row in plans {
            let plan = try row.decodedPlan()
            #expect(plan.scenario == Self.scenario)
            #expect(row.score == plan.score && row.status == plan.status.rawValue)
        }
        #expect(try plans[2].decodedPlan().visit("V-2007")?.scheduled == false, "the cancelled visit is no longer scheduled")

        let events = try await reopened.events(scenarioId: Self.scenario)
        #expect(events.map(\.type) == ["arrivalShift", "headcountChange", "cancelVisit"])
        #expect(events.map(\.visitId) == ["V-2001", "V-2002", "V-2007"])
        #expect(events.map(\.producedPlanVersion) == [2, 3, 3])
        #expect(events.map(\.position) == [0, 0, 1])
        #expect(events.allSatisfy { $0.reportedBy == "coordinator" && !$0.reportedAt.isEmpty })
        let runs = try await reopened.runs(scenarioId: Self.scenario)
        #expect(runs.map(\.state) == ["done"])
        withExtendedLifetime(server) {}   // the folder stays until the reopened store is done
    }

    @Test("the database is in WAL mode with full synchronous writes")
    func walMode() async throws {
        let server = try await TestServer.make()
        let store = try #require(server.services.store as? SQLiteStore)
        let mode = try await store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let synchronous = try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "FULL")
    }

    @Test("history cannot be overwritten or deleted, even with SQL", arguments: StoreBackend.all, [
        "UPDATE plan SET score = 0", "DELETE FROM plan", "UPDATE scenarioVersion SET source = ''", "DELETE FROM scenarioVersion",
        "UPDATE planRun SET state = 'failed'", "DELETE FROM planRun", "UPDATE changeEvent SET body = ''", "DELETE FROM visitIndex",
        "UPDATE replanJob SET state = 'failed'", "DELETE FROM replanJob",
    ])
    func appendOnly(backend: StoreBackend, sql: String) async throws {
        let server = try await TestServer.smallOffice(backend)
        try await server.test { api in
            let event = eventJSON(["type": "arrivalShift", "at": "2026-12-14T08:00", "visit": "V-2001", "minutes": -60])
            let reply = try await api.post("/api/scenarios/\(Self.scenario)/plans/1/events", body: event)
            #expect(reply.status == .created)
        }
        await #expect(throws: (any Error).self) {
            try await executeRawSQL(sql, on: server.services.store)
        }
        if backend == .postgres, let store = server.services.store as? PostgresStore {
            let table = sql.split(separator: " ")[sql.hasPrefix("UPDATE") ? 1 : 2]
            await #expect(throws: (any Error).self, "TRUNCATE \(table)") {
                try await TestPostgres.execute("TRUNCATE \(table) CASCADE", on: store.url)
            }
        }
        #expect(try await server.services.store.plans(scenarioId: Self.scenario).count == 2)
        #expect(try await server.services.store.events(scenarioId: Self.scenario).count == 1)
    }

    @Test("a new store starts with the demo week (the bundled copy of scenarios/demo-week.yaml) and plans it in the background",
          arguments: StoreBackend.all)
    func demoWeekSeed(backend: StoreBackend) async throws {
        let bundled = try String(contentsOf: try WebFiles.resourceDirectory(override: nil).appendingPathComponent("demo-week.yaml"), encoding: .utf8)
        #expect(bundled == (try Scenarios.text("demo-week.yaml")), "Sources/VisitServer/Public/demo-week.yaml is a copy of scenarios/demo-week.yaml")
        let server = try await TestServer.make(backend: backend, seed: .demoWeek, seedTimeLimit: 1)
        let summary = try await server.services.store.scenarioSummary(id: "acme-hq-demo-week")
        #expect(try summary.latest.loadScenario().visits.count == 37)
        #expect(summary.latest.origin == "seed")
        let run = try #require(server.app.seedRun)
        #expect(try await server.services.store.run(id: run).startedBy == "visitplan")
        await server.services.runner.waitUntilFinished(run)
        #expect(try await server.services.store.run(id: run).state == "done")
    }

    @Test("a plan run and a what-if run a stopped server was solving are solved by the next server",
          arguments: StoreBackend.all)
    func unfinishedRuns(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        await server.services.runner.stop()
        let store = server.services.store
        let started = try await store.startRun(scenarioId: Self.scenario, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "test")
        let run = try #require(started.id)
        #expect(try await store.claimRun(lease: .seconds(600))?.id == run, "the stopped server was solving it")
        let whatIf = try await store.startWhatIf(scenarioId: Self.scenario, scenarioVersion: 1, request: WhatIfAndArchiveTests.variants,
                                                 format: "yaml", timeLimit: 5, relativeGap: 0, by: "test")
        #expect(try await store.claimWhatIf(lease: .seconds(600))?.id == whatIf.id, "the stopped server was running it")
        try await stopStore(of: server)
        let again = try await TestServer.make(sharing: server)
        await again.services.runner.waitUntilFinished(run)
        let row = try await again.services.store.run(id: run)
        #expect(row.state == "done", "\(row)")
        #expect(row.planVersion == 2)
        await again.services.whatIfs.waitUntilFinished(try #require(whatIf.id))
        let study = try await again.services.store.whatIf(id: try #require(whatIf.id))
        #expect(study.state == "done", "\(study)")
        #expect(study.result?.contains("no-secure-room") == true)
        #expect(again.app.seedRun == nil, "a store that has scenarios is not seeded again")
        withExtendedLifetime(server) {}
    }
    @Test("two reports a stopped server held against the same plan: the next server's workers apply exactly one; the other ends stale, nothing applied",
          arguments: StoreBackend.all)
    func reportsLeftByAStoppedServer(backend: StoreBackend) async throws {
        let server = try await TestServer.smallOffice(backend)
        await server.services.runner.stop()
        let store = server.services.store
        var ids: [Int64] = []
        for headcount in [4, 5] {
            let job = ReplanJobRow(id: nil, scenarioId: Self.scenario, basePlanVersion: 1,
                                   request: "[{\"type\": \"headcountChange\", \"at\": \"2026-12-12T10:00\", \"visit\": \"V-2002\", \"headcount\": \(headcount)}]",
                                   format: "json", reportedBy: "front-desk", role: "coordinator", person: nil, state: "running",
                                   producedPlanVersion: nil, message: nil, startedAt: store.timestamp(), finishedAt: nil)
            ids.append(try #require(try await store.startReplan(job, lease: .seconds(600)).id))
        }
        try await stopStore(of: server)
        let again = try await TestServer.make(sharing: server)
        var jobs: [ReplanJobRow] = []
        for _ in 0..<300 {
            jobs = try await ids.asyncMap { try await again.services.store.replanJob(id: $0) }
            if !jobs.contains(where: { $0.state == "running" }) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(Set(jobs.map(\.state)) == ["done", "stale"], "\(jobs)")
        let done = try #require(jobs.first { $0.state == "done" })
        #expect(done.producedPlanVersion == 2)
        #expect(jobs.first { $0.state == "stale" }?.message?.contains("no longer current") == true)
        let log = try await again.services.store.events(scenarioId: Self.scenario)
        #expect(log.count == 1 && log.first?.reportedBy == "front-desk" && log.first?.producedPlanVersion == 2, "applied once, as reported")
        #expect(try await again.services.store.plan(scenarioId: Self.scenario, version: nil).version == 2)
        withExtendedLifetime(server) {}
    }
}
