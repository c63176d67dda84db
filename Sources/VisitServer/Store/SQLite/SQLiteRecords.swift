import GRDB

// The rows as GRDB records: table names and, for tables with an integer id, the id SQLite gave.

extension ScenarioRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "scenario"
}

extension ScenarioVersionRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "scenarioVersion"
}

extension PlanRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "plan"
}

extension PlanRunRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "planRun"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ChangeEventRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "changeEvent"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension WhatIfRunRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "whatIfRun"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension VisitIndexRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "visitIndex"
}

extension ReplanJobRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "replanJob"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension VisitRecordRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "visitRecord"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AttachmentRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "attachment"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension VisitRequestRow: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "visitRequest"
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AgendaTemplateRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "agendaTemplate"
}
