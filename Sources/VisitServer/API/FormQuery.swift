import Hummingbird

/// A request's query string read as HTML forms and calendar apps write it
/// (`application/x-www-form-urlencoded`): `+` is a space, `%2B` a plus sign. Hummingbird's
/// `queryParameters` keeps `+` as it is, so `?client=Northwind+Traders` found nothing.
struct FormQuery: Sendable {
    private var values: [(name: String, value: String)] = []

    init(_ request: Request) {
        for pair in (request.uri.query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            values.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// The first value of `name`.
    func get(_ name: String) -> String? { values.first { $0.name == name }?.value }
}
