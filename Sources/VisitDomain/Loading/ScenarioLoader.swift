/// Reads scenario files (YAML or JSON, FORMAT.md "Scenario") into a checked `Scenario`.
///
/// Every problem in a file is reported at once: `ScenarioError.invalid` lists each as
/// `FILE: PATH: MESSAGE`; `ScenarioError.unreadable` covers missing files and syntax errors.
/// Defaults are FORMAT.md's; nothing is silently corrected.
public enum ScenarioLoader {
    /// Loads the scenario in the file at `path` (format by extension, else sniffed).
    /// - Parameter defaultNow: the planning moment when the file has no `now` (default: the clock).
    public static func load(path: String, defaultNow: LocalDateTime? = nil) throws(ScenarioError) -> Scenario {
        try decode(DocumentValue.load(path: path), file: path, defaultNow: defaultNow)
    }

    /// Parses scenario text; `file` names it in errors and gives the default `name`.
    public static func parse(_ text: String, format: DocumentFormat, file: String,
                             defaultNow: LocalDateTime? = nil) throws(ScenarioError) -> Scenario {
        try decode(DocumentValue.parse(text, format: format, file: file), file: file, defaultNow: defaultNow)
    }

    /// Decodes and validates a document tree (for example one a what-if variant has edited).
    public static func decode(_ value: DocumentValue, file: String,
                              defaultNow: LocalDateTime? = nil) throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder(file: file, defaultNow: defaultNow ?? .currentLocal())
        let scenario = decoder.decode(value)
        guard let scenario, decoder.reader.issues.isEmpty else { throw .invalid(decoder.reader.issues) }
        return scenario
    }

    /// Decodes one visit written as in a scenario's `visits` (as a change event's `addVisit`
    /// carries it), checked against `scenario`: its slot grid, tour routes and staff.
    /// - Parameter path: where the visit sits in `file`, for messages (`[3].visit`).
    public static func decodeVisit(_ value: DocumentValue, file: String, path: DocumentPath,
                                   in scenario: Scenario) throws(ScenarioError) -> Visit {
        var decoder = ScenarioDecoder(file: file, defaultNow: scenario.now)
        decoder.slot = scenario.calendar.slotMinutes
        decoder.routeIDs = scenario.tourRoutes.map(\.id)
        decoder.staffIDs = scenario.staff.map(\.id)
        decoder.known = KnownNames(scenario: scenario)
        let visit = decoder.decodeVisit(value, at: path)
        guard let visit, decoder.reader.issues.isEmpty else { throw .invalid(decoder.reader.issues) }
        return visit
    }
}
