extension Room {
    /// The `capacity` of a room whose scenario entry gives none ("no constraint", FORMAT.md):
    /// `Int.max`. Compare against it; never add to it.
    public static let unlimitedCapacity = Int.max

    /// Whether the scenario left this room's capacity open.
    public var hasUnlimitedCapacity: Bool { capacity == Room.unlimitedCapacity }
}
