import Foundation
import HummingbirdTesting
import Testing
import VisitDomain
@testable import VisitServer

/// The "Options" button of the list of visits not scheduled, in a real browser.
@Suite("Browser: options", .serialized)
struct OptionsBrowserTests {
    @Test("a coordinator sees a request saved since the plan listed with an Options button, and its three ranked options on a click; a visit too late shows why")
    func rankedOptions() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("The browser test cannot run: \(WebDriver.chromium) or \(WebDriver.chromedriver) is missing.")
            return
        }
        let server = try await TestServer.smallOffice()
        let yaml = try Scenarios.smallOffice + OptionsAPITests.request
        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let put = try await TestAPI(client: client).send(.put, "/api/scenarios/suzhou-office-week-51", token: TestTokens.coordinator,
                                                             body: yaml, contentType: "application/yaml")
            #expect(put.status == .ok, "\(put.text)")
            let browser = try await WebDriver()
            do {
                try await browser.open("http://127.0.0.1:\(port)/#token=\(TestTokens.coordinator)")
                let button = "#unscheduled li[data-visit='V-2098'] button[data-options='V-2098']"
                try await browser.waitUntil("the new request is listed with its button", seconds: 60) { try await browser.find(button) != nil }
                try await browser.click(try #require(try await browser.find(button)))
                let ranked = "#unscheduled li[data-visit='V-2098'] ol.options li"
                try await browser.waitUntil("three options appear", seconds: 60) { try await browser.findAll(ranked).count == 3 }
                let first = try await browser.text(try #require(try await browser.find(ranked)))
                #expect(first.contains("host ") && first.contains("score "), "\(first)")

                try await browser.click(try #require(try await browser.find("#unscheduled li[data-visit='V-2005'] button[data-options='V-2005']")))
                let panel = "#unscheduled li[data-visit='V-2005'] .options-panel"
                try await browser.waitUntil("the late request's answer appears", seconds: 60) {
                    guard let element = try await browser.find(panel) else { return false }
                    return try await browser.text(element).contains("Cheapest way in")
                }
                let text = try await browser.text(try #require(try await browser.find(panel)))
                #expect(text.contains("Lead time: too late") && text.contains("It fits nowhere"), "\(text)")
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}
