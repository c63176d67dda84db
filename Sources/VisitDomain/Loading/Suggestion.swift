/// "Did you mean ...?" for misspelt field names, ids, roles and weekdays.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo: a case-only
    /// difference, a small edit distance for the word's length, or one word a prefix of the other.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (candidate: String, score: Int)?
        for candidate in candidates where candidate != word {
            let other = candidate.lowercased()
            var score: Int
            if other == lower {
                score = 0
            } else {
                let distance = editDistance(lower, other)
                let allowed = max(1, min(3, min(lower.count, other.count) / 3))
                if distance <= allowed {
                    score = distance
                } else if min(lower.count, other.count) >= 4 && (other.hasPrefix(lower) || lower.hasPrefix(other)) {
                    score = 4
                } else {
                    continue
                }
            }
            if best == nil || score < best!.score { best = (candidate, score) }
        }
        return best?.candidate
    }

    /// ` (did you mean "x"?)` or the empty string.
    static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Levenshtein distance, counting an adjacent transposition as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
