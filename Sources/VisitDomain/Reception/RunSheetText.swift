/// A run sheet as plain text (`visitplan runsheet --format text`).
public struct RunSheetText: Sendable {
    public let sheet: RunSheet
    public init(_ sheet: RunSheet) { self.sheet = sheet }

    public func render() -> String {
        var lines: [String] = []
        lines.append("Run sheet: \(sheet.visit) \(sheet.client), \(sheet.date.weekday.rawValue.capitalized) \(sheet.date)")
        var guests = "\(sheet.guests) guest\(sheet.guests == 1 ? "" : "s")"
        if let language = sheet.language { guests += ", language \(language)" }
        if let details = sheet.clientDetails { guests += "; \(details)" }
        if let contact = sheet.contact { guests += "; contact \(contact)" }
        lines.append(guests)
        if let purpose = sheet.purpose { lines.append("Purpose: \(purpose.words)") }
        if !sheet.guestList.isEmpty { lines.append("Guests: " + sheet.guestList.map(\.description).joined(separator: "; ")) }
        lines.append("Host: \(sheet.host ?? "none") meets the guests at \(sheet.meetingAt.timeOfDay), \(sheet.meetingPlace)")
        lines.append("")
        for step in sheet.steps {
            let time = step.interval.start == step.interval.end ? "\(step.interval.start.timeOfDay)      "
                : "\(step.interval.start.timeOfDay)–\(step.interval.end.timeOfDay)"
            var line = "\(time)  \(step.confidential ? "[NDA] " : "")\(step.title)"
            if let place = step.place { line += ", \(place)" }
            lines.append(line)
            if !step.owners.isEmpty { lines.append("             " + step.owners.joined(separator: "; ")) }
            for note in step.notes { lines.append("             " + note) }
        }
        if let boundary = sheet.confidentiality {
            lines.append("")
            lines.append(boundary)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
