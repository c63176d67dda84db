import MILP
import Testing

/// An LP's dual values (shadow prices), which price what ties a decomposed week's days together.
@Suite("Dual values of an LP")
struct DualValueTests {
    /// max 3x + 2y, x + y ≤ 4, x ≤ 3, y ≤ 10 (slack): x = 3, y = 1, objective 11. One more unit of
    /// `sum` is worth 2 (another y); of `x cap` 1 (an x for a y); the slack row nothing.
    static func model() -> (Model, sum: ConstraintRef, xCap: ConstraintRef, slack: ConstraintRef) {
        var model = Model(name: "duals")
        let x = model.addVariable("x", lowerBound: 0)
        let y = model.addVariable("y", lowerBound: 0)
        let sum = model.addConstraint(LinearExpression([(x, 1), (y, 1)]), .lessOrEqual, 4, name: "sum")
        let xCap = model.addConstraint(LinearExpression([(x, 1)]), .lessOrEqual, 3, name: "x cap")
        let slack = model.addConstraint(LinearExpression([(y, 1)]), .lessOrEqual, 10, name: "slack")
        model.setObjective(LinearExpression([(x, 3), (y, 2)]), .maximize)
        return (model, sum, xCap, slack)
    }

    @Test("each row's dual is what one more unit of its right-hand side is worth, from the slack or the advanced basis",
          arguments: [false, true])
    func shadowPrices(advancedBasis: Bool) throws {
        let (model, sum, xCap, slack) = Self.model()
        var options = SolverOptions()
        options.search.advancedBasis = advancedBasis
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(abs(try #require(result.objective) - 11) < 1e-9)
        #expect(result.rowDuals.count == 3)
        #expect(abs(result.dual(sum) - 2) < 1e-9)
        #expect(abs(result.dual(xCap) - 1) < 1e-9)
        #expect(abs(result.dual(slack)) < 1e-9)
    }

    @Test("a MIP has no duals: 0 for every row")
    func noDualsForMIP() {
        var (model, sum, _, _) = Self.model()
        model.addBinary("z")
        let result = GLPKSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.rowDuals.isEmpty)
        #expect(result.dual(sum) == 0)
    }
}
