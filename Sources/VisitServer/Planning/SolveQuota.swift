/// How many solves (plan runs, what-if studies, replans) one token may have running or waiting at
/// once. The solver threads are shared by everyone; without a quota one token could queue enough
/// work to keep every other user waiting. A request beyond the quota is refused with 429 at once,
/// before anything is stored.
final class SolveQuota: Sendable {
    /// The default: enough for a coordinator's plan run and a what-if side by side, with a replan.
    static let defaultPerToken = 3

    let perToken: Int
    /// What is counted, as the refusal names it: "solves running or waiting (plan runs, what-if
    /// studies, replans)" by default; the update streams keep a quota of their own.
    let counted: (one: String, many: String, detail: String)
    private let counts = LockedValue<[String: Int]>([:])

    init(perToken: Int = SolveQuota.defaultPerToken,
         counted: (one: String, many: String, detail: String) = ("solve", "solves", "running or waiting (plan runs, what-if studies, replans)")) {
        self.perToken = max(1, perToken); self.counted = counted
    }

    /// Takes one of `who`'s solves; release the claim when the solve has ended.
    func claim(for who: String) throws(APIError) -> SolveClaim {
        let taken = counts.update { counts -> Bool in
            guard counts[who, default: 0] < perToken else { return false }
            counts[who, default: 0] += 1
            return true
        }
        guard taken else {
            throw APIError(status: .tooManyRequests,
                           message: "\(who) already has \(perToken) \(perToken == 1 ? counted.one : counted.many) \(counted.detail); "
                               + "try again when one has finished")
        }
        return SolveClaim { [counts] in
            counts.update { counts in
                counts[who, default: 1] -= 1
                if counts[who] == 0 { counts[who] = nil }
            }
        }
    }

    /// Solves `who` holds now (for tests and logs).
    func inUse(by who: String) -> Int { counts.get()[who] ?? 0 }
}

/// One solve's place in a token's quota; `release()` gives it back (once, however often called).
final class SolveClaim: Sendable {
    private let onRelease: @Sendable () -> Void
    private let released = LockedValue(false)

    init(onRelease: @escaping @Sendable () -> Void) { self.onRelease = onRelease }

    /// A claim nobody released (a response body that never ran) gives its place back when it goes.
    deinit { release() }

    func release() {
        let first = released.update { released -> Bool in
            defer { released = true }
            return !released
        }
        if first { onRelease() }
    }
}
