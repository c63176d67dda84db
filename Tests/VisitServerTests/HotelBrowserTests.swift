import Foundation
import HummingbirdTesting
import Testing
import VisitDomain
@testable import VisitServer

/// A visit's hotel booking on the calendar page (issue 14), in a real browser: the coordinator
/// reads hotel, rooms, nights and price; the visit's host reads the booking without the price.
@Suite("Browser: hotel bookings", .serialized)
struct HotelBrowserTests {
    @Test("a visit's details show its booking: hotel, rooms and nights; the price for the coordinator, not for the host")
    func bookingInDetails() async throws {
        guard WebDriver.isAvailable else {
            Issue.record("The browser test cannot run: \(WebDriver.chromium) or \(WebDriver.chromedriver) is missing.")
            return
        }
        let server = try await TestServer.make(seed: .text(try Scenarios.text("hotel-week.yaml"), .yaml))
        try await server.waitForSeedPlan()
        let plan = try await server.services.store.plan(scenarioId: "suzhou-hotel-week-51", version: nil).decodedPlan()
        let visit = try #require(plan.visit("V-3001"))
        let booking = try #require(visit.booking)
        #expect(booking.hotel == "H-HARBOUR" && booking.rooms == 2 && booking.nights.map(\.description) == ["2026-12-14"])
        let host = try #require(TestTokens.host(visit.host))

        try await server.app.application.test(.live) { client in
            let port = try #require(client.port)
            let browser = try await WebDriver()
            do {
                for (token, price) in [(TestTokens.coordinator, true), (host, false)] {
                    try await browser.open("http://127.0.0.1:\(port)/#token=\(token)")
                    try await browser.execute("location.reload()")
                    let block = ".block[data-visit='V-3001']"
                    try await browser.waitUntil("the calendar shows V-3001", seconds: 60) { try await browser.find(block) != nil }
                    try await browser.click(try #require(try await browser.find(block)))
                    try await browser.waitUntil("the details show V-3001", seconds: 30) {
                        guard let title = try await browser.find("#details h2") else { return false }
                        return try await browser.text(title).hasPrefix("V-3001")
                    }
                    let details = try await browser.text(try #require(try await browser.find("#details")))
                    #expect(details.contains("Harbour Hotel · 2 double rooms · night of Mon 14 Dec"), "\(details)")
                    #expect(details.contains("2 × 1 × 180 = 360") == price, "price shown: \(price): \(details)")
                }
            } catch {
                let page = (try? await browser.execute("return document.body.innerText") as? String) ?? ""
                Issue.record("\(error)\n--- page text ---\n\(page.prefix(2000))")
            }
            await browser.quit()
        }
    }
}
