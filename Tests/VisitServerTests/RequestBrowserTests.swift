import Foundation
import HummingbirdTesting
import Testing
import VisitDomain
@testable import VisitServer

/// Visit requests on the page, in a real browser: the request form with its options right after
/// saving, accepting one, and a CSV upload with a bad row.
/// Set VISITPLAN_REQUEST_SCREENSHOT=FILE to keep a screenshot of the saved request's options, and
/// VISITPLAN_ACCEPTED_SCREENSHOT=FILE one of the calendar after accepting it.
@Suite("Browser: visit requests", .serialized)
struct RequestBrowserTests {
    static let scenario = "suzhou-office-week-51"
    /// Before the scenario's `now` (Friday 2026-12-11 17:00): requests come in at the scenario's now.
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_403_552) }
    static let template = #"{"description": "Meeting and a working meal", "agenda": [{"kind": "meeting", "durationMinutes": 60}, {"kind": "meal", "service": "workingMeal", "durationMinutes": 60}]}"#

    /// Sets form fields by id (values as a person would type them).
    static func fill(_ browser: WebDriver, _ fields: [String: String]) async throws {
        _ = try await browser.execute("""
            for (const [id, value] of Object.entries(arguments[0])) {
              const input = document.getElementById(id); input.value = value; input.dispatchEvent(new Event('change'));
            }
            """, [fields])
    }

    /// The small office with its plan and the `meeting-lunch` template, served live, and a browser
    /// signed in as the coordinator with the request form ready; `body` runs with both.
    static func withPage(_ body: @escaping @Sendable (TestServer, WebDriver) async throws -> Void) async throws {
        guard WebDriver.isAvailable else { Issue.record("no Chromium or chromedriver"); return }
        let server = try await TestServer.smallOffice(clock: Self.clock)
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            #expect(try await TestAPI(client: client).send(.put, "/api/agenda-templates/meeting-lunch", token: TestTokens.coordinator,
                                                           body: Self.template, contentType: "application/json").status == .created)
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(TestTokens.coordinator)")
                try await browser.waitUntil("the request form has its templates", seconds: 60) {
                    try await browser.findAll("#rq-template option").count == 1
                }
                try await body(server, browser)
            } catch {
                Issue.record("\(error)\n--- page text ---\n\(await Self.pageText(browser))")
            }
            await browser.quit()
        }
    }

    static func pageText(_ browser: WebDriver) async -> String {
        ((try? await browser.execute("return document.body.innerText") as? String) ?? "").prefix(3000).description
    }

    @Test("a request typed on the page shows its lead time and three options at once; the coordinator accepts option 1 and the calendar shows it")
    func formOptionsAccept() async throws {
        try await Self.withPage { server, browser in
            try await Self.fill(browser, ["rq-client": "Adatum", "rq-contact": "Ms Kim Abercrombie", "rq-headcount": "3",
                                          "rq-earliest": "2026-12-16T09:00", "rq-latest": "2026-12-16T15:00", "rq-host": "lisa.wong",
                                          "rq-guests": "Kim Abercrombie (COO)\nBen Smith (CTO)", "rq-purpose": "cooperationTalks",
                                          "rq-dietary": "vegetarian: 1"])
            try await browser.click(try #require(try await browser.find("#rq-submit")))
            let options = "#request-options ol.options li"
            try await browser.waitUntil("three options appear under the saved request", seconds: 60) {
                try await browser.findAll(options).count == 3
            }
            let result = try await browser.text(try #require(try await browser.find("#request-result")))
            #expect(result.contains("Saved as R-1") && result.contains("Lead time: urgent"), "\(result)")
            if let path = ProcessInfo.processInfo.environment["VISITPLAN_REQUEST_SCREENSHOT"] {
                try await browser.screenshot().write(to: URL(fileURLWithPath: path))
            }
            try await browser.click(try #require(try await browser.find("#request-result button[data-accept='R-1'][data-option='1']")))
            try await browser.waitUntil("the request is accepted and the calendar shows it", seconds: 60) {
                let accepted = try await browser.find("#request-result .accepted") != nil
                let shown = try await browser.findAll(".cal [data-visit='R-1']")
                return accepted && !shown.isEmpty
            }
            let stored = try await server.services.store.plan(scenarioId: Self.scenario, version: nil).decodedPlan()
            #expect(stored.visit("R-1")?.scheduled == true)
            if let path = ProcessInfo.processInfo.environment["VISITPLAN_ACCEPTED_SCREENSHOT"] {
                // The week from its top, with the accepted visit's details open.
                _ = try await browser.execute("window.scrollTo(0, 0); document.querySelector('.cal-scroll').scrollTop = 0")
                try await browser.click(try #require(try await browser.find(".cal [data-visit='R-1']")))
                try await Task.sleep(nanoseconds: 300_000_000)
                try await browser.screenshot().write(to: URL(fileURLWithPath: path))
            }
        }
    }

    @Test("a CSV upload with a bad row lists the row and column and imports nothing; with 'skip bad rows' the good row is imported and accepted from the list")
    func csvUpload() async throws {
        let csv = """
            client,headcount,earliest,latest,agendaTemplate
            Adatum,3,2026-12-16T09:00,2026-12-16T15:00,meeting-lunch
            Fabrikam,many,2026-12-17T09:00,2026-12-17T15:00,meeting-lunch
            """
        try await Self.withPage { server, browser in
            let choose = """
                const file = new File([arguments[0]], 'requests.csv', {type: 'text/csv'});
                const data = new DataTransfer(); data.items.add(file);
                document.getElementById('import-file').files = data.files;
                document.querySelector('details.import').open = true;
                """
            _ = try await browser.execute(choose, [csv])
            try await browser.click(try #require(try await browser.find("#import-submit")))
            try await browser.waitUntil("the bad row is listed", seconds: 60) { !(try await browser.findAll("#import-result .row-errors li").isEmpty) }
            let errors = try await browser.text(try #require(try await browser.find("#import-result")))
            #expect(errors.contains("row 3, column headcount:") && errors.contains("nothing was imported"), "\(errors)")
            #expect(try await server.services.store.requests(scenarioId: Self.scenario).isEmpty)

            _ = try await browser.execute("document.getElementById('import-skip').checked = true")
            try await browser.click(try #require(try await browser.find("#import-submit")))
            try await browser.waitUntil("the good row is imported", seconds: 60) {
                (try await browser.find("#import-result .saved")) != nil
            }
            let done = try await browser.text(try #require(try await browser.find("#import-result")))
            #expect(done.contains("Imported 1: R-1") && done.contains("Row 3, column headcount"), "\(done)")

            let accept = "#unscheduled li[data-visit='R-1'] button[data-accept='R-1']"
            try await browser.waitUntil("the imported request waits with an Accept button", seconds: 60) { try await browser.find(accept) != nil }
            try await browser.click(try #require(try await browser.find(accept)))
            try await browser.waitUntil("the calendar shows the accepted request", seconds: 60) {
                !(try await browser.findAll(".cal [data-visit='R-1']").isEmpty)
            }
            #expect(try await browser.find("#unscheduled li[data-visit='R-1']") == nil)
        }
    }
}

/// The coordinator's resource editor on the page.
@Suite("Browser: resources", .serialized)
struct ResourceBrowserTests {
    @Test("a coordinator changes a room's capacity on the page: a new scenario version, the plan kept; a bad value shows its field")
    func editRoom() async throws {
        try await RequestBrowserTests.withPage { server, browser in
            try await browser.waitUntil("the rooms are listed", seconds: 30) { try await browser.findAll("#res-id option").count > 1 }
            _ = try await browser.execute("""
                const box = document.getElementById('res-json'); const room = JSON.parse(box.value);
                room.capacity = 'ten'; box.value = JSON.stringify(room);
                """)
            try await browser.click(try #require(try await browser.find("#res-save")))
            try await browser.waitUntil("the field problem is shown", seconds: 30) {
                guard let error = try await browser.find("#resource-error") else { return false }
                return try await browser.text(error).contains("capacity:")
            }
            _ = try await browser.execute("""
                const box = document.getElementById('res-json'); const room = JSON.parse(box.value);
                room.capacity = 6; box.value = JSON.stringify(room);
                """)
            try await browser.click(try #require(try await browser.find("#res-save")))
            try await browser.waitUntil("the change is stored and the plan kept", seconds: 30) {
                guard let result = try await browser.find("#resource-result") else { return false }
                return try await browser.text(result).contains("The plan still holds (plan version 2)")
            }
            let latest = try await server.services.store.scenarioSummary(id: RequestBrowserTests.scenario).latest
            #expect(latest.version == 2 && latest.origin == "resources")
            #expect(try latest.loadScenario().room("S-1")?.capacity == 6)
        }
    }
}
