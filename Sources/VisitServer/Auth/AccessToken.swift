/// A bearer token and the identity it stands for.
public struct AccessToken: Sendable, Hashable {
    public var token: String
    public var identity: Identity

    public init(token: String, identity: Identity) {
        self.token = token; self.identity = identity
    }

    /// Tokens shorter than this are refused: they could be guessed.
    public static let minimumLength = 16
}

/// The tokens the server accepts. Lookup compares the presented token with every known token in
/// constant time, so response timing reveals nothing about how much of a token was right.
public struct TokenRegistry: Sendable {
    public let tokens: [AccessToken]

    /// Checks the list: every token long enough, printable, unique; every host tied to a person.
    public init(_ tokens: [AccessToken]) throws(TokenConfigurationError) {
        var problems: [String] = []
        var seen = Set<String>()
        for (index, entry) in tokens.enumerated() {
            let label = "token \(index + 1) (\(entry.identity.name))"
            if entry.token.utf8.count < AccessToken.minimumLength {
                problems.append("\(label): must be at least \(AccessToken.minimumLength) characters long")
            }
            if entry.token.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
                problems.append("\(label): only printable ASCII without spaces is allowed")
            }
            if !seen.insert(entry.token).inserted { problems.append("\(label): the same token is listed twice") }
            if entry.identity.role == .host, (entry.identity.person ?? "").isEmpty {
                problems.append("\(label): a host token needs the staff id of the host (person)")
            }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        self.tokens = tokens
    }

    /// The identity of `presented`, or nil when no token matches.
    public func identify(_ presented: String) -> Identity? {
        let bytes = Array(presented.utf8)
        var match: Identity?
        for entry in tokens where Self.constantTimeEqual(Array(entry.token.utf8), bytes) {
            match = entry.identity
        }
        return match
    }

    /// Equal byte strings, in time that depends only on the lengths, never on where they differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(a.count ^ b.count)
        let length = max(a.count, b.count)
        for i in 0..<length {
            let x = a.isEmpty ? 0 : a[i % a.count]
            let y = b.isEmpty ? 0 : b[i % b.count]
            difference |= UInt(x ^ y)
        }
        return difference == 0
    }
}

/// Why the token configuration was refused.
public enum TokenConfigurationError: Error, Sendable, CustomStringConvertible {
    case unreadable(String)
    case invalid([String])

    public var description: String {
        switch self {
        case .unreadable(let reason): reason
        case .invalid(let problems): (["the token configuration has problems:"] + problems.map { "  - \($0)" }).joined(separator: "\n")
        }
    }
}
