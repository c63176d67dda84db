import Hummingbird
import VisitDomain

/// iCalendar feeds a staff member subscribes to, rebuilt from every scenario's current plan:
///
/// - `GET /calendars/person/{staff id}.ics`: the person's duties (hosting, guiding, meetings).
/// - `GET /calendars/room/{room id}.ics`: the room's meetings.
///
/// `?scenario=ID` limits a feed to one scenario. Calendar apps cannot send headers, so these
/// routes also accept the token as `?token=TOKEN`.
struct CalendarRoutes {
    let services: ServerServices

    func add(to routes: RouteCollection<VisitRequestContext>) {
        routes.get("/person/:file") { request, context in
            try context.caller()
            return try await feed(.person(try Self.ownerID(context)), scenario: FormQuery(request).get("scenario"))
        }
        routes.get("/room/:file") { request, context in
            try context.caller()
            return try await feed(.room(try Self.ownerID(context)), scenario: FormQuery(request).get("scenario"))
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
        var title: String?
        for summary in try await store.scenarios() where filter == nil || summary.scenario.id == filter {
            guard let currentVersion = summary.currentPlanVersion else { continue }
            let rows = try await store.plans(scenarioId: summary.scenario.id)
            guard let current = rows.last, current.version == currentVersion else { continue }
            let scenario = try await store.scenarioVersion(id: summary.scenario.id, version: current.scenarioVersion).loadScenario()
            switch owner {
            case .person(let id):
                guard let person = scenario.staffMember(id) else { continue }
                title = title ?? "\(person.displayName): client visits"
            case .room(let id):
                guard scenario.room(id) != nil else { continue }
                title = title ?? "Room \(id): client visits"
            }
            let history = try rows.map { (row: $0, plan: try $0.decodedPlan()) }
            events += CalendarFeed(owner: owner, scenarioId: summary.scenario.id, scenario: scenario).events(history: history)
        }
        guard let title else {
            throw APIError.notFound("no current plan has a \(owner.kindName) \"\(owner.id)\"")
        }
        let text = ICSCalendar.render(title: title, events: events.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) })
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
        }
    }
}
