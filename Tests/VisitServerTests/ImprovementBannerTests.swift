import Foundation
import HummingbirdTesting
import Testing
import VisitDomain
@testable import VisitServer

/// Set VISITPLAN_BANNER_SCREENSHOT=FILE to keep a screenshot of the banner before it is accepted.
extension BrowserTests {
    @Test("a coordinator sees \"a better week is available\" with the left-out visit, accepts it, and the calendar shows the new version")
    func improvementBanner() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("The browser test cannot run: install chromium and chromium-driver (.ci/run does).")
            return
        }
        let server = try await ImprovementAPITests.serverWithWorsePlan()
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(TestTokens.coordinator)")
                try await browser.waitUntil("the banner offers a better week", seconds: 90) {
                    try await browser.execute("return !document.getElementById('improvement').hidden") as? Bool == true
                }
                let headline = try await browser.text(try #require(try await browser.find("#improvement-headline")))
                #expect(headline == "A better week is available: 1 more visit, no change to planned visits", "\(headline)")
                #expect(try await browser.findAll("#improvement-changes li[data-visit='V-2003']").count == 1)
                #expect(try await browser.findAll(".block[data-visit='V-2003']").isEmpty, "not in the calendar before it is accepted")

                if let path = ProcessInfo.processInfo.environment["VISITPLAN_BANNER_SCREENSHOT"] {
                    try await browser.screenshot().write(to: URL(fileURLWithPath: path))
                }
                try await browser.click(try #require(try await browser.find("#improvement-accept")))
                try await browser.waitUntil("V-2003 appears in the calendar", seconds: 30) {
                    try await !browser.findAll(".block[data-visit='V-2003']").isEmpty
                }
                let status = try await browser.text(try #require(try await browser.find("#plan-status")))
                #expect(status.hasPrefix("Plan version 3"), "\(status)")
                #expect(try await browser.execute("return document.getElementById('improvement').hidden") as? Bool == true)
                let stored = try await server.services.store.plan(scenarioId: ImprovementAPITests.scenario, version: nil)
                #expect(stored.version == 3 && stored.origin == "improvement")
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}
