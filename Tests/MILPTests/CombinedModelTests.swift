import MILP
import Testing

/// Models side by side in one, linked by rows added afterwards, and restricted models.
@Suite("Combined models")
struct CombinedModelTests {
    /// max 3a + 2b with a + b ≤ 1 (binary): alone, a = 1, objective 3.
    static func first() -> (Model, Variable, Variable) {
        var model = Model(name: "first")
        let a = model.addBinary("a")
        let b = model.addBinary("b")
        model.addConstraint(LinearExpression([(a, 1), (b, 1)]), .lessOrEqual, 1, name: "one")
        model.setObjective(LinearExpression([(a, 3), (b, 2)], constant: 1), .maximize)
        return (model, a, b)
    }

    @Test("each part keeps its rows, the objectives add up, and a linking row couples the parts")
    func linkedParts() throws {
        let (first, a, _) = Self.first()
        // min −2c (binary), i.e. max 2c, in the other direction: turned to maximise when combined.
        var second = Model(name: "second")
        let c = second.addBinary("one")  // same name as the first part's row: names stay unique
        second.setObjective(LinearExpression([(c, -2)]), .minimize)
        var combined = CombinedModel([first, second])
        #expect(combined.model.variableCount == 3)
        #expect(combined.offsets == [0, 2])
        #expect(combined.model.objectiveDirection == .maximize)
        let alone = GLPKSolver.solve(combined.model, options: SolverOptions())
        #expect(alone.status == .optimal)
        #expect(abs(try #require(alone.objective) - 6) < 1e-9)
        // a and c exclude each other: b + c (4 + 1) beats a alone (3 + 1).
        let ja = combined.variable(a, ofPart: 0)
        let jc = combined.variable(c, ofPart: 1)
        combined.model.addConstraint(LinearExpression([(ja, 1), (jc, 1)]), .lessOrEqual, 1, name: "link")
        let linked = GLPKSolver.solve(combined.model, options: SolverOptions())
        #expect(linked.status == .optimal)
        #expect(abs(try #require(linked.objective) - 5) < 1e-9)
        #expect(combined.values(ofPart: 0, in: linked.values) == [0, 1])
        #expect(combined.values(ofPart: 1, in: linked.values) == [1])
        #expect(combined.joined([[0, 1], [1]]) == linked.values)
        #expect(Set(combined.model.variables.map { combined.model.variableName($0) }).count == 3)
    }

    @Test("a submodel names the variable standing for each free variable, and none for a fixed one")
    func submodelVariables() {
        let (model, a, b) = Self.first()
        let sub = Submodel(of: model, free: [b], fixedAt: [0, 0])
        #expect(sub.variable(standingFor: b) == sub.model.variables[0])
        #expect(sub.variable(standingFor: a) == nil)
    }
}
