import Foundation
import Testing
import VisitDomain
import VisitPlanner
import VisitWhatIf

@Suite("Comparison of the runs")
struct ComparisonTests {
    static let result: WhatIfResult? = try? MiniWeek.study(ParallelRunTests.variants).run(options: WhatIfOptions(timeLimit: 30, jobs: 2))

    @Test func eachVariantIsComparedWithTheBase() throws {
        let runs = try #require(Self.result).comparison.runs
        #expect(runs.map(\.isBase) == [true, false, false, false, false])
        let base = try #require(runs[0].statistics)
        #expect((base.scheduled, base.unscheduled) == (3, 1))
        #expect(runs[0].differences == nil)

        #expect(runs[1].differences?.newlyPlaced == ["T-2"])
        #expect(runs[1].statistics?.scheduled == 4)
        #expect(runs[2].differences?.newlyDropped.map(\.id) == ["C-1"])
        let budget = try #require(runs[3].differences)
        #expect(budget.rearranged.map(\.id) == ["D-1"])
        #expect(budget.rearranged.first?.changes.contains("meal: caterer cheap → fine") == true)
        #expect(abs((runs[3].statistics?.cateringCost ?? 0) - 380 * 3) < 1e-6)
        let doubled = try #require(runs[4].differences)
        #expect(doubled.addedScheduled.count + doubled.addedUnscheduled.count == 4)
        #expect(runs[4].visits == 8)
    }

    @Test func theBaseBottlenecksNameWhatTheCrowdedOutTourWaitsFor() throws {
        let base = try #require(Self.result?.comparison.runs.first?.bottlenecks)
        let route = try #require(base.resources.first { $0.kind == .route && $0.id == "showroom" })
        let guide = try #require(base.resources.first { $0.id == "g1" })
        // T-2 waits for the only guide, g1, not for the showroom, which has a group slot free.
        #expect(guide.neededBy == ["T-2"])
        #expect(guide.pressure == 1)   // T-2 has one possible time, and its reason names g1 alone
        #expect(route.neededBy.isEmpty)
        #expect(base.top(1).first?.id == "g1")
        #expect(guide.roles == ["guide"])
        // g1 guides T-1 for one hour of a 9.5-hour working day.
        #expect(abs(guide.bookedShare - 60.0 / 570.0) < 1e-9)
        #expect(guide.fullShare == guide.bookedShare)
        // The showroom takes two groups: one group uses half of it, and it is never full.
        #expect(abs(route.bookedShare - 0.5 * 60.0 / 570.0) < 1e-9)
        #expect(route.fullShare == 0)
        let morning = try #require(base.timeRanges.first { $0.part == "morning" })
        #expect(morning.guides.map { abs($0 - 60.0 / 210.0) < 1e-9 } == true)
    }

    @Test func theTextTableIsAligned() throws {
        let text = ComparisonText(try #require(Self.result).comparison).render()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("run ") })
        let rows = lines[header...(header + 5)]
        let scoreEnd = try #require(lines[header].range(of: "score")).upperBound.utf16Offset(in: lines[header])
        for row in rows.dropFirst() {
            let cell = row.utf16.count >= scoreEnd ? String(row.prefix(scoreEnd)) : row
            #expect(cell.last?.isNumber == true, "\(row)")
        }
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) }
                == ["run", "base", "second-guide", "no-secure-room", "banquet-400", "double-demand"])
        #expect(text.contains("newly placed: T-2"))
        #expect(text.contains("newly dropped: C-1: impossible on its own"))
    }

    @Test func theJSONDecodesBackToTheSameComparison() throws {
        let comparison = try #require(Self.result).comparison
        let data = try JSONEncoder().encode(comparison)
        #expect(try JSONDecoder().decode(WhatIfComparison.self, from: data) == comparison)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["name"] as? String } == ["base", "second-guide", "no-secure-room", "banquet-400", "double-demand"])
        #expect((runs[0]["statistics"] as? [String: Any])?["scheduled"] as? Int == 3)
    }

    @Test func theHTMLPageIsSelfContainedAndEscapesText() throws {
        var comparison = try #require(Self.result).comparison
        comparison.runs[1].name = "<script>alert('x')</script> & co"
        comparison.runs[1].description = "rooms \"A\" < 3"
        let html = ComparisonHTML(comparison).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(html.contains("rooms &quot;A&quot; &lt; 3"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 6)
        // No external resource: the only URL is the SVG namespace.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(!html.contains("src=") && !html.contains("<link"))
    }

    @Test func eachRunsScenarioIsWrittenSoItCanBePlannedAgain() throws {
        let runs = try #require(Self.result).runs
        let banquet = try #require(runs.first { $0.name == "banquet-400" })
        let reread = try ScenarioLoader.parse(banquet.scenarioJSON, format: .json, file: "banquet-400.scenario.json")
        #expect(reread == banquet.scenario)
        #expect(banquet.fileStem == "banquet-400")
        let plan = try #require(banquet.plan)
        #expect(PlanChecker(scenario: reread).check(plan).isValid)
    }
}
