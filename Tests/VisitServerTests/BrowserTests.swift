import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HummingbirdTesting
import Testing
import VisitDomain
@testable import VisitServer

/// The page in a real browser: Debian's headless Chromium driven through chromedriver.
/// Set VISITPLAN_SCREENSHOT=FILE to keep a screenshot of the calendar after the change.
@Suite("Browser", .serialized)
struct BrowserTests {
    @Test("a host loads the calendar, reports an early arrival through the form, and sees the moved visit and whom to tell; a plan made by someone else appears on its own")
    func reportEarlyArrival() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("""
                The browser test cannot run: \(WebDriver.chromium) or \(WebDriver.chromedriver) is missing. \
                Install them with `apt-get install -y chromium chromium-driver` (.ci/run does).
                """)
            return
        }
        let server = try await TestServer.smallOffice()
        let plan = try await server.services.store.plan(scenarioId: "suzhou-office-week-51", version: nil).decodedPlan()
        let visit = try #require(plan.visit("V-2001"))
        let host = try #require(TestTokens.host(visit.host))
        let oldStart = try #require(visit.start)

        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(host)")
                let block = ".block[data-visit='V-2001']"
                try await browser.waitUntil("the calendar shows V-2001", seconds: 60) { try await browser.find(block) != nil }
                let first = try #require(try await browser.find(block))
                #expect(try await browser.attribute(first, "data-start") == oldStart.description)
                #expect(try await browser.findAll(".day").count == 5, "Monday to Friday")
                #expect(try await browser.findAll("#unscheduled li[data-visit='V-2005']").count == 1, "the late request is listed")

                try await browser.click(first)
                let details = try #require(try await browser.find("#details h2"))
                #expect(try await browser.text(details).hasPrefix("V-2001 Contoso"))
                let selected = try await browser.execute("return document.getElementById('report-visit').value") as? String
                #expect(selected == "V-2001", "clicking a visit picks it in the report form")

                try await browser.click(try #require(try await browser.find("#report-type option[value='early']")))
                try await browser.execute("""
                    document.getElementById('report-minutes').value = arguments[0];
                    document.getElementById('report-at').value = arguments[1];
                    """, ["60", "2026-12-14T08:00"])
                try await browser.click(try #require(try await browser.find("#report-submit")))

                try await browser.waitUntil("the notification list appears", seconds: 120) {
                    try await !browser.findAll("#notify li").isEmpty
                }
                let told = try await browser.findAll("#notify li")
                let messages = try await told.asyncMap { try await browser.text($0) }
                #expect(messages.contains { $0.contains("Lisa Wong") }, "the host is told: \(messages)")
                #expect(try await browser.findAll("#changes tr[data-visit='V-2001']").count >= 1)

                try await browser.waitUntil("V-2001 moved in the calendar", seconds: 30) {
                    guard let moved = try await browser.find(block) else { return false }
                    return try await browser.attribute(moved, "data-start") != oldStart.description
                }
                let moved = try #require(try await browser.find(block))
                let newStart = try #require(LocalDateTime(iso: try await browser.attribute(moved, "data-start") ?? ""))
                #expect(newStart < oldStart, "the client arrives an hour early, so the visit starts earlier")
                let stored = try await server.services.store.plan(scenarioId: "suzhou-office-week-51", version: nil)
                #expect(stored.version == 2)
                #expect(try stored.decodedPlan().visit("V-2001")?.start == newStart, "the page shows the stored plan")
                let reportedBy = try await server.services.store.events(scenarioId: "suzhou-office-week-51").map(\.reportedBy)
                #expect(reportedBy == [visit.host ?? ""])

                // Someone else reports a change: the open page shows the new plan without being touched.
                // A request of its own (the test client's kept-alive connection may have been closed as idle by now).
                var report = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/scenarios/suzhou-office-week-51/plans/2/events")!)
                report.httpMethod = "POST"
                report.setValue("Bearer \(TestTokens.coordinator)", forHTTPHeaderField: "Authorization")
                report.setValue("application/json", forHTTPHeaderField: "Content-Type")
                report.httpBody = Data(eventJSON(["type": "headcountChange", "at": "2026-12-14T08:30", "visit": "V-2002", "headcount": 4]).utf8)
                let (body, response) = try await URLSession.shared.data(for: report)
                #expect((response as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: body, as: UTF8.self))")
                try await browser.waitUntil("the page shows plan version 3 on its own", seconds: 30) {
                    guard let status = try await browser.find("#plan-status") else { return false }
                    return try await browser.text(status).hasPrefix("Plan version 3")
                }

                if let path = ProcessInfo.processInfo.environment["VISITPLAN_SCREENSHOT"] {
                    try await browser.screenshot().write(to: URL(fileURLWithPath: path))
                }
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}

/// The run sheet from the page: a host prints their own visit's sheet, styled under the page's rules.
@Suite("Browser: run sheets", .serialized)
struct RunSheetBrowserTests {
    @Test("a host opens a visit, presses Print run sheet, and a styled sheet of that visit opens in a new tab")
    func printRunSheet() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("The browser test cannot run: \(WebDriver.chromium) or \(WebDriver.chromedriver) is missing.")
            return
        }
        let server = try await TestServer.smallOffice()
        let plan = try await server.services.store.plan(scenarioId: "suzhou-office-week-51", version: nil).decodedPlan()
        let visit = try #require(plan.visit("V-2001"))
        let host = try #require(TestTokens.host(visit.host))
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(host)")
                let block = ".block[data-visit='V-2001']"
                try await browser.waitUntil("the calendar shows V-2001", seconds: 60) { try await browser.find(block) != nil }
                try await browser.click(try #require(try await browser.find(block)))
                let before = try await browser.windowHandles()
                try await browser.click(try #require(try await browser.find("#runsheet"), "the host of V-2001 may print its sheet"))
                try await browser.waitUntil("a tab opens", seconds: 30) { try await browser.windowHandles().count > before.count }
                let tab = try #require(try await browser.windowHandles().first { !before.contains($0) })
                try await browser.switchToWindow(tab)
                try await browser.waitUntil("the sheet loads", seconds: 30) {
                    (try await browser.execute("return document.querySelector('section') ? 1 : 0") as? Int) == 1
                }
                let text = try await browser.execute("return document.body.innerText") as? String ?? ""
                #expect(text.contains("V-2001 Contoso") && text.contains("meets the guests at"), "\(text.prefix(500))")
                let sections = try await browser.execute("return document.querySelectorAll('section').length") as? Int
                #expect(sections == 1, "only the visit asked for")
                // The stylesheet loaded (the page allows styles from its own origin only).
                let nowrap = try await browser.execute("return getComputedStyle(document.querySelector('td.time')).whiteSpace") as? String
                #expect(nowrap == "nowrap")
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
