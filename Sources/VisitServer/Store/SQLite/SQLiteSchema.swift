import GRDB

/// The SQLite store's migrations (GRDB's `DatabaseMigrator` records them in `grdb_migrations`).
/// Each one is applied once, in order, and never edited after release: a later change to the
/// schema is a new migration. `PostgresSchema` keeps the same tables and rules.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: scenarios, plans, events, runs") { db in
            try createTables(db)
            try protectHistory(db)
        }
        migrator.registerMigration("v2: plan run leases") { db in
            // The solve worker holding a run, until when (seconds since 1970), and how often it was claimed.
            try db.alter(table: "planRun") { t in
                t.add(column: "worker", .text)
                t.add(column: "leaseExpires", .double)
                t.add(column: "attempts", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v3: what-if runs as solve jobs") { db in
            // What a worker needs to run the study (how the request is read, each solve's limits)
            // and the lease, as for plan runs. Runs stored earlier are read as YAML (JSON is YAML).
            try db.alter(table: "whatIfRun") { t in
                t.add(column: "format", .text).notNull().defaults(to: "yaml")
                t.add(column: "timeLimit", .double).notNull().defaults(to: 30)
                t.add(column: "relativeGap", .double).notNull().defaults(to: 0)
                t.add(column: "worker", .text)
                t.add(column: "leaseExpires", .double)
                t.add(column: "attempts", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v4: replan jobs") { db in
            try db.create(table: "replanJob") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scenarioId", .text).notNull().references("scenario")
                t.column("basePlanVersion", .integer).notNull()
                t.column("request", .text).notNull()
                t.column("format", .text).notNull()
                t.column("reportedBy", .text).notNull()
                t.column("role", .text).notNull()
                t.column("person", .text)
                t.column("state", .text).notNull()
                t.column("producedPlanVersion", .integer)
                t.column("message", .text)
                t.column("startedAt", .text).notNull()
                t.column("finishedAt", .text)
                t.column("worker", .text)
                t.column("leaseExpires", .double)
                t.column("attempts", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "replanJob_scenario", on: "replanJob", columns: ["scenarioId", "id"])
            try protectRuns(db, table: "replanJob")
        }
        migrator.registerMigration("v5: records and files of visits") { db in
            try db.create(table: "visitRecord") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scenarioId", .text).notNull().references("scenario")
                t.column("visitId", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("body", .text).notNull()
                t.column("at", .text).notNull()
                t.column("recordedBy", .text).notNull()
                t.column("recordedAt", .text).notNull()
            }
            try db.create(index: "visitRecord_visit", on: "visitRecord", columns: ["scenarioId", "visitId", "id"])
            try db.create(table: "attachment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scenarioId", .text).notNull().references("scenario")
                t.column("visitId", .text).notNull()
                t.column("name", .text).notNull()
                t.column("contentType", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("data", .blob).notNull()
                t.column("addedBy", .text).notNull()
                t.column("addedAt", .text).notNull()
            }
            try db.create(index: "attachment_visit", on: "attachment", columns: ["scenarioId", "visitId", "id"])
            for table in ["visitRecord", "attachment"] { try appendOnly(db, table: table) }
        }
        migrator.registerMigration("v6: visit requests and agenda templates") { db in
            try db.create(table: "visitRequest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scenarioId", .text).notNull().references("scenario")
                t.column("visitId", .text).notNull()
                t.column("scenarioVersion", .integer).notNull()
                t.column("planVersion", .integer).notNull()
                t.column("submittedBy", .text).notNull()
                t.column("role", .text).notNull()
                t.column("person", .text)
                t.column("source", .text).notNull()
                t.column("submittedAt", .text).notNull()
            }
            try db.create(index: "visitRequest_scenario", on: "visitRequest", columns: ["scenarioId", "id"])
            try db.create(table: "agendaTemplate") { t in
                t.column("name", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("description", .text)
                t.column("agenda", .text)
                t.column("createdAt", .text).notNull()
                t.column("createdBy", .text).notNull()
                t.primaryKey(["name", "version"])
            }
            for table in ["visitRequest", "agendaTemplate"] { try appendOnly(db, table: table) }
        }
        return migrator
    }

    private static func createTables(_ db: Database) throws {
        try db.create(table: "scenario") { t in
            t.primaryKey("id", .text)
            t.column("createdAt", .text).notNull()
            t.column("createdBy", .text).notNull()
        }
        try db.create(table: "scenarioVersion") { t in
            t.column("scenarioId", .text).notNull().references("scenario")
            t.column("version", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("source", .text).notNull()
            t.column("original", .text)
            t.column("originalFormat", .text)
            t.column("origin", .text).notNull()
            t.column("createdAt", .text).notNull()
            t.column("createdBy", .text).notNull()
            t.primaryKey(["scenarioId", "version"])
        }
        try db.create(table: "plan") { t in
            t.column("scenarioId", .text).notNull().references("scenario")
            t.column("version", .integer).notNull()
            t.column("scenarioVersion", .integer).notNull()
            t.column("status", .text).notNull()
            t.column("score", .double).notNull()
            t.column("bound", .double).notNull()
            t.column("solveSeconds", .double).notNull()
            t.column("planJSON", .text).notNull()
            t.column("origin", .text).notNull()
            t.column("basePlanVersion", .integer)
            t.column("createdAt", .text).notNull()
            t.column("createdBy", .text).notNull()
            t.primaryKey(["scenarioId", "version"])
            t.foreignKey(["scenarioId", "scenarioVersion"], references: "scenarioVersion", columns: ["scenarioId", "version"])
        }
        try db.create(table: "planRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("scenarioId", .text).notNull().references("scenario")
            t.column("scenarioVersion", .integer).notNull()
            t.column("state", .text).notNull()
            t.column("timeLimit", .double).notNull()
            t.column("relativeGap", .double).notNull()
            t.column("planVersion", .integer)
            t.column("message", .text)
            t.column("startedAt", .text).notNull()
            t.column("finishedAt", .text)
            t.column("startedBy", .text).notNull()
        }
        try db.create(table: "changeEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("scenarioId", .text).notNull().references("scenario")
            t.column("basePlanVersion", .integer).notNull()
            t.column("producedPlanVersion", .integer).notNull()
            t.column("position", .integer).notNull()
            t.column("type", .text).notNull()
            t.column("visitId", .text)
            t.column("at", .text).notNull()
            t.column("body", .text).notNull()
            t.column("reportedBy", .text).notNull()
            t.column("reportedAt", .text).notNull()
            t.foreignKey(["scenarioId", "producedPlanVersion"], references: "plan", columns: ["scenarioId", "version"])
        }
        try db.create(index: "changeEvent_visit", on: "changeEvent", columns: ["scenarioId", "visitId"])
        try db.create(table: "whatIfRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("scenarioId", .text).notNull().references("scenario")
            t.column("scenarioVersion", .integer).notNull()
            t.column("request", .text).notNull()
            t.column("state", .text).notNull()
            t.column("result", .text)
            t.column("message", .text)
            t.column("startedAt", .text).notNull()
            t.column("finishedAt", .text)
            t.column("startedBy", .text).notNull()
        }
        try db.create(table: "visitIndex") { t in
            t.column("scenarioId", .text).notNull()
            t.column("scenarioVersion", .integer).notNull()
            t.column("visitId", .text).notNull()
            t.column("clientName", .text).notNull().collate(.nocase)
            t.column("date", .text).notNull()
            t.primaryKey(["scenarioId", "scenarioVersion", "visitId", "date"])
        }
        try db.create(index: "visitIndex_date", on: "visitIndex", columns: ["date"])
    }

    /// Nothing is overwritten: triggers refuse to change or delete history, and let a run be
    /// written only while it is still running.
    private static func protectHistory(_ db: Database) throws {
        for table in ["scenario", "scenarioVersion", "plan", "changeEvent", "visitIndex"] { try appendOnly(db, table: table) }
        for table in ["planRun", "whatIfRun"] { try protectRuns(db, table: table) }
    }

    /// Rows of `table` are never changed or deleted.
    private static func appendOnly(_ db: Database, table: String) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) rows are append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) rows are append-only'); END;
            """)
    }

    /// A run (a solve job) is written only while it is running, and never deleted.
    private static func protectRuns(_ db: Database, table: String) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_finished BEFORE UPDATE ON \(table) WHEN OLD.state <> 'running'
            BEGIN SELECT RAISE(ABORT, 'a finished run is not changed'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) rows are kept'); END;
            """)
    }
}
