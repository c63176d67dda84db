/// Number and list formatting for violation messages (checker-internal).
enum CheckFormat {
    /// 420.0 → "420", 12.5 → "12.5".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Sorted, comma-separated.
    static func list<S: Sequence>(_ items: S) -> String where S.Element == String { items.sorted().joined(separator: ", ") }

    /// "1 working day", "3 working days".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// "item 1 (tour)".
    static func item(_ index: Int, _ kind: AgendaKind) -> String { "item \(index) (\(kind.rawValue))" }
}
