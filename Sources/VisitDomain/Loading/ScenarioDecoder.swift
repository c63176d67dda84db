import Foundation

/// Builds a `Scenario` from a document tree, applying FORMAT.md's defaults and collecting every
/// problem (type, range, unknown field, duplicate id, dangling reference) in `reader.issues`.
/// The result is only meaningful when no issue was reported.
struct ScenarioDecoder {
    var reader: FieldReader
    /// `now` when the file gives none.
    let defaultNow: LocalDateTime
    /// The grid every duration must fit; nil when the scenario's own value is invalid.
    var slot: Int? = 15
    /// Ids that exist in the document (even on entries with other problems), for reference checks.
    var routeIDs: [String] = []
    var staffIDs: [String] = []
    /// Services, tiers and equipment a visit may name; nil checks nothing.
    var known: KnownNames?

    static let topLevelFields = ["name", "now", "horizon", "calendar", "policies", "objective",
                                 "rooms", "tourRoutes", "staff", "caterers", "visits", "hotels"]

    init(file: String, defaultNow: LocalDateTime) {
        reader = FieldReader(file: file)
        self.defaultNow = defaultNow
    }

    mutating func decode(_ document: DocumentValue) -> Scenario? {
        if document == .null {
            reader.report(.root, "the document is empty; expected a scenario (name, horizon, rooms, staff, visits, ...)")
            return nil
        }
        guard let root = reader.fields(document, at: .root, known: Self.topLevelFields, what: "a scenario") else { return nil }
        routeIDs = Self.ids(in: root["tourRoutes"])
        known = KnownNames(document: root)
        staffIDs = Self.ids(in: root["staff"])

        let name = reader.string(root, "name") ?? Self.defaultName(file: reader.file)
        let now = reader.dateTime(root, "now") ?? defaultNow
        let calendar = decodeCalendar(root)
        let policies = decodePolicies(root)
        let objective = decodeObjective(root)
        let rooms = decodeList(root, "rooms", kind: "room") { $0.decodeRoom($1, at: $2) }
        let routes = decodeList(root, "tourRoutes", kind: "tour route") { $0.decodeRoute($1, at: $2) }
        let staff = decodeList(root, "staff", kind: "staff member") { $0.decodeStaffMember($1, at: $2, calendar: calendar) }
        let caterers = decodeList(root, "caterers", kind: "caterer") { $0.decodeCaterer($1, at: $2) }
        let visits = decodeList(root, "visits", kind: "visit") { $0.decodeVisit($1, at: $2) }
        let hotels = decodeList(root, "hotels", kind: "hotel") { $0.decodeHotel($1, at: $2) }
        let horizon = decodeHorizon(root) ?? Self.derivedHorizon(visits: visits, now: now)
        let horizonDays = horizon.end.dayNumber - horizon.start.dayNumber + 1
        if horizonDays > InputLimits.horizonDays.upperBound {
            reader.report(root.has("horizon") ? root.path("horizon") : root.path("visits"),
                          "the horizon spans \(horizonDays) days; visitplan plans at most \(InputLimits.horizonDays.upperBound) days at once"
                          + (root.has("horizon") ? "" : " (the visits' windows set it: give a horizon, or check the windows' dates)"))
        }

        guard reader.issues.isEmpty else { return nil }
        return Scenario(name: name, now: now, horizon: horizon, calendar: calendar, policies: policies,
                        objective: objective, rooms: rooms, tourRoutes: routes, staff: staff,
                        caterers: caterers, visits: visits, hotels: hotels)
    }

    // MARK: Lists with ids

    /// Decodes each item of the list field `key`, then reports ids used twice (naming both positions).
    mutating func decodeList<Item: Identifiable>(
        _ root: FieldSet, _ key: String, kind: String,
        _ decodeItem: (inout ScenarioDecoder, DocumentValue, DocumentPath) -> Item?
    ) -> [Item] where Item.ID == String {
        guard let items = reader.list(root, key) else { return [] }
        let limit = key == "visits" ? InputLimits.visits : InputLimits.resourcesPerList
        guard items.count <= limit else {
            reader.report(root.path(key), "\(items.count) entries; visitplan takes at most \(limit) \(kind)s in one scenario")
            return []
        }
        var decoded: [Item] = []
        var firstPath: [String: DocumentPath] = [:]
        for (value, path) in items {
            if case .string(let id) = value["id"] {
                if let earlier = firstPath[id] {
                    reader.report(path + "id", "duplicate \(kind) id \"\(id)\" (also used by \(earlier))")
                } else {
                    firstPath[id] = path
                }
            }
            if let item = decodeItem(&self, value, path) { decoded.append(item) }
        }
        return decoded
    }

    /// Reports `name` at `path` when the scenario defines no such `what` (a service, a tier, ...).
    mutating func checkKnown(_ name: String, at path: DocumentPath, in names: Set<String>?, what: String) {
        guard let names, !names.contains(name) else { return }
        let listed = names.sorted().joined(separator: ", ")
        reader.report(path, "unknown \(what) \"\(name)\"\(Suggestion.hint(for: name, in: names.sorted())); the scenario knows \(listed)")
    }

    /// The `id` of an entry: required, non-empty text.
    mutating func id(_ set: FieldSet) -> String? {
        reader.string(set, "id", required: true)
    }

    /// Every text `id` in a list, whatever else is wrong with the entries.
    static func ids(in list: DocumentValue?) -> [String] {
        guard case .array(let items)? = list else { return [] }
        return items.compactMap { $0["id"]?.stringValue }
    }

    /// Reports `id` at `path` when it is not one of `known`, suggesting the closest.
    mutating func checkReference(_ id: String, at path: DocumentPath, in known: [String], what: String, listName: String) {
        guard !known.contains(id) else { return }
        if known.isEmpty {
            reader.report(path, "unknown \(what) \"\(id)\" (the scenario has no \(listName))")
        } else {
            reader.report(path, "unknown \(what) \"\(id)\"\(Suggestion.hint(for: id, in: known))")
        }
    }

    // MARK: Horizon and name

    mutating func decodeHorizon(_ root: FieldSet) -> Horizon? {
        guard let f = reader.fields(root, "horizon", known: ["start", "end"], what: "a horizon {start, end}") else { return nil }
        let start = reader.date(f, "start", required: true)
        let end = reader.date(f, "end", required: true)
        guard let start, let end else { return nil }
        guard end >= start else {
            reader.report(f.path, "end \(end) is before start \(start)")
            return nil
        }
        return Horizon(start: start, end: end)
    }

    /// No horizon given: the dates spanned by the visits' windows, else the date of `now`.
    static func derivedHorizon(visits: [Visit], now: LocalDateTime) -> Horizon {
        guard let first = visits.map(\.window.start.date).min(),
              let last = visits.map({ $0.window.end.adding(minutes: -1).date }).max() else {
            return Horizon(start: now.date, end: now.date)
        }
        return Horizon(start: first, end: max(first, last))
    }

    /// The file's base name without extension (`week-50` for `scenarios/week-50.yaml`).
    static func defaultName(file: String) -> String {
        let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return base.isEmpty ? "scenario" : base
    }
}
