import Hummingbird
import VisitDomain

/// iCalendar feeds a staff member subscribes to, rebuilt from every scenario's current plan:
///
/// - `GET /calendars/person/{staff id}.ics`: the person's duties (hosting, guiding, meetings).
/// - `GET /calendars/room/{room id}.ics`: the room's meetings.
/// - `GET /calendars/caterer/{caterer id}.ics`: the caterer's orders (what to cook, no prices).
///
/// `?scenario=ID` limits a feed to one scenario. A host token reads its own person feed only. Calendar apps cannot send headers, so these
/// routes also accept the token as `?token=TOKEN`.
struct CalendarRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        routes.get("/person/:file") { request, context in
            let owner = FeedOwner.person(try Self.ownerID(context))
            try Self.mayRead(owner, context.caller())
            return try await feed(owner, scenario: FormQuery(request).get("scenario"))
        }
        routes.get("/room/:file") { request, context in
            let owner = FeedOwner.room(try Self.ownerID(context))
            try Self.mayRead(owner, context.caller())
            return try await feed(owner, scenario: FormQuery(request).get("scenario"))
        }
        routes.get("/caterer/:file") { request, context in
            let owner = FeedOwner.caterer(try Self.ownerID(context))
            try Self.mayRead(owner, context.caller())
            return try await feed(owner, scenario: FormQuery(request).get("scenario"))
        }
    }

    /// Feeds carry the client details of every visit in them (contacts, guests, dietary counts): a
    /// host reads their own feed only, as the API shows them those details of their own visits only.
    /// Business and logistics tokens read no feed: each carries the client details of all its visits.
    static func mayRead(_ owner: FeedOwner, _ identity: Identity) throws(APIError) {
        if identity.role == .business || identity.role == .logistics {
            throw .forbidden("a \(identity.role.rawValue) token reads no calendar feed: feeds carry clients' contacts; use the page")
        }
        guard identity.role == .host else { return }
        guard case .person(let id) = owner, id == identity.person else {
            throw .forbidden("a host token reads its own calendar feed only (/calendars/person/\(identity.person ?? "ID").ics)")
        }
    }

    /// `li.wei` from `li.wei.ics`; anything else is not a feed.
    static func ownerID(_ context: VisitRequestContext) throws -> String {
        let file = try context.parameters.require("file")
        guard file.hasSuffix(".ics"), file.count > 4 else { throw APIError.notFound("calendar feeds end in .ics") }
        return String(file.dropLast(4))
    }

    private func feed(_ owner: FeedOwner, scenario filter: String?) async throws -> Response {
        let store = services.store
        var events: [FeedEvent] = []
        var todos: [FeedTodo] = []
        var title: String?
        for summary in try await store.scenarios() where filter == nil || summary.scenario.id == filter {
            guard let currentVersion = summary.currentPlanVersion else { continue }
            let current = try await store.plan(scenarioId: summary.scenario.id, version: currentVersion)
            let scenario = try await store.scenarioVersion(id: summary.scenario.id, version: current.scenarioVersion).loadScenario()
            switch owner {
            case .person(let id):
                guard let person = scenario.staffMember(id) else { continue }
                title = title ?? "\(person.displayName): client visits"
            case .room(let id):
                guard scenario.room(id) != nil else { continue }
                title = title ?? "Room \(id): client visits"
            case .caterer(let id):
                guard scenario.caterer(id) != nil else { continue }
                title = title ?? "Caterer \(id): orders"
            }
            // Only the plan versions this feed has not folded yet are read (all of them the first time).
            let key = FeedHistoryCache.Key(scenarioId: summary.scenario.id, owner: owner)
            var history = await services.feeds.history(key) ?? FeedHistory()
            let feed = CalendarFeed(owner: owner, scenarioId: summary.scenario.id, scenario: scenario)
            if (history.version ?? 0) < currentVersion {
                for row in try await store.plans(scenarioId: summary.scenario.id, after: history.version ?? 0) {
                    history.add(feed.entries(in: try row.decodedPlan()), version: row.version, createdAt: row.createdAt)
                }
                await services.feeds.store(history, for: key)
            }
            let zone = scenario.calendar.timeZone ?? services.siteTimeZone
            if case .person(let id) = owner {
                let plan = try current.decodedPlan()
                let records = try await store.records(scenarioId: summary.scenario.id, visitId: nil).map(VisitFiles.record)
                todos += FeedTodos.of(person: id, scenarioId: summary.scenario.id, scenario: scenario, plan: plan, records: records,
                                      now: services.now(for: scenario)).map { todo in
                    var zoned = todo
                    zoned.timeZone = zone
                    return zoned
                }
            }
            events += history.current.map { event in
                var zoned = event
                zoned.timeZone = zone
                return zoned
            }
        }
        guard let title else {
            throw APIError.notFound("no current plan has a \(owner.kindName) \"\(owner.id)\"")
        }
        let text = ICSCalendar.render(title: title, events: events.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) },
                                      todos: todos.sorted { ($0.overdue ? 0 : 1, $0.due, $0.uid) < ($1.overdue ? 0 : 1, $1.due, $1.uid) },
                                      stamp: StoreRules.timestamp(services.clock()))
        return Response(status: .ok,
                        headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension FeedOwner {
    var kindName: String {
        switch self {
        case .person: "staff member"
        case .room: "room"
        case .caterer: "caterer"
        }
    }
}
