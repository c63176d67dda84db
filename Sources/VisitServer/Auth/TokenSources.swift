import Foundation
import VisitDomain

/// Where tokens come from: a file (YAML or JSON), the environment, or tokens generated for a
/// first start and written to a file next to the database.
///
/// File:
/// ```yaml
/// tokens:
///   - {name: front-desk, role: coordinator, token: "3f9c...e1"}
///   - {role: host, person: li.wei, token: "a1b2...ff"}     # name defaults to the person
///   - {name: analyst, role: planner, token: "77aa...01"}
/// ```
/// Environment (`VISITPLAN_TOKENS`): entries separated by commas or white space, each
/// `ROLE[:NAME]=TOKEN`, where NAME is the staff id for a host:
/// `coordinator=3f9c...e1,host:li.wei=a1b2...ff,planner:analyst=77aa...01`; for a business token NAME
/// is also its person (`business:zhang.min=...`).
public enum TokenSources {
    /// Reads a token file.
    public static func load(file path: String) throws(TokenConfigurationError) -> TokenRegistry {
        let document: DocumentValue
        do { document = try DocumentValue.load(path: path) } catch { throw .unreadable(error.description) }
        return try decode(document, file: path)
    }

    /// Decodes `{tokens: [{token, role, name?, person?}]}`.
    static func decode(_ document: DocumentValue, file: String) throws(TokenConfigurationError) -> TokenRegistry {
        guard let list = document["tokens"]?.arrayValue else {
            throw .invalid(["\(file): expected a mapping with a list `tokens` of {token, role, name, person}"])
        }
        var problems: [String] = []
        var tokens: [AccessToken] = []
        for (index, entry) in list.enumerated() {
            let at = "\(file): tokens[\(index)]"
            guard let fields = entry.objectValue else { problems.append("\(at): expected {token, role, name, person}"); continue }
            for key in fields.keys where !["token", "role", "name", "person"].contains(key) {
                problems.append("\(at).\(key): unknown field; a token has token, role, name and person")
            }
            guard let token = entry["token"]?.stringValue else { problems.append("\(at).token: missing (quote it as text)"); continue }
            guard let roleName = entry["role"]?.stringValue, let role = Role(rawValue: roleName) else {
                problems.append("\(at).role: must be \(Role.listed)")
                continue
            }
            let person = entry["person"]?.stringValue
            let name = entry["name"]?.stringValue ?? person ?? role.rawValue
            tokens.append(AccessToken(token: token, identity: Identity(name: name, role: role, person: person)))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return try TokenRegistry(tokens)
    }

    /// Parses the `VISITPLAN_TOKENS` syntax.
    public static func parse(environment text: String) throws(TokenConfigurationError) -> TokenRegistry {
        var tokens: [AccessToken] = []
        var problems: [String] = []
        let entries = text.split(whereSeparator: { $0 == "," || $0.isWhitespace })
        for (index, entry) in entries.enumerated() {
            guard let equals = entry.firstIndex(of: "=") else {
                problems.append("VISITPLAN_TOKENS entry \(index + 1): expected ROLE[:NAME]=TOKEN")
                continue
            }
            let head = entry[..<equals].split(separator: ":", maxSplits: 1).map(String.init)
            guard let roleName = head.first, let role = Role(rawValue: roleName) else {
                problems.append("VISITPLAN_TOKENS entry \(index + 1): the role must be \(Role.listed)")
                continue
            }
            let name = head.count > 1 ? head[1] : nil
            let identity = Identity(name: name ?? role.rawValue, role: role, person: role == .host || role == .business ? name : nil)
            tokens.append(AccessToken(token: String(entry[entry.index(after: equals)...]), identity: identity))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return try TokenRegistry(tokens)
    }

    /// Fresh random tokens: a coordinator, a planner and one host token per staff id in `hosts`.
    public static func generate(hosts: [String]) -> [AccessToken] {
        var generator = SystemRandomNumberGenerator()
        func fresh() -> String {
            (0..<32).map { _ in String(UInt8.random(in: 0...15, using: &generator), radix: 16) }.joined()
        }
        return [AccessToken(token: fresh(), identity: Identity(name: "coordinator", role: .coordinator)),
                AccessToken(token: fresh(), identity: Identity(name: "planner", role: .planner))]
            + hosts.map { AccessToken(token: fresh(), identity: Identity(name: $0, role: .host, person: $0)) }
    }

    /// Writes tokens in the file format, readable by the owner only.
    public static func write(_ tokens: [AccessToken], to path: String) throws {
        var lines = ["# visitplan server tokens (generated). Keep this file private.", "tokens:"]
        for entry in tokens {
            let person = entry.identity.person.map { ", person: \(DocumentJSON.quoted($0))" } ?? ""
            lines.append("  - {name: \(DocumentJSON.quoted(entry.identity.name)), role: \(entry.identity.role.rawValue)\(person), "
                         + "token: \"\(entry.token)\"}")
        }
        let created = PrivateFile.create(path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        guard created else { throw TokenConfigurationError.unreadable("cannot write the token file \(path)") }
    }
}
