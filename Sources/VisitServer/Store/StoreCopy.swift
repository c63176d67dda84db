import Logging

/// `visitplan store copy`: moves every record of one store into another, empty one (SQLite to
/// PostgreSQL or back), then reads the copy back and compares it record by record with the source.
public enum StoreCopy {
    /// What was copied: records per table.
    public struct Summary: Sendable, CustomStringConvertible {
        public var from: String
        public var to: String
        public var counts: [(table: String, count: Int)]

        public var description: String {
            let tables = counts.map { "\($0.count) \($0.table)" }.joined(separator: ", ")
            return "copied \(from) to \(to): \(tables); every record read back equal"
        }
    }

    /// The copy read back differs from the source (never expected; the copy is left for a look).
    public struct Mismatch: Error, CustomStringConvertible {
        public var table: String
        public var description: String { "the copy's \(table) records differ from the source's after writing them" }
    }

    public static func run(from source: StoreLocation, to target: StoreLocation, logger: Logger = Logger(label: "visitplan")) async throws -> Summary {
        let from = try await StoreOpening.open(source, logger: logger)
        do {
            let to = try await StoreOpening.open(target, logger: logger)
            do {
                let summary = try await copy(from: from, to: to)
                await to.shutdown()
                await from.shutdown()
                return summary
            } catch {
                await to.shutdown()
                throw error
            }
        } catch {
            await from.shutdown()
            throw error
        }
    }

    static func copy(from: any PlanStore, to: any PlanStore) async throws -> Summary {
        let snapshot = try await from.snapshot()
        try await to.restore(snapshot)
        let copied = try await to.snapshot()
        if let table = firstDifference(snapshot, copied) { throw Mismatch(table: table) }
        return Summary(from: from.location, to: to.location, counts: snapshot.counts)
    }

    /// The first table whose records differ, if any.
    static func firstDifference(_ a: StoreSnapshot, _ b: StoreSnapshot) -> String? {
        if a.scenarios != b.scenarios { return "scenario" }
        if a.scenarioVersions != b.scenarioVersions { return "scenarioVersion" }
        if a.plans != b.plans { return "plan" }
        if a.planRuns != b.planRuns { return "planRun" }
        if a.changeEvents != b.changeEvents { return "changeEvent" }
        if a.whatIfRuns != b.whatIfRuns { return "whatIfRun" }
        if a.visitIndex != b.visitIndex { return "visitIndex" }
        if a.visitRequests != b.visitRequests { return "visitRequest" }
        if a.agendaTemplates != b.agendaTemplates { return "agendaTemplate" }
        return nil
    }
}
