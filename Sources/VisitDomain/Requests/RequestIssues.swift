/// Field paths of one entry's problems: the scenario decoder names a request's fields as
/// `visits[12].window.latest` (a room's as `rooms[2].capacity`); the person who wrote the entry
/// reads `window.latest`.
enum RequestIssues {
    /// `path` without its `visits[index]` prefix (`""` for the visit itself); nil when the path
    /// is about something else.
    static func visitPath(_ path: String, index: Int) -> String? {
        entryPath(path, list: "visits", index: index)
    }

    /// `path` without its `list[index]` prefix; nil when the path is about something else.
    static func entryPath(_ path: String, list: String, index: Int) -> String? {
        let prefix = "\(list)[\(index)]"
        guard path.hasPrefix(prefix) else { return nil }
        let rest = path.dropFirst(prefix.count)
        if rest.isEmpty { return "" }
        if rest.hasPrefix(".") { return String(rest.dropFirst()) }
        return nil   // visits[12] vs visits[123]
    }
}
