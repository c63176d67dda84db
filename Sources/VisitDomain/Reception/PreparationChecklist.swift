/// What must be ready before a visit, with an owner and a due time each (issue 15): generated from
/// the plan and the procedure. Information confirmed with the client and materials prepared (the
/// host), demo equipment tested (the IT person on call), rooms and tour content ready, menus
/// confirmed against the dietary needs before the caterer's lead time, and the NDA signed before
/// any confidential item. Due times count working days back from the visit's date (the end of
/// working hours on that day); a task whose due time passed before the visit was even requested
/// (an urgent visit) is due as soon as possible, at the request.
public struct PreparationChecklist: Sendable, Hashable {
    /// One task.
    public struct Task: Sendable, Hashable {
        /// Stable within the visit ("confirm", "materials", "equipment-0", "menu-2", ...).
        public var key: String
        public var title: String
        /// A person's name, a caterer, or "coordinator".
        public var owner: String
        public var due: LocalDateTime
        /// Known done from the scenario alone (an NDA already signed).
        public var done: Bool
        /// The owner's staff id, when a staff member owns it (their feed lists it).
        public var ownerId: String? = nil
    }

    public var visit: String
    /// By due time, then key.
    public var tasks: [Task]

    /// The checklist of visit `id`, or nil when the plan does not schedule it.
    public init?(scenario: Scenario, plan: Plan, visit id: String, onCall: ITOnCall? = nil) {
        guard let visit = scenario.visit(id), let planned = plan.visit(id), planned.scheduled, let start = planned.start else { return nil }
        let onCall = onCall ?? ITOnCall(scenario: scenario, plan: plan)
        func name(_ person: String) -> String { scenario.staffMember(person)?.displayName ?? person }
        let host = planned.host.map(name) ?? "coordinator"
        let hours = scenario.calendar.workingHours
        /// The end of the working day `days` working days before the visit's date, not before the request.
        func workingDaysBefore(_ days: Int) -> LocalDateTime {
            var date = start.date
            var left = days
            var guardDays = 0
            while left > 0, guardDays < 400 {
                date = date.adding(days: -1)
                guardDays += 1
                if scenario.calendar.isWorkingDay(date) { left -= 1 }
            }
            let due = LocalDateTime(date: date, minuteOfDay: hours.end.minutes)
            return max(min(due, start), visit.requestedAt)
        }
        var tasks: [Task] = []
        let guests = "\(visit.headcount) guests" + (visit.dietary.isEmpty ? "" : ", dietary needs")
        tasks.append(Task(key: "confirm", title: "Confirm the agenda, arrival time and \(guests) with \(visit.client.contact ?? "the client")",
                          owner: host, due: workingDaysBefore(3), done: false))
        tasks.append(Task(key: "materials", title: "Prepare the materials: brochures, product manuals" + (visit.client.tier.map { $0 == "standard" ? "" : ", a gift for a \($0) client" } ?? ""),
                          owner: host, due: workingDaysBefore(2), done: false))
        var confidential = false
        for (position, item) in (planned.items ?? []).enumerated() {
            let index = item.agendaIndex ?? position
            guard visit.agenda.indices.contains(index) else { continue }
            switch visit.agenda[index] {
            case .meeting(let meeting):
                confidential = confidential || meeting.confidential
                if let room = item.room {
                    tasks.append(Task(key: "room-\(index)", title: "Room \(room) ready at \(item.start.timeOfDay) for \(scenario.peopleInRoom(visit, meeting)) people",
                                      owner: "coordinator", due: workingDaysBefore(1), done: false))
                }
                if !meeting.equipment.isEmpty {
                    let person = onCall.shifts[ItemKey(visit: id, agendaIndex: index)]?.first?.person
                    tasks.append(Task(key: "equipment-\(index)", title: "Test the \(meeting.equipment.sorted().joined(separator: ", "))" + (item.room.map { " in room \($0)" } ?? ""),
                                      owner: person.map(name) ?? "coordinator", due: workingDaysBefore(1), done: false))
                }
            case .tour:
                let route = item.route.flatMap(scenario.route)
                confidential = confidential || route?.confidential == true
                tasks.append(Task(key: "tour-\(index)", title: "Content of \(item.route ?? "the tour") ready; brief the guides on the client's industry",
                                  owner: item.guides?.first.map(name) ?? "coordinator", due: workingDaysBefore(1), done: false))
            case .meal:
                let order = MealOrder(visit: visit, diners: item.diners ?? scenario.diners(visit))
                let lead = item.caterer.flatMap(scenario.caterer)?.leadTimeHours ?? 24
                let due = max(min(item.start.adding(minutes: -lead * 60), workingDaysBefore(1)), visit.requestedAt)
                tasks.append(Task(key: "menu-\(index)", title: "Confirm the menu with \(item.caterer ?? "the caterer"): \(order)",
                                  owner: host, due: due, done: false))
            }
        }
        if confidential {
            tasks.append(Task(key: "nda", title: "NDA signed before the confidential items", owner: host,
                              due: workingDaysBefore(1), done: visit.ndaSigned))
        }
        if let booking = planned.booking {
            let nights = booking.nights.map(\.description).joined(separator: ", ")
            tasks.append(Task(key: "hotel", title: "Hotel booked: \(booking.rooms) \(booking.roomType) room\(booking.rooms == 1 ? "" : "s") at \(scenario.hotel(booking.hotel)?.name ?? booking.hotel), nights \(nights); room type confirmed, vouchers kept",
                              owner: "coordinator", due: workingDaysBefore(2), done: false))
        }
        // Whose feed each task belongs in: the host's, the IT person's on call, the tour's first guide's.
        for index in tasks.indices {
            let key = tasks[index].key
            if ["confirm", "materials", "nda"].contains(key) || key.hasPrefix("menu-") {
                tasks[index].ownerId = planned.host
            } else if key.hasPrefix("equipment-"), let agenda = Int(key.dropFirst("equipment-".count)) {
                tasks[index].ownerId = onCall.shifts[ItemKey(visit: id, agendaIndex: agenda)]?.first?.person
            } else if key.hasPrefix("tour-"), let agenda = Int(key.dropFirst("tour-".count)) {
                tasks[index].ownerId = (planned.items ?? []).first { $0.agendaIndex == agenda }?.guides?.first
            }
        }
        self.visit = id
        self.tasks = tasks.sorted { ($0.due, $0.key) < ($1.due, $1.key) }
    }

    /// Tasks not done whose due time is before `now`.
    public func overdue(at now: LocalDateTime) -> [Task] { tasks.filter { !$0.done && $0.due < now } }

    /// The checklist as text, with overdue tasks marked against `now`.
    public func text(now: LocalDateTime) -> String {
        var lines = ["Preparation: \(visit)"]
        for task in tasks {
            let mark = task.done ? "[x]" : task.due < now ? "[!]" : "[ ]"
            lines.append("  \(mark) \(task.due.date) \(task.due.timeOfDay)  \(task.title) (\(task.owner))" + (!task.done && task.due < now ? " OVERDUE" : ""))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
