/// An approved (or not) partner hotel where guests who stay overnight are booked (beyond
/// FORMAT.md: issue 14, "Accommodation"). Only approved hotels may be booked.
public struct Hotel: Sendable, Hashable, Identifiable {
    public var id: String
    /// The name a coordinator and the guests know ("Harbour Hotel"); nil: the id.
    public var name: String?
    /// Only approved (compliant) hotels may be booked.
    public var approved: Bool
    /// The kinds of room it offers, each with its price and how many it lets per night.
    public var roomTypes: [HotelRoomType]
    /// Nights (by the date of their evening) it takes no guests of the company.
    public var unavailable: Set<LocalDate>

    public init(id: String, name: String? = nil, approved: Bool = false, roomTypes: [HotelRoomType] = [],
                unavailable: Set<LocalDate> = []) {
        self.id = id; self.name = name; self.approved = approved; self.roomTypes = roomTypes; self.unavailable = unavailable
    }

    /// The room type `id` ("single", "double"), if the hotel offers it.
    public func roomType(_ id: String) -> HotelRoomType? { roomTypes.first { $0.id == id } }

    /// "Harbour Hotel" (or the id).
    public var displayName: String { name ?? id }
}

/// One kind of room a hotel offers: its price per room and night, and how many rooms of it the
/// hotel lets to the company on one night (all visits together).
public struct HotelRoomType: Sendable, Hashable, Identifiable {
    /// The kind, shared between hotels ("single", "double", "suite").
    public var id: String
    public var pricePerNight: Double
    public var roomsPerNight: Int

    public init(id: String, pricePerNight: Double, roomsPerNight: Int) {
        self.id = id; self.pricePerNight = pricePerNight; self.roomsPerNight = roomsPerNight
    }
}

/// A visit's overnight stay: how many rooms of which kind, and for which nights around the visit's
/// day. Nights are named by the date of their evening: the night of 2026-12-08 runs from that
/// evening to the morning of 2026-12-09. The nights follow the day the visit is planned on, so
/// the planner may still choose the day: `nightsBefore` nights end on the morning of the visit's
/// day, `nightsAfter` nights start on its evening.
public struct Stay: Sendable, Hashable {
    /// The kind of room ("double"), one some hotel offers.
    public var roomType: String
    public var nightsBefore: Int
    public var nightsAfter: Int
    /// A fixed number of rooms; nil: one room per `guestsPerRoom` guests of the headcount.
    public var rooms: Int?
    /// Guests sharing a room when `rooms` is not given (at least 1).
    public var guestsPerRoom: Int

    public init(roomType: String, nightsBefore: Int = 0, nightsAfter: Int = 0, rooms: Int? = nil, guestsPerRoom: Int = 1) {
        self.roomType = roomType; self.nightsBefore = nightsBefore; self.nightsAfter = nightsAfter
        self.rooms = rooms; self.guestsPerRoom = guestsPerRoom
    }

    /// The nights of a visit held on `day`, in order.
    public func nights(visitDay day: LocalDate) -> [LocalDate] {
        (-nightsBefore..<nightsAfter).map { day.adding(days: $0) }
    }

    /// Rooms for a visit of `headcount` guests: `rooms`, else headcount / guestsPerRoom rounded up.
    public func roomsNeeded(headcount: Int) -> Int {
        rooms ?? (headcount + max(1, guestsPerRoom) - 1) / max(1, guestsPerRoom)
    }
}
