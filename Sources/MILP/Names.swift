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
