/// Makes user-given names safe for GLPK and for the files it writes.
///
/// GLPK aborts on names longer than 255 characters, and CPLEX LP / free MPS files need
/// names without spaces or operators, not starting with a digit or a period, and unique
/// within columns and within rows. Names here are plain ASCII: letters, digits and `_.()~#@{}!?|,`;
/// every other character becomes `_` (`[` and `]` become `(` and `)`).
enum Names {
    /// GLPK's limit on symbolic names, in characters (all ASCII after sanitising).
    static let maximumLength = 255

    private static let allowedPunctuation: Set<Character> = ["_", ".", "(", ")", "~", "#", "@", "{", "}", "!", "?", "|", ","]

    /// Words an LP reader may take as section keywords when they start a line.
    private static let lpKeywords: Set<String> = [
        "st", "s.t.", "st.", "subject", "such", "minimize", "maximize", "minimise", "maximise",
        "min", "max", "minimum", "maximum", "bound", "bounds", "general", "generals", "gen",
        "integer", "integers", "int", "binary", "binaries", "bin", "end", "free", "inf", "infinity",
    ]

    /// `raw` made valid for GLPK and LP files, or `fallback` when `raw` is empty.
    static func sanitized(_ raw: String, fallback: String) -> String {
        if let name = sanitizedASCII(raw) { return name }
        var name = ""
        for character in raw {
            if character.isASCII, character.isLetter || character.isNumber || allowedPunctuation.contains(character) {
                name.append(character)
            } else if character == "[" {
                name.append("(")
            } else if character == "]" {
                name.append(")")
            } else {
                name.append("_")
            }
        }
        if name.isEmpty {
            name = fallback
        }
        if let first = name.first, first.isNumber || first == "." || lpKeywords.contains(name.lowercased()) {
            name = "_" + name
        }
        return String(name.prefix(maximumLength))
    }

    /// The same result as `sanitized` for a non-empty name of printable ASCII characters (the usual
    /// case), computed on bytes; nil for any other name.
    private static func sanitizedASCII(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count + 1)
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                bytes.append(byte)
            case UInt8(ascii: "["): bytes.append(UInt8(ascii: "("))
            case UInt8(ascii: "]"): bytes.append(UInt8(ascii: ")"))
            case _ where allowedPunctuationBytes.contains(byte): bytes.append(byte)
            // Other printable ASCII: neither letter nor number, so "_" as in `sanitized`.
            case 0x20...0x7E: bytes.append(UInt8(ascii: "_"))
            default: return nil
            }
        }
        guard let first = bytes.first else { return nil }
        let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        if isDigit || first == UInt8(ascii: ".") {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        } else if bytes.count <= longestKeyword, lpKeywords.contains(String(decoding: bytes, as: UTF8.self).lowercased()) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        return String(decoding: bytes.prefix(maximumLength), as: UTF8.self)
    }

    private static let allowedPunctuationBytes: Set<UInt8> = Set(allowedPunctuation.compactMap(\.asciiValue))
    private static let longestKeyword = lpKeywords.map(\.count).max() ?? 0

    /// `base`, or `base` with a `~index` suffix (and a counter if needed), so that it is not in `taken`.
    static func unique(_ base: String, index: Int, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var attempt = 0
        while true {
            let suffix = attempt == 0 ? "~\(index)" : "~\(index)~\(attempt)"
            let candidate = String(base.prefix(maximumLength - suffix.count)) + suffix
            if !taken.contains(candidate) {
                return candidate
            }
            attempt += 1
        }
    }
}
