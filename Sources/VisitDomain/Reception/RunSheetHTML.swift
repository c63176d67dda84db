/// Run sheets as one printable HTML document, one page per visit (print CSS breaks the pages).
public struct RunSheetHTML: Sendable {
    public let sheets: [RunSheet]
    public let title: String

    /// Where the page's styles come from: nil puts them in the page (a file that stands alone);
    /// a URL links them (a server whose pages allow no inline styles serves `css` there).
    public let stylesheet: String?

    public init(_ sheets: [RunSheet], title: String, stylesheet: String? = nil) {
        self.sheets = sheets; self.title = title; self.stylesheet = stylesheet
    }

    /// The run sheets' styles, for the screen and for print (one page per visit).
    public static let css = """
        body { font: 11pt/1.4 system-ui, sans-serif; margin: 2em; color: #111; }
        section { max-width: 48em; margin-bottom: 3em; }
        h1 { font-size: 16pt; margin: 0 0 .2em; } p { margin: .2em 0; }
        table { border-collapse: collapse; width: 100%; margin-top: 1em; }
        th, td { text-align: left; vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #ccc; }
        td.time { white-space: nowrap; width: 7em; }
        tr.nda td { background: #fff3cd; }
        ul { margin: .2em 0; padding-left: 1.2em; }
        .boundary { margin-top: 1em; padding: .5em; border: 2px solid #b58100; }
        @media print { body { margin: 0; } section { page-break-after: always; margin: 0; } section:last-child { page-break-after: auto; } }

        """

    public func render() -> String {
        let styles = stylesheet.map { "<link rel=\"stylesheet\" href=\"\(Self.escape($0))\">" } ?? "<style>\n\(Self.css)</style>"
        var html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
        \(styles)
        </head><body>

        """
        for sheet in sheets { html += section(sheet) }
        html += "</body></html>\n"
        return html
    }

    private func section(_ sheet: RunSheet) -> String {
        let e = Self.escape
        var guests = "\(sheet.guests) guest\(sheet.guests == 1 ? "" : "s")"
        if let language = sheet.language { guests += ", language \(language)" }
        if let details = sheet.clientDetails { guests += "; \(details)" }
        if let contact = sheet.contact { guests += "; contact \(contact)" }
        var out = """
        <section id="\(e(sheet.visit))">
        <h1>\(e(sheet.visit)) \(e(sheet.client))</h1>
        <p>\(e(sheet.date.weekday.rawValue.capitalized)) \(e(sheet.date.description)) · \(e(guests))</p>
        \(sheet.purpose.map { "<p><strong>Purpose:</strong> \(e($0.words))</p>" } ?? "")
        \(sheet.guestList.isEmpty ? "" : "<p><strong>Guests:</strong> " + sheet.guestList.map { e($0.description) }.joined(separator: "; ") + "</p>")
        <p><strong>Host:</strong> \(e(sheet.host ?? "none")) meets the guests at <strong>\(e(sheet.meetingAt.timeOfDay.description))</strong>, \(e(sheet.meetingPlace))</p>
        <table><thead><tr><th>time</th><th>step</th><th>who</th></tr></thead><tbody>

        """
        for step in sheet.steps {
            let time = step.interval.start == step.interval.end ? step.interval.start.timeOfDay.description
                : "\(step.interval.start.timeOfDay)–\(step.interval.end.timeOfDay)"
            let notes = step.notes.isEmpty ? "" : "<ul>" + step.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            out += "<tr\(step.confidential ? " class=\"nda\"" : "")><td class=\"time\">\(e(time))</td><td><strong>\(step.confidential ? "NDA · " : "")\(e(step.title))</strong>"
                + (step.place.map { "<br>\(e($0))" } ?? "") + notes + "</td><td>" + step.owners.map(e).joined(separator: "<br>") + "</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if let boundary = sheet.confidentiality { out += "<p class=\"boundary\">\(e(boundary))</p>\n" }
        return out + "</section>\n"
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
