/// Partner hotels and a visit's overnight stay (beyond FORMAT.md: issue 14, "Accommodation").
extension ScenarioDecoder {
    /// `{id, name, approved, roomTypes: [{id, pricePerNight, roomsPerNight}], unavailable: [dates]}`.
    mutating func decodeHotel(_ value: DocumentValue, at path: DocumentPath) -> Hotel? {
        guard let f = reader.fields(value, at: path, known: ["id", "name", "approved", "roomTypes", "unavailable"],
                                    what: "a hotel") else { return nil }
        let id = id(f)
        let name = reader.string(f, "name")
        let approved = reader.bool(f, "approved") ?? false
        var roomTypes: [HotelRoomType] = []
        var firstPath: [String: DocumentPath] = [:]
        for (value, typePath) in reader.list(f, "roomTypes") ?? [] {
            guard let type = hotelRoomType(value, at: typePath) else { continue }
            if let earlier = firstPath[type.id] {
                reader.report(typePath + "id", "duplicate room type \"\(type.id)\" in this hotel (also at \(earlier))")
                continue
            }
            firstPath[type.id] = typePath
            roomTypes.append(type)
        }
        let nights = reader.list(f, "unavailable").map { $0.compactMap { reader.date($0.value, at: $0.path) } } ?? []
        guard let id else { return nil }
        return Hotel(id: id, name: name, approved: approved, roomTypes: roomTypes, unavailable: Set(nights))
    }

    /// `{id: double, pricePerNight: 180, roomsPerNight: 6}`: all three required.
    mutating func hotelRoomType(_ value: DocumentValue, at path: DocumentPath) -> HotelRoomType? {
        guard let f = reader.fields(value, at: path, known: ["id", "pricePerNight", "roomsPerNight"],
                                    what: "a room type {id, pricePerNight, roomsPerNight}") else { return nil }
        let id = id(f)
        let price = reader.double(f, "pricePerNight", required: true, in: InputLimits.money)
        let rooms = reader.int(f, "roomsPerNight", required: true, in: InputLimits.roomsPerNight)
        guard let id, let price, let rooms else { return nil }
        return HotelRoomType(id: id, pricePerNight: price, roomsPerNight: rooms)
    }

    /// A visit's `stay: {roomType, nightsBefore, nightsAfter, rooms | guestsPerRoom}`: a room type
    /// some hotel offers (or one with a budget), at least one night, and rooms given either as a
    /// number (at most the headcount) or as guests per room.
    mutating func decodeStay(_ visit: FieldSet, headcount: Int?) -> Stay? {
        guard let f = reader.fields(visit, "stay", known: ["roomType", "nightsBefore", "nightsAfter", "rooms", "guestsPerRoom"],
                                    what: "a stay {roomType, nightsBefore, nightsAfter, rooms}") else { return nil }
        let roomType = reader.string(f, "roomType", required: true)
        if let roomType { checkRoomType(roomType, at: f.path("roomType")) }
        let before = reader.int(f, "nightsBefore", in: InputLimits.stayNights)
        let after = reader.int(f, "nightsAfter", in: InputLimits.stayNights)
        let rooms = reader.int(f, "rooms", in: InputLimits.stayRooms)
        let guestsPerRoom = reader.int(f, "guestsPerRoom", in: InputLimits.stayRooms)
        let nightsRead = (!f.has("nightsBefore") || before != nil) && (!f.has("nightsAfter") || after != nil)
        if nightsRead, (before ?? 0) + (after ?? 0) == 0 {
            reader.report(f.path, "a stay needs at least one night: set nightsBefore (nights before the visit's day) or nightsAfter (from its evening)")
        }
        if f.has("rooms"), f.has("guestsPerRoom") {
            reader.report(f.path("guestsPerRoom"), "give either rooms (a fixed number) or guestsPerRoom (rooms follow the headcount), not both")
        }
        if let rooms, let headcount, rooms > headcount {
            reader.report(f.path("rooms"), "\(rooms) rooms is more than the headcount (\(headcount))")
        }
        guard let roomType, nightsRead else { return nil }
        return Stay(roomType: roomType, nightsBefore: before ?? 0, nightsAfter: after ?? 0, rooms: rooms, guestsPerRoom: guestsPerRoom ?? 1)
    }

    /// Reports a room type no hotel offers and no budget names, with a hint.
    mutating func checkRoomType(_ name: String, at path: DocumentPath) {
        guard let names = known?.roomTypes, !names.contains(name) else { return }
        if names.isEmpty {
            reader.report(path, "unknown room type \"\(name)\" (the scenario has no hotels offering rooms)")
        } else {
            checkKnown(name, at: path, in: names, what: "room type")
        }
    }
}
