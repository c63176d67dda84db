import Foundation
import Testing
import VisitDomain
import VisitPlanner
@testable import VisitServer

/// One store suite for both backends, through `PlanStore` alone: the same operations give the
/// same rows, orders, timestamps and errors from SQLite and from PostgreSQL.
@Suite("Store suite (every backend)")
struct StoreSuiteTests {
    static let office = "suzhou-office-week-51"
    /// A fixed clock: the stored timestamps are known.
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_403_552) }   // 2026-12-04T16:59:12Z
    static let stamp = "2026-12-04T16:59:12Z"

    /// The small office, checked and ready to store.
    static func upload(name: String = office, headcount: Int = 7) throws -> ScenarioUpload {
        var text = try Scenarios.smallOffice.replacingOccurrences(of: "headcount: 7", with: "headcount: \(headcount)")
        text = text.replacingOccurrences(of: "name: \(office)", with: "name: \(name)")
        return try ScenarioUpload(scenario: try ScenarioLoader.parse(text, format: .yaml, file: "small-office.yaml"),
                                  original: text, originalFormat: .yaml)
    }

    /// A plan of the small office (planned once per test process).
    static let plan: Plan = {
        let scenario = try! ScenarioLoader.parse(try! Scenarios.smallOffice, format: .yaml, file: "small-office.yaml")
        return try! Planner(scenario: scenario).plan(options: PlannerOptions(timeLimit: 20)).plan
    }()

    /// A scratch folder for SQLite files, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("visitplan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `body` on a new, empty store of `backend`, then closes it.
    static func withStore(_ backend: StoreBackend, _ body: (any PlanStore) async throws -> Void) async throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await backend.openFresh(in: folder, clock: clock)
        do { try await body(store) } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    static func storeError(_ body: () async throws -> Void) async -> StoreError? {
        do { try await body() } catch let error as StoreError { return error } catch {
            Issue.record("not a StoreError: \(String(reflecting: error))")
        }
        return nil
    }

    @Test("scenarios: versions numbered from 1, listed by id byte by byte, the same refusals", arguments: StoreBackend.all)
    func scenarios(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            let first = try await store.createScenario(id: "b-week", upload: try Self.upload(), origin: "upload", by: "ann")
            #expect(first.version == 1 && first.createdAt == Self.stamp && first.createdBy == "ann" && first.originalFormat == "yaml")
            #expect(await Self.storeError { _ = try await store.createScenario(id: "b-week", upload: try Self.upload(), origin: "upload", by: "x") }
                    == .scenarioExists("b-week"))
            let second = try await store.addScenarioVersion(id: "b-week", upload: try Self.upload(headcount: 8), origin: "upload", by: "bo")
            #expect(second.version == 2)
            _ = try await store.addScenarioVersion(id: "a-week", upload: try Self.upload(), origin: "upload", by: "ann")
            _ = try await store.addScenarioVersion(id: "B-week", upload: try Self.upload(), origin: "upload", by: "ann")
            let list = try await store.scenarios()
            #expect(list.map(\.scenario.id) == ["B-week", "a-week", "b-week"], "byte order, as SQLite sorts")
            #expect(list.map(\.latest.version) == [1, 1, 2])
            #expect(list.allSatisfy { $0.currentPlanVersion == nil })
            #expect(try await store.scenarioVersions(id: "b-week").map(\.createdBy) == ["ann", "bo"])
            #expect(try await store.latestScenarioVersion(id: "b-week") == second)
            #expect(try await store.scenarioVersion(id: "b-week", version: 1) == first)
            #expect(try await store.scenarioVersion(id: "b-week", version: 2).loadScenario().visit("V-2003")?.headcount == 8)
            #expect(await Self.storeError { _ = try await store.scenarioVersion(id: "b-week", version: 9) }
                    == .noScenarioVersion("b-week", version: 9, latest: 2))
            #expect(await Self.storeError { _ = try await store.scenarioSummary(id: "none") } == .noScenario("none"))
            #expect(await Self.storeError { _ = try await store.latestScenarioVersion(id: "none") } == .noScenario("none"))
            #expect(try await store.scenarioVersions(id: "none").isEmpty)
        }
    }

    @Test("plan runs: the next plan version, superseded by a newer scenario version, failed, newest first", arguments: StoreBackend.all)
    func runs(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            let run = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0.01, by: "ann")
            let id = try #require(run.id)
            #expect(run.state == "running" && run.startedAt == Self.stamp)
            let done = try await store.finishRun(id: id, plan: Self.plan, note: "optimal: proven")
            #expect(done.state == "done" && done.planVersion == 1 && done.message == "optimal: proven" && done.finishedAt == Self.stamp)
            #expect(try await store.run(id: id) == done)

            let late = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0.01, by: "bo")
            _ = try await store.addScenarioVersion(id: Self.office, upload: try Self.upload(headcount: 8), origin: "upload", by: "ann")
            let superseded = try await store.finishRun(id: try #require(late.id), plan: Self.plan)
            #expect(superseded.state == "superseded" && superseded.planVersion == nil)
            #expect(superseded.message == "scenario version 2 was stored while version 1 was being planned; plan it again")

            let failing = try await store.startRun(scenarioId: Self.office, scenarioVersion: 2, timeLimit: 5, relativeGap: 0, by: "ann")
            try await store.failRun(id: try #require(failing.id), message: "no plan")
            #expect(try await store.runs(scenarioId: Self.office).map(\.state) == ["failed", "superseded", "done"])
            #expect(try await store.runs(scenarioId: Self.office).map(\.id) == [failing.id, late.id, run.id])
            #expect(await Self.storeError { try await store.failRun(id: 999, message: "") } == .noRun(999))
            #expect(await Self.storeError { _ = try await store.run(id: 999) } == .noRun(999))

            let plan = try await store.plan(scenarioId: Self.office, version: nil)
            #expect(plan.version == 1 && plan.origin == "solve" && plan.createdBy == "ann" && plan.createdAt == Self.stamp)
            #expect(try plan.decodedPlan() == Self.plan, "the plan JSON reads back as the plan")
            #expect(plan.score == Self.plan.score && plan.bound == Self.plan.bound && plan.solveSeconds == Self.plan.solveSeconds)
            #expect(await Self.storeError { _ = try await store.plan(scenarioId: Self.office, version: 4) }
                    == .noPlan(scenario: Self.office, version: 4))
            #expect(await Self.storeError { _ = try await store.plan(scenarioId: "none", version: nil) } == .noScenario("none"))
            #expect(try await store.scenarioSummary(id: Self.office).currentPlanVersion == 1)
        }
    }

    @Test("replans: committed against the current plan only; stale and changed-scenario refusals word for word", arguments: StoreBackend.all)
    func replans(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            let run = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
            _ = try await store.finishRun(id: try #require(run.id), plan: Self.plan)
            #expect(await Self.storeError { _ = try await store.replanBase(scenarioId: "none", version: 1) } == .noScenario("none"))
            let base = try await store.replanBase(scenarioId: Self.office, version: 1)
            #expect(base.plan.version == 1 && base.scenario.version == 1)
            let events = [LoggedEvent(type: "headcountChange", visitId: "V-2002", at: "2026-12-14T09:00", body: "{\"a\":1}"),
                          LoggedEvent(type: "cancelVisit", visitId: nil, at: "2026-12-14T09:00", body: "{\"b\":2}")]
            let replanned = try ScenarioUpload(scenario: try Self.upload(headcount: 5).scenario, original: nil, originalFormat: nil)
            let commit = try await store.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: replanned,
                                                      plan: Self.plan, events: events, by: "lisa.wong")
            #expect(commit.plan.version == 2 && commit.plan.basePlanVersion == 1 && commit.plan.scenarioVersion == 2)
            #expect(commit.scenario.origin == "replan" && commit.scenario.original == nil)
            #expect(commit.events.map(\.position) == [0, 1] && commit.events.map(\.visitId) == ["V-2002", nil])
            let ids = commit.events.compactMap(\.id)
            #expect(ids.count == 2 && ids[0] < ids[1])
            #expect(try await store.events(scenarioId: Self.office) == commit.events)

            #expect(await Self.storeError {
                _ = try await store.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: try Self.upload(), plan: Self.plan,
                                                 events: events, by: "zhou.ming")
            } == .replaced(1, by: 2))
            #expect(await Self.storeError { _ = try await store.replanBase(scenarioId: Self.office, version: 7) }
                    == .noPlan(scenario: Self.office, version: 7))
            _ = try await store.addScenarioVersion(id: Self.office, upload: try Self.upload(headcount: 9), origin: "upload", by: "ann")
            #expect(await Self.storeError { _ = try await store.replanBase(scenarioId: Self.office, version: 2) }
                    == .scenarioChanged(latest: 3, current: 2, planned: 2))
            #expect(try await store.plans(scenarioId: Self.office).map(\.version) == [1, 2])
            #expect(try await store.plans(scenarioId: Self.office, after: 1).map(\.version) == [2])
            #expect(try await store.events(scenarioId: Self.office).count == 2, "nothing of the refused commits was stored")
        }
    }

    @Test("improvements: committed against the current plan only, from its scenario version; stale refused", arguments: StoreBackend.all)
    func improvements(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            let run = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
            _ = try await store.finishRun(id: run.id ?? 0, plan: Self.plan)
            let row = try await store.commitImprovement(scenarioId: Self.office, baseVersion: 1, plan: Self.plan, by: "ann")
            #expect(row.version == 2 && row.basePlanVersion == 1 && row.scenarioVersion == 1 && row.origin == "improvement")
            #expect(try await store.plan(scenarioId: Self.office, version: nil) == row)
            #expect(await Self.storeError {
                _ = try await store.commitImprovement(scenarioId: Self.office, baseVersion: 1, plan: Self.plan, by: "bo")
            } == .replaced(1, by: 2))
            #expect(try await store.plans(scenarioId: Self.office).map(\.version) == [1, 2])
        }
    }

    @Test("what-if runs: started, finished once, newest first; the archive finds a client's visits ignoring case",
          arguments: StoreBackend.all)
    func whatIfsAndArchive(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            let version = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            let a = try await store.startWhatIf(scenarioId: Self.office, scenarioVersion: 1, request: "[1]", format: "json", timeLimit: 5,
                                                relativeGap: 0, by: "analyst")
            let b = try await store.startWhatIf(scenarioId: Self.office, scenarioVersion: 1, request: "[2]", format: "yaml", timeLimit: 9,
                                                relativeGap: 0.01, by: "analyst")
            let claimed = try #require(try await store.claimWhatIf(lease: .seconds(600)), "a what-if run waits for a solve worker")
            #expect(claimed.id == a.id && claimed.format == "json" && claimed.timeLimit == 5, "the oldest first, with its options")
            #expect(try await store.claimWhatIf(lease: .seconds(600))?.id == b.id)
            #expect(try await store.claimWhatIf(lease: .seconds(600)) == nil, "both are held")
            #expect(try await store.renewWhatIfLease(id: try #require(b.id), lease: .seconds(600)))
            try await store.finishWhatIf(id: try #require(a.id), result: "{\"x\":1}", message: nil)
            try await store.finishWhatIf(id: try #require(b.id), result: nil, message: "too big")
            #expect(try await store.whatIfs(scenarioId: Self.office).map(\.state) == ["failed", "done"])
            #expect(try await store.whatIf(id: try #require(a.id)).result == "{\"x\":1}")
            await #expect(throws: (any Error).self, "a finished run is not changed") {
                try await store.finishWhatIf(id: try #require(a.id), result: nil, message: "again")
            }
            #expect(await Self.storeError { try await store.finishWhatIf(id: 999, result: nil, message: nil) } == .noRun(999))

            let run = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
            _ = try await store.finishRun(id: try #require(run.id), plan: Self.plan)
            let scenario = try version.loadScenario()
            let visit = try #require(scenario.visits.first { $0.client.name != nil })
            let name = try #require(visit.client.name)
            let date = visit.window.start.date
            let found = try await store.archive(client: String(name.dropFirst().prefix(4)).uppercased(), date: date)
            #expect(found.contains { $0.visitId == visit.id && $0.clientName == name })
            #expect(found.map(\.visitId) == found.map(\.visitId).sorted())
            #expect(found.first { $0.visitId == visit.id }?.plans.map(\.row.version) == [1])
            #expect(try await store.archive(client: "no such client", date: date).isEmpty)
        }
    }

    @Test("two stores on one database commit against the same plan version at once: exactly one wins, decided by the database",
          arguments: StoreBackend.all)
    func raceBetweenInstances(backend: StoreBackend) async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let location = try await backend.freshStore(in: folder)
        let one = try await StoreOpening.open(location, logger: TestPostgres.logger)
        let two = try await StoreOpening.open(location, logger: TestPostgres.logger)
        _ = try await one.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
        let run = try await one.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
        _ = try await one.finishRun(id: try #require(run.id), plan: Self.plan)
        let upload = try Self.upload(headcount: 6)
        let plan = Self.plan
        let outcomes = await withTaskGroup(of: StoreError?.self) { group in
            for attempt in 0..<8 {
                let store = attempt % 2 == 0 ? one : two
                group.addTask {
                    do {
                        _ = try await store.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: upload, plan: plan,
                                                         events: [LoggedEvent(type: "arrivalShift", visitId: "V-2001", at: "2026-12-14T08:00",
                                                                              body: "{\"n\":\(attempt)}")], by: "host\(attempt)")
                        return nil
                    } catch let error as StoreError {
                        return error
                    } catch {
                        Issue.record("not a StoreError: \(String(reflecting: error))")
                        return .noRun(-1)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == nil }.count == 1, "\(outcomes)")
        #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == .replaced(1, by: 2) }, "\(outcomes)")
        #expect(try await two.plans(scenarioId: Self.office).map(\.version) == [1, 2])
        #expect(try await one.events(scenarioId: Self.office).count == 1)
        #expect(try await two.scenarioVersions(id: Self.office).count == 2)
        await one.shutdown()
        await two.shutdown()
    }

    /// Two store instances on one new database (as two servers would have), with the small office.
    static func twoInstances(_ backend: StoreBackend, in folder: URL) async throws -> (any PlanStore, any PlanStore) {
        let location = try await backend.freshStore(in: folder)
        let one = try await StoreOpening.open(location, logger: TestPostgres.logger)
        let two = try await StoreOpening.open(location, logger: TestPostgres.logger)
        _ = try await one.createScenario(id: office, upload: try upload(), origin: "seed", by: "visitplan")
        return (one, two)
    }

    @Test("solve jobs: claimed once, oldest first; a lease that runs out goes to another instance; a run claimed three times fails",
          arguments: StoreBackend.all)
    func leases(backend: StoreBackend) async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (one, two) = try await Self.twoInstances(backend, in: folder)
        func start() async throws -> Int64 {
            try #require(try await one.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann").id)
        }
        let first = try await start(), second = try await start()
        #expect(try await one.claimRun(lease: .seconds(600))?.id == first)
        #expect(try await two.claimRun(lease: .seconds(600))?.id == second)
        #expect(try await two.claimRun(lease: .seconds(600)) == nil)
        #expect(try await one.renewLease(id: first, lease: .seconds(600)))
        #expect(try await two.renewLease(id: first, lease: .seconds(600)) == false)
        await #expect(throws: StoreError.leaseLost(first)) { _ = try await two.finishRun(id: first, plan: Self.plan) }
        #expect(try await one.finishRun(id: first, plan: Self.plan).state == "done")
        #expect(try await one.renewLease(id: first, lease: .seconds(600)) == false, "an ended run has no lease")

        let third = try await start()
        #expect(try await one.claimRun(lease: .seconds(600))?.id == third)
        #expect(try await two.claimRun(lease: .seconds(600)) == nil, "the lease holds")
        #expect(try await one.renewLease(id: third, lease: .zero), "renewed to run out now, as if its worker had hung")
        try await Task.sleep(for: .milliseconds(50))
        let taken = try await two.claimRun(lease: .seconds(600))
        #expect(taken?.id == third && taken?.state == "running")
        #expect(try await one.renewLease(id: third, lease: .seconds(600)) == false)
        await #expect(throws: StoreError.leaseLost(third)) { try await one.failRun(id: third, message: "late") }
        #expect(try await two.finishRun(id: third, plan: Self.plan).state == "done")

        let doomed = try await start()
        for store in [one, two, one] {
            #expect(try await store.claimRun(lease: .milliseconds(100))?.id == doomed)
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(try await two.claimRun(lease: .seconds(600)) == nil)
        let failed = try await one.run(id: doomed)
        #expect(failed.state == "failed" && failed.message == StoreRules.abandonedMessage)
        await one.shutdown()
        await two.shutdown()
    }

    static func reportJob(base: Int = 1, by reporter: String = "lisa.wong") -> ReplanJobRow {
        ReplanJobRow(id: nil, scenarioId: office, basePlanVersion: base, request: "[]", format: "json", reportedBy: reporter,
                     role: "host", person: reporter, state: "running", producedPlanVersion: nil, message: nil,
                     startedAt: "2026-12-14T08:00:00Z", finishedAt: nil)
    }

    @Test("reports are jobs: held by the instance replanning them, ended with the plan they committed; a report whose holder stopped is claimed by another, and the first can no longer commit it",
          arguments: StoreBackend.all)
    func replanJobs(backend: StoreBackend) async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (one, two) = try await Self.twoInstances(backend, in: folder)
        let run = try await one.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
        #expect(try await one.claimRun(lease: .seconds(600))?.id == run.id)
        _ = try await one.finishRun(id: try #require(run.id), plan: Self.plan)
        let replanned = try ScenarioUpload(scenario: try Self.upload(headcount: 5).scenario, original: nil, originalFormat: nil)
        let event = [LoggedEvent(type: "headcountChange", visitId: "V-2002", at: "2026-12-14T09:00", body: "{}")]

        let held = try #require(try await one.startReplan(Self.reportJob(), lease: .seconds(600)).id)
        #expect(try await two.claimReplan(lease: .seconds(600)) == nil, "held by the instance replanning it")
        #expect(try await one.renewReplanLease(id: held, lease: .seconds(600)))
        #expect(try await two.renewReplanLease(id: held, lease: .seconds(600)) == false)
        let commit = try await one.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: replanned, plan: Self.plan,
                                                events: event, by: "lisa.wong", job: held)
        let done = try await two.replanJob(id: held)
        #expect(done.state == "done" && done.producedPlanVersion == commit.plan.version && done.finishedAt != nil)
        await #expect(throws: (any Error).self, "an ended report is not changed") {
            try await one.endReplan(id: held, state: "failed", message: "again")
        }

        // Its holder hangs (the lease runs out): another instance claims it; the first can no longer commit it.
        let left = try #require(try await one.startReplan(Self.reportJob(base: 2), lease: .zero).id)
        try await Task.sleep(for: .milliseconds(50))
        let taken = try #require(try await two.claimReplan(lease: .seconds(600)))
        #expect(taken.id == left && taken.basePlanVersion == 2 && taken.reportedBy == "lisa.wong" && taken.person == "lisa.wong")
        #expect(await Self.storeError {
            _ = try await one.commitReplan(scenarioId: Self.office, baseVersion: 2, scenario: replanned, plan: Self.plan,
                                           events: event, by: "lisa.wong", job: left)
        } == .leaseLost(left))
        #expect(try await one.plan(scenarioId: Self.office, version: nil).version == 2, "nothing committed by the old holder")
        try await two.endReplan(id: left, state: "stale", message: "plan version 2 was replaced")
        #expect(try await one.replanJobs(scenarioId: Self.office).map(\.state) == ["stale", "done"])
        await one.shutdown()
        await two.shutdown()
    }

    @Test("a visit's record limit is counted with the insert: of six adds at once past two kept, three pass and three are refused",
          arguments: StoreBackend.all)
    func recordLimitUnderConcurrency(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            func record(_ visit: String) -> VisitRecordRow {
                VisitRecordRow(id: nil, scenarioId: Self.office, visitId: visit, kind: "note", body: "{\"kind\":\"note\",\"text\":\"x\"}",
                               at: "2026-12-14T12:00", recordedBy: "lisa.wong", recordedAt: "")
            }
            for _ in 0..<2 { _ = try await store.addRecord(record("V-2001"), limit: 5) }
            let outcomes = await withTaskGroup(of: StoreError?.self) { group in
                for _ in 0..<6 {
                    group.addTask { await Self.storeError { _ = try await store.addRecord(record("V-2001"), limit: 5) } }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 3)
            #expect(outcomes.compactMap { $0 }.allSatisfy { $0 == .recordLimit(visit: "V-2001", kept: 5, limit: 5) })
            #expect(try await store.records(scenarioId: Self.office, visitId: "V-2001").count == 5)
            // The limit is per visit; without one, a visit keeps any number.
            _ = try await store.addRecord(record("V-2002"), limit: 5)
            _ = try await store.addRecord(record("V-2001"))
            #expect(try await store.records(scenarioId: Self.office, visitId: "V-2001").count == 6)
        }
    }

    @Test("records and files of visits: kept in order, files listed without their bytes, nothing changed or deleted even with SQL",
          arguments: StoreBackend.all)
    func visitRecords(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            func record(_ visit: String, _ body: String) -> VisitRecordRow {
                VisitRecordRow(id: nil, scenarioId: Self.office, visitId: visit, kind: "note", body: body, at: "2026-12-14T12:00",
                               recordedBy: "lisa.wong", recordedAt: "")
            }
            let a = try await store.addRecord(record("V-2001", "{\"kind\":\"note\",\"text\":\"a\"}"))
            let b = try await store.addRecord(record("V-2002", "{\"kind\":\"note\",\"text\":\"b\"}"))
            let c = try await store.addRecord(record("V-2001", "{\"kind\":\"note\",\"text\":\"c\"}"))
            #expect(a.id != nil && a.recordedAt.hasSuffix("Z"), "stamped by the store")
            #expect(try await store.records(scenarioId: Self.office, visitId: "V-2001").map(\.id) == [a.id, c.id])
            #expect(try await store.records(scenarioId: Self.office, visitId: nil).map(\.id) == [a.id, b.id, c.id])
            #expect(await Self.storeError { _ = try await store.addRecord(VisitRecordRow(id: nil, scenarioId: "none", visitId: "V", kind: "note",
                                                                                          body: "{}", at: "2026-12-14T12:00", recordedBy: "x",
                                                                                          recordedAt: "")) } == .noScenario("none"))
            let bytes = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
            let file = try await store.addAttachment(AttachmentRow(id: nil, scenarioId: Self.office, visitId: "V-2001", name: "p.png",
                                                                   contentType: "image/png", size: bytes.count, data: bytes, addedBy: "lisa.wong",
                                                                   addedAt: ""))
            let listed = try await store.attachments(scenarioId: Self.office, visitId: "V-2001")
            #expect(listed.count == 1 && listed[0].data.isEmpty && listed[0].size == 7 && listed[0].name == "p.png")
            #expect(try await store.attachment(id: try #require(file.id)).data == bytes)
            #expect(await Self.storeError { _ = try await store.attachment(id: 999) } == .noFile(999))
            for sql in ["UPDATE visitRecord SET body = '{}'", "DELETE FROM visitRecord", "UPDATE attachment SET name = 'x'", "DELETE FROM attachment"] {
                await #expect(throws: (any Error).self, "\(sql)") { try await executeRawSQL(sql, on: store) }
            }
            #expect(try await store.records(scenarioId: Self.office, visitId: nil).count == 3)
        }
    }

    @Test("workers of two instances claiming at once never claim one run twice and leave none", arguments: StoreBackend.all)
    func claimsAtOnce(backend: StoreBackend) async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (one, two) = try await Self.twoInstances(backend, in: folder)
        var started: [Int64] = []
        for _ in 0..<12 {
            started.append(try #require(try await one.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5,
                                                              relativeGap: 0, by: "ann").id))
        }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<6 {
                let store = worker % 2 == 0 ? one : two
                group.addTask {
                    var mine: [Int64] = []
                    while let run = try await store.claimRun(lease: .seconds(600)) { mine.append(try #require(run.id)) }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.sorted() == started, "every run claimed exactly once")
        await one.shutdown()
        await two.shutdown()
    }

    /// Collects what a change stream delivers, to look at later.
    final class Heard: Sendable {
        let changes = LockedValue<[StoreChange]>([])
        private let task: LockedValue<Task<Void, Never>?> = LockedValue(nil)

        init(_ stream: AsyncStream<StoreChange>) {
            let changes = self.changes
            task.set(Task { for await change in stream { changes.update { $0.append(change) } } })
        }

        deinit { task.get()?.cancel() }

        /// Waits (up to five seconds) until `expected` has been heard, in order.
        func waitFor(_ expected: [StoreChange]) async -> [StoreChange] {
            for _ in 0..<100 where changes.get() != expected {
                try? await Task.sleep(for: .milliseconds(50))
            }
            return changes.get()
        }
    }

    @Test("the store tells its subscribers of new waiting runs and new current plans, once committed", arguments: StoreBackend.all)
    func changes(backend: StoreBackend) async throws {
        try await Self.withStore(backend) { store in
            _ = try await store.createScenario(id: Self.office, upload: try Self.upload(), origin: "seed", by: "visitplan")
            let heard = Heard(store.changes()), alsoHeard = Heard(store.changes())
            let run = try await store.startRun(scenarioId: Self.office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0, by: "ann")
            _ = try await store.finishRun(id: try #require(run.id), plan: Self.plan)
            _ = try await store.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: try Self.upload(headcount: 5), plan: Self.plan,
                                             events: [LoggedEvent(type: "cancelVisit", visitId: "V-2007", at: "2026-12-14T09:00", body: "{}")],
                                             by: "lisa.wong")
            _ = try? await store.commitReplan(scenarioId: Self.office, baseVersion: 1, scenario: try Self.upload(headcount: 4), plan: Self.plan,
                                              events: [], by: "zhou.ming")   // refused: nothing to tell
            let expected: [StoreChange] = [.runWaiting, .planCommitted(scenarioId: Self.office, version: 1),
                                           .planCommitted(scenarioId: Self.office, version: 2)]
            #expect(await heard.waitFor(expected) == expected)
            #expect(await alsoHeard.waitFor(expected) == expected)
        }
    }

    /// The same operations on a store: scenarios, plans, a replan, runs of every end, what-ifs.
    static func fill(_ store: any PlanStore) async throws {
        _ = try await store.createScenario(id: office, upload: try upload(), origin: "seed", by: "visitplan")
        _ = try await store.createScenario(id: "other", upload: try upload(name: "other", headcount: 4), origin: "upload", by: "ann")
        let run = try await store.startRun(scenarioId: office, scenarioVersion: 1, timeLimit: 5, relativeGap: 0.5, by: "ann")
        _ = try await store.finishRun(id: try #require(run.id), plan: plan, note: "optimal")
        _ = try await store.commitReplan(scenarioId: office, baseVersion: 1, scenario: try upload(headcount: 5), plan: plan,
                                         events: [LoggedEvent(type: "headcountChange", visitId: "V-2002", at: "2026-12-14T09:00", body: "{}")],
                                         by: "lisa.wong")
        let failed = try await store.startRun(scenarioId: "other", scenarioVersion: 1, timeLimit: 1, relativeGap: 0, by: "bo")
        try await store.failRun(id: try #require(failed.id), message: "no plan: ünïcode ✓")
        _ = try await store.startRun(scenarioId: "other", scenarioVersion: 1, timeLimit: 1, relativeGap: 0, by: "bo")
        let whatIf = try await store.startWhatIf(scenarioId: office, scenarioVersion: 2, request: "[]", format: "json", timeLimit: 5,
                                                   relativeGap: 0, by: "analyst")
        try await store.finishWhatIf(id: try #require(whatIf.id), result: "{}", message: nil)
    }

    @Test("SQLite and PostgreSQL hold the very same records after the same operations", 
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func sameRecords() async throws {
        let backend = StoreBackend.postgres
        var snapshots: [StoreSnapshot] = []
        for each in [StoreBackend.sqlite, backend] {
            try await Self.withStore(each) { store in
                try await Self.fill(store)
                snapshots.append(try await store.snapshot())
            }
        }
        #expect(snapshots[0].recordCount > 20)
        #expect(StoreCopy.firstDifference(snapshots[0], snapshots[1]) == nil)
        #expect(snapshots[0] == snapshots[1])
    }

    @Test("store copy: SQLite to PostgreSQL and back, every record compared; never into a store that holds data", 
          .enabled(if: TestPostgres.server != nil, "needs VISITPLAN_TEST_POSTGRES"))
    func copyBothWays() async throws {
        let backend = StoreBackend.postgres
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = StoreLocation.sqlite(path: folder.appendingPathComponent("source.sqlite").path)
        let filled = try await StoreOpening.open(source, clock: Self.clock)
        try await Self.fill(filled)
        let original = try await filled.snapshot()
        await filled.shutdown()

        let middle = try await backend.freshStore(in: folder)
        let there = try await StoreCopy.run(from: source, to: middle, logger: TestPostgres.logger)
        #expect(there.counts.map(\.count).reduce(0, +) == original.recordCount)
        let back = StoreLocation.sqlite(path: folder.appendingPathComponent("back.sqlite").path)
        _ = try await StoreCopy.run(from: middle, to: back, logger: TestPostgres.logger)
        let copied = try await StoreOpening.open(back)
        #expect(try await copied.snapshot() == original)
        // New ids continue after the copied ones.
        let next = try await StoreOpening.open(middle, logger: TestPostgres.logger)
        let run = try await next.startRun(scenarioId: "other", scenarioVersion: 1, timeLimit: 1, relativeGap: 0, by: "x")
        #expect(run.id == (original.planRuns.compactMap(\.id).max() ?? 0) + 1)
        await next.shutdown()
        await copied.shutdown()

        await #expect(throws: StoreError.notEmpty(middle.description)) {
            _ = try await StoreCopy.run(from: source, to: middle, logger: TestPostgres.logger)
        }
        await #expect(throws: StoreError.notEmpty(back.description)) {
            _ = try await StoreCopy.run(from: middle, to: back, logger: TestPostgres.logger)
        }
    }
}
