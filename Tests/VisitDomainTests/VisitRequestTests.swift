import Foundation
import Testing
@testable import VisitDomain

/// Visit requests (issue 14) before any server: a request added to a scenario with a request's
/// field paths, agenda templates, and CSV rows with one problem line per row and column.
@Suite("Visit requests, templates and CSV rows")
struct VisitRequestTests {
    static let scenario: Scenario = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/small-office.yaml")
        return try! ScenarioLoader.load(path: url.path)
    }()

    static let lunch = AgendaTemplate(name: "meeting-lunch", agenda: [["kind": "meeting", "durationMinutes": 60],
                                                                      ["kind": "meal", "service": "workingMeal", "durationMinutes": 60]])

    static func reader() -> VisitRequestReader {
        VisitRequestReader(scenario: scenario, templates: [lunch.name: lunch], receivedAt: scenario.now)
    }

    static let good: DocumentValue = ["client": ["name": "Adatum"], "headcount": 2, "agendaTemplate": "meeting-lunch",
                                      "window": ["earliest": "2026-12-16T09:00", "latest": "2026-12-16T15:00"]]

    static func paths(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let error as ScenarioError { return error.issues.map(\.path) } catch { Issue.record("\(error)") }
        return []
    }

    @Test("requests get R-1, R-2, ...; the template's agenda; requestedAt when received; the scenario grows by each")
    func adds() throws {
        var reader = Self.reader()
        let first = try reader.add(Self.good, file: "r.json")
        let second = try reader.add(Self.good, file: "r.json")
        #expect(first.id == "R-1" && second.id == "R-2")
        #expect(first.agenda.count == 2 && first.requestedAt == Self.scenario.now)
        #expect(reader.scenario.visits.count == Self.scenario.visits.count + 2)
    }

    @Test("problems carry the request's own paths: types, references, the window, the id, the template; nothing is added")
    func problems() {
        var reader = Self.reader()
        var bad = Self.good.objectValue!
        bad["headcount"] = "two"
        bad["preferredHost"] = "lisa.wang"
        bad["id"] = "V-2001"
        bad["colour"] = "red"
        #expect(Set(Self.paths { try reader.add(.object(bad), file: "r") }) == ["headcount", "preferredHost", "id", "colour"])
        bad = Self.good.objectValue!
        bad["agenda"] = [["kind": "meeting", "durationMinutes": 60]]
        #expect(Self.paths { try reader.add(.object(bad), file: "r") } == ["agendaTemplate"], "agenda and template both")
        bad = Self.good.objectValue!
        bad["agendaTemplate"] = "meeting-lunhc"
        #expect(Self.paths { try reader.add(.object(bad), file: "r") } == ["agendaTemplate"])
        bad = Self.good.objectValue!
        bad["window"] = ["earliest": "2027-01-04T09:00", "latest": "2027-01-04T15:00"]
        #expect(Self.paths { try reader.add(.object(bad), file: "r") } == ["window"], "outside the horizon")
        bad = Self.good.objectValue!
        bad["id"] = "../etc"
        #expect(Self.paths { try reader.add(.object(bad), file: "r") } == ["id"])
        #expect(Self.paths { try reader.add([1, 2], file: "r") } == [""])
        #expect(reader.scenario.visits.count == Self.scenario.visits.count, "nothing added")
    }

    @Test("a template is checked as an agenda: its items' paths, its name and fields; a file of templates names each")
    func templates() throws {
        let good = try AgendaTemplate.decode(["description": "d", "agenda": [["kind": "tour", "routes": ["any-route"]]]], name: "t", file: "t")
        #expect(good.agenda.count == 1)
        let bad = Self.paths { _ = try AgendaTemplate.decode(["agenda": [["kind": "meal"]], "x": 1], name: "bad name", file: "t") }
        #expect(Set(bad).isSuperset(of: ["x", "name"]) && bad.contains { $0.hasPrefix("agenda[0]") }, "\(bad)")
        #expect(Self.paths { _ = try AgendaTemplate.decode(["description": "d"], name: "t", file: "t") } == ["agenda"])
        let file = Self.paths { _ = try AgendaTemplate.decodeFile(["templates": [["name": "a", "agenda": [["kind": "nap"]]]]], file: "f") }
        #expect(file == ["templates[0].agenda[0].kind"], "\(file)")
    }

    @Test("CSV: quoted cells with commas and line breaks, a byte-order mark, guests and dietary; each bad row named by row and column")
    func csv() throws {
        let text = "\u{FEFF}client,headcount,earliest,latest,agendaTemplate,guests,dietary,ndaSigned\n"
            + "\"Adatum, Inc.\",2,2026-12-16T09:00,2026-12-16T15:00,meeting-lunch,\"Kim (COO); Ben\",vegetarian: 1,yes\n"
            + "\"Two\nLines\",3,2026-12-16T09:00,2026-12-16T15:00,meeting-lunch,,halal,\n"
            + "Fabrikam,2,2026-12-16T15:00,2026-12-16T09:00,meeting-lunch,,,,extra\n"
            + ",,,,,,,\n"
            + "Litware,2,2026-12-17T09:00,2026-12-17T15:00,meeting-lunch,,,no\n"
        let rows = try RequestCSV.requests(in: text)
        #expect(rows.map(\.row) == [2, 3, 4, 6], "the empty row is skipped, numbers stay a spreadsheet's")
        var reader = Self.reader()
        let (added, bad) = reader.add(rows: rows)
        #expect(added == ["R-1", "R-2"])
        #expect(reader.scenario.visit("R-1")?.client.name == "Adatum, Inc." && reader.scenario.visit("R-1")?.guests.map(\.title) == ["COO", nil])
        #expect(bad.map(\.description) == ["row 3, column dietary: expected `restriction: count; ...`, found \"halal\"",
                                           "row 4: 9 cells, more than the 8 columns"], "\(bad)")
    }

    @Test("CSV files refused whole: an unknown, missing or repeated column, a header only, too many rows")
    func csvFiles() {
        func errors(_ text: String) -> [String] {
            do { _ = try RequestCSV.requests(in: text); return [] } catch { return error.errors.map(\.description) }
        }
        #expect(errors("client,headcount,earliest,latest,agendaTemplate,colour\nA,1,x,y,z,red\n").first?.hasPrefix("row 1, column colour: unknown column") == true)
        #expect(errors("client,headcount,earliest,latest\nA,1,x,y\n") == ["row 1, column agendaTemplate: required column missing (the name of an agenda template)"])
        #expect(errors("client,client,headcount,earliest,latest,agendaTemplate\n").contains("row 1, column client: the column appears 2 times"))
        #expect(errors("client,headcount,earliest,latest,agendaTemplate\n") == ["row 0: no requests: the file has a header only"])
        let many = "client,headcount,earliest,latest,agendaTemplate\n" + String(repeating: "A,1,x,y,z\n", count: 501)
        #expect(errors(many) == ["row 0: 501 requests; import at most 500 at once"])
        #expect(RequestCSV.column(of: "window.latest") == "latest" && RequestCSV.column(of: "guests[1].name") == "guests")
        #expect(RequestCSV.column(of: "agenda[0].service") == "agendaTemplate" && RequestCSV.column(of: "client.name") == "client")
        #expect(RequestCSV.column(of: "") == nil)
    }
}
