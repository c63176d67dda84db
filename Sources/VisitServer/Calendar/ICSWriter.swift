import Foundation
import VisitDomain

/// Writes iCalendar text (RFC 5545): content lines end in CRLF, TEXT values escape `\`, `;`, `,`
/// and newlines, and lines longer than 75 octets are folded (CRLF and a space) without splitting
/// a UTF-8 character.
struct ICSWriter {
    private(set) var lines: [String] = []

    /// Adds `NAME:VALUE`; `value` is escaped as TEXT unless `raw` (dates, numbers, fixed words).
    mutating func add(_ name: String, _ value: String, raw: Bool = false) {
        lines.append("\(name):\(raw ? value : Self.escape(value))")
    }

    /// The whole text, folded, with CRLF line ends.
    var text: String { lines.map(Self.fold).joined(separator: "\r\n") + "\r\n" }

    /// RFC 5545 §3.3.11 TEXT escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: continue   // controls are not allowed in TEXT
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// RFC 5545 §3.1 folding: at most 75 octets per physical line, continuation lines start with a
    /// space (which counts toward their 75), breaks fall between Unicode scalars.
    static func fold(_ line: String) -> String {
        var out = ""
        var used = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > 75 {
                out += "\r\n "
                used = 1
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }

    /// A floating local date-time (`20261208T093000`): times are the site's own, without zone.
    static func localDateTime(_ time: LocalDateTime) -> String {
        let c = time.date.civil
        return String(format: "%04d%02d%02dT%02d%02d00", c.year, c.month, c.day, time.minuteOfDay / 60, time.minuteOfDay % 60)
    }

    /// A UTC date-time (`20261204T165912Z`) from a stored ISO 8601 timestamp.
    static func utcDateTime(iso8601 text: String) -> String? {
        guard let date = try? Date(text, strategy: .iso8601) else { return nil }
        let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
