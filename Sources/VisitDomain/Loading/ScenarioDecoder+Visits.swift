import OrderedCollections

/// Visits and their agendas.
extension ScenarioDecoder {
    static let visitFields = ["id", "client", "headcount", "language", "requestedAt", "window", "preferredStart",
                              "priority", "ndaSigned", "dietary", "preferredHost", "agenda", "purpose", "guests", "meetingPoint", "owner",
                              "stay", "site"]

    mutating func decodeVisit(_ value: DocumentValue, at path: DocumentPath) -> Visit? {
        guard let f = reader.fields(value, at: path, known: Self.visitFields, what: "a visit") else { return nil }
        let id = id(f)
        let client = decodeClient(f)
        let headcount = reader.int(f, "headcount", required: true, in: InputLimits.headcount)
        let language = reader.string(f, "language")
        let requestedAt = reader.dateTime(f, "requestedAt", required: true)
        let window = decodeWindow(f)
        let preferredStart = reader.dateTime(f, "preferredStart")
        let priority = reader.int(f, "priority", in: InputLimits.priority)
        let ndaSigned = reader.bool(f, "ndaSigned") ?? false
        let dietary = decodeDietary(f, headcount: headcount)
        let preferredHost = reader.string(f, "preferredHost")
        if let preferredHost, !staffIDs.contains(preferredHost) {
            reader.report(f.path("preferredHost"),
                          "\"\(preferredHost)\" is not a staff member\(Suggestion.hint(for: preferredHost, in: staffIDs))")
        }
        let agenda = decodeAgenda(f)
        let cancelled = cancelledItems(f)
        let purpose = decodePurpose(f)
        let guests = decodeGuests(f, headcount: headcount)
        let meetingPoint = detail(f, "meetingPoint")
        let owner = detail(f, "owner")
        let stay = decodeStay(f, headcount: headcount)
        guard let id, let headcount, let requestedAt, let window, let agenda else { return nil }
        var visit = Visit(id: id, client: client, headcount: headcount, language: language, requestedAt: requestedAt,
                          window: window, preferredStart: preferredStart, priority: priority ?? 1, ndaSigned: ndaSigned,
                          dietary: dietary, preferredHost: preferredHost, agenda: agenda)
        visit.cancelledItems = cancelled
        visit.purpose = purpose
        visit.guests = guests
        visit.meetingPoint = meetingPoint
        visit.owner = owner
        visit.stay = stay
        visit.site = reader.string(f, "site")
        return visit
    }

    /// `purpose`: one of the procedure's purposes, with a hint for a near miss.
    mutating func decodePurpose(_ visit: FieldSet) -> VisitPurpose? {
        guard let text = reader.string(visit, "purpose") else { return nil }
        if let purpose = VisitPurpose(rawValue: text) { return purpose }
        let names = VisitPurpose.allCases.map(\.rawValue)
        reader.report(visit.path("purpose"), "unknown purpose \"\(text)\"\(Suggestion.hint(for: text, in: names)); use \(names.joined(separator: ", "))")
        return nil
    }

    /// `guests: [{name, title}]`: at most the headcount.
    mutating func decodeGuests(_ visit: FieldSet, headcount: Int?) -> [Guest] {
        guard let list = reader.list(visit, "guests") else { return [] }
        if let headcount, list.count > headcount {
            reader.report(visit.path("guests"), "\(list.count) guests named, more than the headcount (\(headcount))")
            return []
        }
        return list.compactMap { value, path in
            guard let f = reader.fields(value, at: path, known: ["name", "title"], what: "a guest {name, title}"),
                  let name = reader.string(f, "name", required: true) else { return nil }
            return Guest(name: checkedDetail(name, at: f.path("name")), title: detail(f, "title"))
        }
    }

    /// A free-text detail, at most `InputLimits.detailCharacters` long.
    mutating func detail(_ set: FieldSet, _ key: String) -> String? {
        reader.string(set, key).map { checkedDetail($0, at: set.path(key)) }
    }

    mutating func checkedDetail(_ text: String, at path: DocumentPath) -> String {
        if text.count > InputLimits.detailCharacters {
            reader.report(path, "\(text.count) characters, more than \(InputLimits.detailCharacters)")
        }
        return text
    }

    mutating func decodeClient(_ visit: FieldSet) -> Client {
        guard let f = reader.fields(visit, "client", known: ["name", "industry", "tier", "contact"], what: "a client") else {
            return Client()
        }
        return Client(name: reader.string(f, "name"), industry: reader.string(f, "industry"),
                      tier: tier(f), contact: reader.string(f, "contact"))
    }

    /// `{earliest, latest}`: both required, latest after earliest.
    mutating func decodeWindow(_ visit: FieldSet) -> TimeInterval? {
        guard let value = reader.value(visit, "window", required: true),
              let f = reader.fields(value, at: visit.path("window"), known: ["earliest", "latest"], what: "a window {earliest, latest}") else {
            return nil
        }
        let earliest = reader.dateTime(f, "earliest", required: true)
        let latest = reader.dateTime(f, "latest", required: true)
        guard let earliest, let latest else { return nil }
        guard latest > earliest else {
            reader.report(f.path, "latest \(latest) is not after earliest \(earliest)")
            return nil
        }
        return TimeInterval(start: earliest, end: latest)
    }

    /// `{vegetarian: 2, halal: 1}`: each count from 1 to the headcount.
    mutating func decodeDietary(_ visit: FieldSet, headcount: Int?) -> OrderedDictionary<String, Int> {
        var dietary = OrderedDictionary<String, Int>()
        for (restriction, value, path) in reader.entries(visit, "dietary") ?? [] {
            guard !restriction.isEmpty else { reader.report(path, "a dietary restriction name must not be empty"); continue }
            guard let count = reader.wholeNumber(value, at: path, in: Int.min...InputLimits.headcount.upperBound) else { continue }
            if count < 1 {
                reader.report(path, "must be at least 1 guest, found \(count) (leave out restrictions no guest has)")
            } else if let headcount, count > headcount {
                reader.report(path, "\(count) guests is more than the headcount (\(headcount))")
            } else {
                dietary[restriction] = count
            }
        }
        return dietary
    }

    /// The client's tier, checked against the tiers the scenario knows.
    mutating func tier(_ client: FieldSet) -> String? {
        let tier = reader.string(client, "tier")
        if let tier { checkKnown(tier, at: client.path("tier"), in: known?.tiers, what: "client tier") }
        return tier
    }

    mutating func decodeAgenda(_ visit: FieldSet) -> [AgendaItem]? {
        guard let items = reader.list(visit, "agenda", required: true) else { return nil }
        guard !items.isEmpty else {
            reader.report(visit.path("agenda"), "the agenda is empty; a visit needs at least one meeting, tour or meal")
            return nil
        }
        guard items.count <= InputLimits.agendaItems else {
            reader.report(visit.path("agenda"), "\(items.count) items; a visit's agenda has at most \(InputLimits.agendaItems)")
            return nil
        }
        let decoded = items.compactMap { agendaItem($0.value, at: $0.path) }
        return decoded.count == items.count ? decoded : nil
    }

    /// Indexes of agenda items marked `cancelled: true` (written by replanning; beyond FORMAT.md).
    mutating func cancelledItems(_ visit: FieldSet) -> Set<Int> {
        guard case .array(let items)? = visit["agenda"] else { return [] }
        var result = Set<Int>()
        for (index, item) in items.enumerated() {
            guard let flag = item["cancelled"], flag != .null else { continue }
            if reader.flag(flag, at: visit.path("agenda") + index + "cancelled") == true { result.insert(index) }
        }
        return result
    }

    mutating func agendaItem(_ value: DocumentValue, at path: DocumentPath) -> AgendaItem? {
        guard case .object = value else {
            reader.report(path, "expected an agenda item (a mapping with kind: meeting, tour or meal), found \(value.shortDescription)")
            return nil
        }
        let kinds = ["meeting", "tour", "meal"]
        let kindSet = FieldSet(fields: value.objectValue ?? [:], path: path)
        guard let kindText = reader.string(kindSet, "kind", required: true) else { return nil }
        guard let kind = AgendaKind(rawValue: kindText) else {
            reader.report(path + "kind", "unknown agenda item kind \"\(kindText)\"\(Suggestion.hint(for: kindText, in: kinds)); use meeting, tour or meal")
            return nil
        }
        switch kind {
        case .meeting: return meeting(value, at: path).map(AgendaItem.meeting)
        case .tour: return tour(value, at: path).map(AgendaItem.tour)
        case .meal: return meal(value, at: path).map(AgendaItem.meal)
        }
    }

    mutating func meeting(_ value: DocumentValue, at path: DocumentPath) -> Meeting? {
        guard let f = reader.fields(value, at: path, known: ["kind", "durationMinutes", "equipment", "confidential", "technical", "sales", "cancelled"],
                                    what: "a meeting") else { return nil }
        let duration = reader.duration(f, "durationMinutes", required: true, slot: slot)
        let equipment = reader.strings(f, "equipment") ?? []
        for (value, itemPath) in reader.list(f, "equipment") ?? [] {
            if let name = value.stringValue { checkKnown(name, at: itemPath, in: known?.equipment, what: "equipment") }
        }
        let confidential = reader.bool(f, "confidential") ?? false
        var technicalCount = 0
        var expertise: [String] = []
        if let technical = reader.fields(f, "technical", known: ["count", "expertise"], what: "technical staff {count, expertise}") {
            let count = technical["count"].flatMap { reader.wholeNumber($0, at: technical.path("count"), in: InputLimits.staffPerMeeting) }
            if let count, count < 0 { reader.report(technical.path("count"), "must not be negative, found \(count)") }
            expertise = reader.strings(technical, "expertise") ?? []
            if !expertise.isEmpty, technical["count"] == nil || (count ?? 1) <= 0 {
                reader.report(technical.path, "expertise [\(expertise.joined(separator: ", "))] is asked for but count is \(count ?? 0); "
                              + "set count to the number of technical staff (at least 1)")
            }
            technicalCount = max(0, count ?? 0)
        }
        let sales = reader.int(f, "sales", in: InputLimits.staffPerMeeting) ?? 0
        guard let duration else { return nil }
        return Meeting(durationMinutes: duration, equipment: Set(equipment), confidential: confidential,
                       technicalCount: technicalCount, technicalExpertise: Set(expertise), salesCount: sales)
    }

    mutating func tour(_ value: DocumentValue, at path: DocumentPath) -> Tour? {
        guard let f = reader.fields(value, at: path, known: ["kind", "routes", "durationMinutes", "cancelled"], what: "a tour") else { return nil }
        var routes: [String] = []
        if let items = reader.list(f, "routes", required: true) {
            if items.isEmpty { reader.report(f.path("routes"), "a tour needs at least one route to choose from") }
            for (value, itemPath) in items {
                guard let route = reader.text(value, at: itemPath, nonEmpty: true) else { continue }
                checkReference(route, at: itemPath, in: routeIDs, what: "tour route", listName: "tourRoutes")
                routes.append(route)
            }
        }
        let duration = reader.duration(f, "durationMinutes", required: false, slot: slot)
        return Tour(routes: routes, durationMinutes: duration)
    }

    mutating func meal(_ value: DocumentValue, at path: DocumentPath) -> Meal? {
        guard let f = reader.fields(value, at: path, known: ["kind", "service", "durationMinutes", "cancelled"], what: "a meal") else { return nil }
        let service = reader.string(f, "service", required: true)
        if let service { checkKnown(service, at: f.path("service"), in: known?.services, what: "meal service") }
        let duration = reader.duration(f, "durationMinutes", required: true, slot: slot)
        guard let service, let duration else { return nil }
        return Meal(service: service, durationMinutes: duration)
    }
}
