extension Array {
    /// A copy whose storage holds exactly its elements. An array grown by appending keeps up to
    /// twice the room it needs; a model with a million columns, or a planning model with as many
    /// choices, trims its arrays once built (tens of MiB on a 400-visit week).
    public func withExactCapacity() -> [Element] {
        guard capacity > count else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(fromContentsOf: self)
            initialized = count
        }
    }
}
