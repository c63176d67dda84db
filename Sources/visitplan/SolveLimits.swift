import ArgumentParser

/// `--time-limit` and `--gap`, shared by `plan`, `replan`, `improve` and `whatif` (each with its own default
/// time limit), validated in one place.
struct SolveLimits: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Stop after this many seconds and use the best plan found (plan and whatif: 60 per plan; replan and improve: 20 for the whole search).",
                                            valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .long, help: ArgumentHelp("Stop when the relative gap between score and bound is below this (default 0.0001).", valueName: "fraction"))
    var gap: Double = 1e-4

    func validate() throws {
        try Self.validate(timeLimit: timeLimit)
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be between 0 and 1 (e.g. 0.01 for 1 %)") }
    }

    /// `--time-limit`, when given, is a positive number of seconds, at most a day (also for
    /// commands with a time limit and no gap, such as `options`).
    static func validate(timeLimit: Double?) throws {
        guard let timeLimit else { return }
        guard timeLimit > 0, timeLimit.isFinite, timeLimit <= 86_400 else {
            throw ValidationError("--time-limit must be a positive number of seconds, at most 86400 (a day)")
        }
    }

    /// The time limit given, else the command's default.
    func seconds(default fallback: Double) -> Double { timeLimit ?? fallback }
}
