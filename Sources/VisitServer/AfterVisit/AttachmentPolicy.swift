import Foundation

/// What files a visit may keep: photos (JPEG, PNG), minutes (PDF, plain text), at most
/// `maxBytes` each and `maxPerVisit` per visit. The type is checked against the bytes themselves
/// (a file's first bytes), never taken on trust from the upload, and a name is plain text.
enum AttachmentPolicy {
    /// Why a file is refused, in words for the uploader.
    struct Refusal: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    static let maxBytes = 10 << 20
    static let maxPerVisit = 50
    static let maxNameCharacters = 120

    /// The accepted types and how their bytes start.
    static let types: [(type: String, magic: [UInt8])] = [
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("application/pdf", Array("%PDF-".utf8)),
        ("text/plain", []),
    ]

    /// The content type `declared` (its parameters dropped) if `data` is such a file, else why not.
    static func check(declared: String?, data: Data, name: String) -> Result<String, Refusal> {
        let type = (declared ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let accepted = types.first(where: { $0.type == type }) else {
            let found = type.isEmpty ? "of no type" : "\"\(type)\""
            return .failure(Refusal("files may be \(types.map(\.type).joined(separator: ", ")); this one is \(found)"))
        }
        guard !data.isEmpty else { return .failure(Refusal("the file is empty")) }
        guard data.count <= maxBytes else { return .failure(Refusal("a file may have at most \(maxBytes >> 20) MiB; this one has \(data.count) bytes")) }
        if accepted.type == "text/plain" {
            guard String(data: data, encoding: .utf8) != nil, !data.contains(0) else { return .failure(Refusal("a text/plain file must be UTF-8 text")) }
        } else if !data.starts(with: accepted.magic) {
            return .failure(Refusal("the bytes are not a \(accepted.type) file"))
        }
        guard !name.isEmpty, name.count <= maxNameCharacters,
              !name.contains(where: { $0 == "/" || $0 == "\\" || $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) else {
            return .failure(Refusal("a file name is 1 to \(maxNameCharacters) characters, without slashes or control characters"))
        }
        return .success(accepted.type)
    }
}
