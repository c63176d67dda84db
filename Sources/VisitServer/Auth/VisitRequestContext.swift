import Hummingbird

/// The request context of the visitplan server: Hummingbird's core storage plus the identity the
/// auth middleware found for the request's token.
public struct VisitRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware`; nil on routes that need no token (the static page).
    public var identity: Identity?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
    }

    /// Bodies Hummingbird decodes itself are capped at 1 MiB; routes that read bodies by hand
    /// apply their own limits (`RequestBodyLimit`).
    public var maxUploadSize: Int { 1 << 20 }

    /// The caller, when their role is one of `roles`; otherwise 403 (or 401 with no identity).
    @discardableResult
    func require(_ roles: Role..., toDo action: String) throws(APIError) -> Identity {
        guard let identity else { throw .unauthorized }
        guard roles.contains(identity.role) else {
            throw .forbidden("a \(identity.role.rawValue) token may not \(action); this needs "
                             + roles.map(\.rawValue).joined(separator: " or "))
        }
        return identity
    }

    /// The caller, whatever their role.
    @discardableResult
    func caller() throws(APIError) -> Identity {
        guard let identity else { throw .unauthorized }
        return identity
    }
}
