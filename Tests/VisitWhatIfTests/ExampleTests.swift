import Foundation
import Testing
import VisitDomain
import VisitWhatIf

@Suite("The what-if example of scenarios/")
struct ExampleTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/whatif-demo.yaml").path

    @Test func asksTheFourQuestionsOfTheDemoWeek() throws {
        let study = try WhatIfStudy.load(path: Self.path)
        #expect(study.file.basePath.hasSuffix("scenarios/demo-week.yaml"))
        #expect(study.variants.map(\.name) == ["second-showroom-guide", "no-room-301", "banquet-400", "double-demand"])
        let guide = try #require(study.variants[0].scenario.staffMember("new.guide"))
        #expect(guide.has(.guide) && guide.routes == ["showroom"])
        #expect(study.base.room("A-301") != nil && study.variants[1].scenario.room("A-301") == nil)
        #expect(study.base.policies.mealBudgetPerHead["banquet"] == 300)
        #expect(study.variants[2].scenario.policies.mealBudgetPerHead["banquet"] == 400)
        #expect(study.variants[3].scenario.visits.count == 2 * study.base.visits.count)
        #expect(study.variants[3].scenario.visit("V-1037-2") != nil)
    }
}
