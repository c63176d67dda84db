import Testing
import VisitDomain
import VisitWhatIf

@Suite("Bad what-if variants")
struct VariantErrorTests {
    /// A bad variant, where its problem must be reported, and words the message must hold.
    struct Case: Sendable, CustomTestStringConvertible {
        var variants: String
        var path: String
        var words: [String]
        var testDescription: String { words.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(variants: "  - {name: x, remove: {rooms: [secure-2]}}", path: "variants[0].remove.rooms[0]",
             words: ["no room \"secure-2\" in the base scenario", "did you mean \"secure-1\"?"]),
        Case(variants: "  - {name: x, remove: {staff: [nobody]}}", path: "variants[0].remove.staff[0]",
             words: ["no staff member \"nobody\""]),
        Case(variants: "  - {name: x, set: {policies.mealBudgetPerHead.banqet: 400}}",
             path: "variants[0].set[\"policies.mealBudgetPerHead.banqet\"]",
             words: ["policies.mealBudgetPerHead.banqet does not exist", "catering service", "did you mean \"banquet\"?"]),
        Case(variants: "  - {name: x, set: {policies.mealBudgetPerHed.banquet: 400}}",
             path: "variants[0].set[\"policies.mealBudgetPerHed.banquet\"]",
             words: ["unknown field \"mealBudgetPerHed\"", "did you mean \"mealBudgetPerHead\"?"]),
        Case(variants: "  - {name: x, set: {\"visits[9].priority\": 5}}", path: "variants[0].set[\"visits[9].priority\"]",
             words: ["visits[9] does not exist", "has 4 entries", "use add"]),
        Case(variants: "  - {name: x, set: {policies.mealBudgetPerHead.banquet: lots}}",
             path: "variants[0].set[\"policies.mealBudgetPerHead.banquet\"]", words: ["expected a number", "\"lots\""]),
        Case(variants: "  - {name: x, set: {\"rooms[0].secure\": 'yes please'}}", path: "variants[0].set[\"rooms[0].secure\"]",
             words: ["expected true or false"]),
        Case(variants: "  - {name: x, set: {policies.weeklyHospitalityBudget.total: 3}}",
             path: "variants[0].set[\"policies.weeklyHospitalityBudget.total\"]", words: ["expected a number, found a mapping"]),
        Case(variants: "  - {name: x, set: {\"visits[0.priority\": 5}}", path: "variants[0].set[\"visits[0.priority\"]",
             words: ["invalid path", "a list index must be written [0]"]),
        Case(variants: "  - {name: x, add: {staff: [{id: g2, roles: [guide], routes: [showrom]}]}}",
             path: "variants[0].add.staff[0].routes[0]", words: ["unknown tour route \"showrom\"", "did you mean \"showroom\"?"]),
        Case(variants: "  - {name: x, add: {rooms: [{id: plain, capacity: 3}]}}", path: "variants[0].add.rooms[0].id",
             words: ["duplicate room id \"plain\""]),
        Case(variants: "  - {name: x, add: {room: [{id: r}]}}", path: "variants[0].add.room",
             words: ["unknown field \"room\"", "did you mean \"rooms\"?"]),
        Case(variants: "  - {name: x, add: {rooms: [big-room]}}", path: "variants[0].add.rooms[0]",
             words: ["expected a room (a mapping of fields such as id)"]),
        Case(variants: "  - {name: x, scaleDemand: 0}", path: "variants[0].scaleDemand", words: ["must be at least 1"]),
        Case(variants: "  - {name: x, scaleDemand: 2.5}", path: "variants[0].scaleDemand", words: ["expected a whole number"]),
        Case(variants: "  - {name: x, add: {visits: [{id: T-1-2, headcount: 1, requestedAt: '2026-11-20T09:00', window: {earliest: '2026-12-07T09:00', latest: '2026-12-07T12:00'}, agenda: [{kind: meal, service: banquet, durationMinutes: 60}]}]}, scaleDemand: 2}",
             path: "variants[0].scaleDemand", words: ["the copy \"T-1-2\" of visit T-1 would repeat the id of another visit"]),
        Case(variants: "  - {name: x}", path: "variants[0]", words: ["changes nothing"]),
        Case(variants: "  - {name: x, scaleDemand: 2}\n  - {name: x, scaleDemand: 3}", path: "variants[1].name",
             words: ["duplicate variant name \"x\"", "variants[0]"]),
        Case(variants: "  - {name: x, scaledemand: 2}", path: "variants[0].scaledemand", words: ["did you mean \"scaleDemand\"?"]),
        Case(variants: "  - {scaleDemand: 2}", path: "variants[0].name", words: ["missing required field \"name\""]),
        // Issue 12, finding 4: a demand factor no planner means, refused before anything is copied.
        Case(variants: "  - {name: x, scaleDemand: 100000}", path: "variants[0].scaleDemand", words: ["must be at most 10, found 100000"]),
        Case(variants: "  - {name: x, scaleDemand: 9223372036854775807}", path: "variants[0].scaleDemand", words: ["must be at most 10"]),
        Case(variants: "  - {name: x, set: {policies.weeklyHospitalityBudget: 1e300}}",
             path: "variants[0].set[\"policies.weeklyHospitalityBudget\"]", words: ["must be at most 1000000000"]),
        Case(variants: "  - {name: x, add: {visits: [{id: big, headcount: 9223372036854775807, requestedAt: 2026-12-01T09:00, window: {earliest: 2026-12-07T09:00, latest: 2026-12-07T17:00}, agenda: [{kind: meeting, durationMinutes: 60}]}]}}",
             path: "variants[0].add.visits[0].headcount", words: ["must be at most 1000"]),
        Case(variants: (0...InputLimits.variants).map { "  - {name: v\($0), scaleDemand: 2}" }.joined(separator: "\n"),
             path: "variants", words: ["21 variants; a what-if compares at most 20 at once"]),
    ]

    @Test(arguments: cases)
    func reportsTheProblemWhereItIs(_ bad: Case) throws {
        let problems = try MiniWeek.problems(bad.variants)
        let problem = try #require(problems.first { $0.path == bad.path }, "reported: \(problems.map(\.description))")
        for word in bad.words {
            #expect(problem.message.contains(word), "\(problem.message)")
        }
    }

    @Test func aVariantProblemNamesTheWhatIfFileAndTheVariant() throws {
        let problems = try MiniWeek.problems("  - {name: no-such-room, remove: {rooms: [R-9]}}")
        #expect(problems.count == 1)
        #expect(problems.first?.file.hasSuffix("whatif.yaml (variant no-such-room)") == true)
    }

    @Test func everyBadVariantIsReportedAtOnce() throws {
        let problems = try MiniWeek.problems("""
          - {name: a, remove: {rooms: [R-9]}}
          - {name: fine, scaleDemand: 2}
          - {name: b, set: {policies.mealBudgetPerHead.banquet: lots}}
          - {name: c, remove: {rooms: [R-9]}, set: {policies.weeklyHospitalityBudget: lots}}
        """)
        #expect(problems.map(\.path) == ["variants[0].remove.rooms[0]", "variants[2].set[\"policies.mealBudgetPerHead.banquet\"]",
                                         "variants[3].remove.rooms[0]", "variants[3].set[\"policies.weeklyHospitalityBudget\"]"])
    }

    @Test func aMissingBaseIsReportedAgainstTheWhatIfFile() throws {
        let problems = try MiniWeek.problems("  - {name: x, scaleDemand: 2}", base: "no-such-week.yaml")
        #expect(problems.count == 1)
        #expect(problems.first?.path == "base")
        #expect(problems.first?.file.hasSuffix("whatif.yaml") == true)
        #expect(problems.first?.message.contains("no-such-week.yaml does not exist") == true)
    }

    @Test func aWhatIfFileNeedsABaseAndVariants() throws {
        #expect(throws: ScenarioError.self) { try WhatIfLoader.parse("variants: []", format: .yaml, file: "w.yaml") }
        do {
            _ = try WhatIfLoader.parse("{\"base\": \"x.yaml\", \"variants\": []}", format: .json, file: "dir/w.json")
        } catch {
            #expect(error.issues.map(\.path) == ["variants"])
        }
        let file = try WhatIfLoader.parse("{\"base\": \"x.yaml\", \"variants\": [{\"name\": \"v\", \"scaleDemand\": 2}]}",
                                          format: .json, file: "dir/w.json")
        #expect(file.basePath == "dir/x.yaml")
        #expect(try WhatIfLoader.parse("{\"base\": \"/abs/x.yaml\", \"variants\": [{\"name\": \"v\", \"scaleDemand\": 2}]}",
                                       format: .json, file: "dir/w.json").basePath == "/abs/x.yaml")
    }
}
