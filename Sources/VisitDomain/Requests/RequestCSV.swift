import SwiftCSV

/// Visit requests exported from a CRM or a spreadsheet (README "Importing requests from CSV"): a
/// header row naming documented columns in any order, then one request per row. Each row becomes
/// a request document (`VisitRequestReader`) and is checked as one, so a row's problems are a
/// request's, named by row and column: `row 3, column latest: 2026-12-08T08:00 is not after ...`.
/// Rows are numbered as a spreadsheet shows them: the header is row 1.
public enum RequestCSV {
    /// A documented column: its header and the request field it fills.
    public struct Column: Sendable, Hashable {
        public var name: String
        /// The request field's path (`window.earliest`).
        public var field: String
        public var required: Bool
        public var help: String
    }

    /// Every column a file may have (unknown headers are refused).
    public static let columns: [Column] = [
        Column(name: "id", field: "id", required: false, help: "visit id (default: the next free R-n)"),
        Column(name: "client", field: "client.name", required: true, help: "the client company's name"),
        Column(name: "industry", field: "client.industry", required: false, help: "the client's sector"),
        Column(name: "tier", field: "client.tier", required: false, help: "client tier (standard, vip, ...)"),
        Column(name: "contact", field: "client.contact", required: false, help: "the client's contact person"),
        Column(name: "guests", field: "guests", required: false, help: "`Name (Job title); Name (Job title)`"),
        Column(name: "purpose", field: "purpose", required: false, help: "technicalConsultation, cooperationTalks, siteVisit or signing"),
        Column(name: "headcount", field: "headcount", required: true, help: "guests coming (a whole number)"),
        Column(name: "language", field: "language", required: false, help: "language code (en, zh, ...)"),
        Column(name: "earliest", field: "window.earliest", required: true, help: "window start, `2026-12-08T09:00`"),
        Column(name: "latest", field: "window.latest", required: true, help: "window end, `2026-12-08T16:00`"),
        Column(name: "preferredStart", field: "preferredStart", required: false, help: "preferred start time"),
        Column(name: "preferredHost", field: "preferredHost", required: false, help: "staff id of the preferred host"),
        Column(name: "priority", field: "priority", required: false, help: "1 to 5 (default 1)"),
        Column(name: "dietary", field: "dietary", required: false, help: "`vegetarian: 2; halal: 1`"),
        Column(name: "ndaSigned", field: "ndaSigned", required: false, help: "yes or no (default no)"),
        Column(name: "agendaTemplate", field: "agendaTemplate", required: true, help: "the name of an agenda template"),
        Column(name: "requestedAt", field: "requestedAt", required: false, help: "when the request came in (default: now)"),
        Column(name: "owner", field: "owner", required: false, help: "the sales or business person who invited the client"),
        Column(name: "meetingPoint", field: "meetingPoint", required: false, help: "where the host meets the guests"),
    ]

    /// Rows a file may have.
    public static let maxRows = 500

    /// One bad row (or a problem with the file as a whole: row 1 for the header, 0 for the file).
    public struct RowError: Error, Sendable, Hashable, CustomStringConvertible {
        public var row: Int
        /// The column's header; nil for the whole row.
        public var column: String?
        public var message: String

        public var description: String {
            "row \(row)" + (column.map { ", column \($0)" } ?? "") + ": \(message)"
        }
    }

    /// The file's rows as request documents, by row number; or the file's own problems (it cannot be read,
    /// an unknown or missing column, too many rows), which reject it whole.
    public static func requests(in text: String) throws(ImportError) -> [(row: Int, request: Result<DocumentValue, RowError>)] {
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw ImportError(errors: [RowError(row: 0, column: nil, message: "not a readable CSV file: \(error)")])
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        var problems: [RowError] = []
        let known = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0) })
        for (index, name) in header.enumerated() where known[name] == nil && !name.isEmpty {
            problems.append(RowError(row: 1, column: name, message: "unknown column (cell \(index + 1))\(Suggestion.hint(for: name, in: columns.map(\.name))); "
                                     + "the columns are \(columns.map(\.name).joined(separator: ", "))"))
        }
        for (name, count) in Dictionary(header.map { ($0, 1) }, uniquingKeysWith: +) where count > 1 && !name.isEmpty {
            problems.append(RowError(row: 1, column: name, message: "the column appears \(count) times"))
        }
        for column in columns where column.required && !header.contains(column.name) {
            problems.append(RowError(row: 1, column: column.name, message: "required column missing (\(column.help))"))
        }
        let rows = csv.rows.enumerated().filter { !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        if rows.count > maxRows {
            problems.append(RowError(row: 0, column: nil, message: "\(rows.count) requests; import at most \(maxRows) at once"))
        }
        if rows.isEmpty, problems.isEmpty { problems.append(RowError(row: 0, column: nil, message: "no requests: the file has a header only")) }
        guard problems.isEmpty else { throw ImportError(errors: problems) }
        return rows.map { index, cells in
            let row = index + 2
            return (row, request(cells: cells, header: header, row: row))
        }
    }

    /// The file's failure as a whole, or every bad row of an import.
    public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
        public var errors: [RowError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    private static func request(cells: [String], header: [String], row: Int) -> Result<DocumentValue, RowError> {
        if cells.count > header.count, cells[header.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return .failure(RowError(row: row, column: nil, message: "\(cells.count) cells, more than the \(header.count) columns"))
        }
        var document = DocumentValue.object([:])
        for (name, raw) in zip(header, cells) {
            let cell = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !cell.isEmpty, let column = columns.first(where: { $0.name == name }) else { continue }
            let value: DocumentValue
            switch name {
            case "headcount", "priority": value = Int(cell).map(DocumentValue.int) ?? .string(cell)
            case "ndaSigned":
                switch cell.lowercased() {
                case "yes", "true", "y", "1": value = .bool(true)
                case "no", "false", "n", "0": value = .bool(false)
                default: return .failure(RowError(row: row, column: name, message: "expected yes or no, found \"\(cell)\""))
                }
            case "guests":
                value = .array(cell.split(separator: ";").map { guest in
                    let text = guest.trimmingCharacters(in: .whitespaces)
                    guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return .object(["name": .string(text)]) }
                    return .object(["name": .string(text[..<open].trimmingCharacters(in: .whitespaces)),
                                    "title": .string(String(text[text.index(after: open)..<text.index(before: text.endIndex)]))])
                })
            case "dietary":
                var counts: [(String, DocumentValue)] = []
                for part in cell.split(separator: ";") {
                    let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard pair.count == 2, !pair[0].isEmpty, let count = Int(pair[1]) else {
                        return .failure(RowError(row: row, column: name, message: "expected `restriction: count; ...`, found \"\(part)\""))
                    }
                    guard !counts.contains(where: { $0.0 == pair[0] }) else {
                        return .failure(RowError(row: row, column: name, message: "\(pair[0]) is given twice"))
                    }
                    counts.append((pair[0], .int(count)))
                }
                value = .object(.init(uniqueKeysWithValues: counts))
            default: value = .string(cell)
            }
            do { try document.setValue(value, at: column.field) } catch {
                return .failure(RowError(row: row, column: name, message: "\(error)"))
            }
        }
        return .success(document)
    }

    /// The column a request's problem is about (`window.latest` → `latest`, `guests[1].name` → `guests`,
    /// `agenda[0].service` → `agendaTemplate`); nil for the request as a whole.
    public static func column(of path: String) -> String? {
        guard !path.isEmpty else { return nil }
        if path.hasPrefix("agenda") { return "agendaTemplate" }
        if path == "window" { return "earliest" }
        let best = columns.filter { path == $0.field || path.hasPrefix($0.field + ".") || path.hasPrefix($0.field + "[") }
            .max { $0.field.count < $1.field.count }
        return best?.name ?? path
    }

    /// A request's problems as row errors.
    public static func rowErrors(_ error: ScenarioError, row: Int) -> [RowError] {
        guard case .invalid(let issues) = error else { return [RowError(row: row, column: nil, message: error.description)] }
        return issues.map { RowError(row: row, column: column(of: $0.path), message: $0.message) }
    }
}

extension VisitRequestReader {
    /// Adds the good rows of a CSV file (`RequestCSV.requests`), each through `prepare` first, and
    /// returns the visits added and every bad row's problems (the bad rows add nothing).
    public mutating func add(rows: [(row: Int, request: Result<DocumentValue, RequestCSV.RowError>)],
                             prepare: (DocumentValue) -> DocumentValue = { $0 }) -> (added: [String], bad: [RequestCSV.RowError]) {
        var added: [String] = []
        var bad: [RequestCSV.RowError] = []
        for (row, request) in rows {
            switch request {
            case .failure(let error): bad.append(error)
            case .success(let document):
                do { added.append(try add(prepare(document), file: "row \(row)").id) } catch { bad += RequestCSV.rowErrors(error, row: row) }
            }
        }
        return (added, bad)
    }
}
