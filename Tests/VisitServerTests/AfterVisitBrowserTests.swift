import Foundation
import Testing
@testable import VisitServer

/// After the visit in a real browser: the host ticks a preparation task and sends the feedback
/// form from the visit's panel, closes a follow-up task from the follow-up list, and a coordinator
/// reads the month's KPIs with the new satisfaction. With `VISITPLAN_SCREENSHOTS=DIR` it also saves
/// the screenshots the README shows.
@Suite("Browser: after the visit", .serialized)
struct AfterVisitBrowserTests {
    static func screenshot(_ browser: WebDriver, _ name: String) async {
        guard let folder = ProcessInfo.processInfo.environment["VISITPLAN_SCREENSHOTS"], let data = try? await browser.screenshot() else { return }
        try? data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    @Test("checklist, feedback form, follow-up list and the KPI page")
    func afterTheVisit() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("The browser test cannot run: \(WebDriver.chromium) or \(WebDriver.chromedriver) is missing.")
            return
        }
        let server = try await TestServer.smallOffice(clock: VisitRecordAPITests.tuesdayAfternoon)
        let plan = try await server.services.store.plan(scenarioId: VisitRecordAPITests.scenario, version: nil).decodedPlan()
        let host = try #require(TestTokens.host(plan.visit("V-2001")?.host))
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(host)")
                let block = ".block[data-visit='V-2001']"
                try await browser.waitUntil("the calendar shows V-2001", seconds: 60) { try await browser.find(block) != nil }
                try await browser.click(selector: block)
                try await browser.click(selector: "#visit-file-open")
                try await browser.waitUntil("the file loads", seconds: 30) { try await browser.find("#file-checklist") != nil }

                // Tick a preparation task.
                try await browser.click(selector: "#file-checklist input[data-task='confirm']")
                try await browser.waitUntil("the mark is stored", seconds: 30) {
                    (try await browser.execute("return document.querySelector(\"#file-checklist input[data-task='confirm']\")?.closest('li').className === 'done' ? 1 : 0") as? Int) == 1
                }
                // Send the feedback form.
                _ = try await browser.execute("""
                    const f = document.querySelector('#feedback-form');
                    f.closest('details').open = true;
                    f.querySelector('[name=satisfaction]').value = '95';
                    f.querySelector('[name=intent]').value = 'likely';
                    f.querySelector('[name=suggestions]').value = 'More time in the lab';
                    """)
                try await browser.click(selector: "#feedback-form button[type=submit]")
                try await browser.waitUntil("the feedback shows", seconds: 30) {
                    (try await browser.execute("return document.querySelector('#file-feedback')?.textContent || ''") as? String ?? "").contains("Satisfaction 95")
                }
                _ = try await browser.execute("document.querySelector('#visit-file').scrollIntoView()")
                let feedbackTask = try await browser.execute("return document.querySelector(\"#file-followups li[data-task='feedback'] .badge\").textContent") as? String
                #expect(feedbackTask == "done")
                await Self.screenshot(browser, "after-the-visit.png")

                // The follow-up list: close the feedback call.
                try await browser.open("http://127.0.0.1:\(port)/followups.html")
                let call = "#followups tr[data-visit='V-2001'][data-task='call']"
                try await browser.waitUntil("the list shows the call", seconds: 30) { try await browser.find(call) != nil }
                let state = "return document.querySelector(\"\(call)\")?.className || ''"
                #expect(try await browser.execute(state) as? String == "state-overdue")
                try await browser.click(selector: "\(call) button")
                try await browser.waitUntil("the call is done", seconds: 30) { try await browser.execute(state) as? String == "state-done" }
                await Self.screenshot(browser, "follow-ups.png")
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            do {
                // A coordinator reads December's KPIs.
                try await browser.open("http://127.0.0.1:\(port)/kpi.html?month=2026-12#token=\(TestTokens.coordinator)")
                let row = "#kpi-table tr[data-figure='Average satisfaction (0-100)']"
                try await browser.waitUntil("the KPIs show", seconds: 30) { try await browser.find(row) != nil }
                let text = try await browser.execute("return document.querySelector(\"\(row)\").textContent") as? String ?? ""
                #expect(text.contains("95.0"), "\(text)")
                let bars = try await browser.execute("return document.querySelectorAll('#kpi-bars .bar').length") as? Int ?? 0
                #expect(bars > 0)
                await Self.screenshot(browser, "kpi.png")
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}
