import Foundation

/// Where a store lives, as given to `serve --db`, `VISITPLAN_DB` or `store copy`: a file path or
/// `sqlite:FILE` for SQLite, `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (or `postgresql://`)
/// for PostgreSQL, with an optional `?sslmode=disable|prefer|require` (default `prefer`).
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads a `--db` value; the error names the value (its password hidden).
    public init(parsing text: String) throws(StoreLocationError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(try PostgresURL(parsing: trimmed))
        } else if trimmed.hasPrefix("sqlite:") {
            let path = String(trimmed.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw StoreLocationError(text, "sqlite: needs a file, as in sqlite:visitplan.sqlite") }
            self = .sqlite(path: path)
        } else if let scheme = trimmed.range(of: "://").map({ String(trimmed[..<$0.lowerBound]) }), !scheme.contains("/") {
            throw StoreLocationError(text, "\(scheme):// is not a store; use a file, sqlite:FILE or postgres://USER@HOST:PORT/DATABASE")
        } else {
            guard !trimmed.isEmpty else { throw StoreLocationError(text, "the database is empty; give a file or a postgres:// URL") }
            self = .sqlite(path: trimmed)
        }
    }

    /// The location for messages, with no password.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url.description
        }
    }
}

/// A PostgreSQL connection URL, taken apart.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted (`sslmode`).
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tlsMode: TLSMode

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String, tlsMode: TLSMode = .prefer) {
        self.user = user; self.password = password; self.host = host; self.port = port; self.database = database
        self.tlsMode = tlsMode
    }

    public init(parsing text: String) throws(StoreLocationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme) else {
            throw StoreLocationError(text, "not a URL of the form postgres://USER@HOST:PORT/DATABASE")
        }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw StoreLocationError(text, "the URL names no user: postgres://USER@HOST:PORT/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreLocationError(text, "the URL names no host: postgres://USER@HOST:PORT/DATABASE")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.isEmpty, !path.contains("/"), let database = path.removingPercentEncoding else {
            throw StoreLocationError(text, "the URL names no database (one path component): postgres://USER@HOST:PORT/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreLocationError(text, "the port must be from 1 to 65535") }
        var tlsMode = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw StoreLocationError(text, "sslmode must be disable, prefer or require")
                }
                tlsMode = mode
            default:
                throw StoreLocationError(text, "unknown option \"\(item.name)\"; the only option is sslmode")
            }
        }
        self.init(user: user, password: components.percentEncodedPassword.flatMap { $0.removingPercentEncoding },
                  host: host, port: port, database: database, tlsMode: tlsMode)
    }

    /// The URL without its password.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(user)@\(host):\(port)/\(database)" + (tlsMode == .prefer ? "" : "?sslmode=\(tlsMode.rawValue)")
    }
}

/// A `--db` value that names no store this program can open.
public struct StoreLocationError: Error, Sendable, CustomStringConvertible {
    /// The value as given, its password replaced by `***`.
    public var value: String
    public var reason: String

    init(_ value: String, _ reason: String) {
        self.value = Self.hidingPassword(value)
        self.reason = reason
    }

    public var description: String { "bad database \"\(value)\": \(reason)" }

    /// `scheme://user:secret@host` → `scheme://user:***@host`.
    static func hidingPassword(_ text: String) -> String {
        guard let start = text.range(of: "://"), let at = text[start.upperBound...].firstIndex(of: "@"),
              let colon = text[start.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
