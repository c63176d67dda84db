import MILP
import Testing

@Suite("Infeasible, unbounded and empty models")
struct StatusTests {
    static let settings: [(integral: Bool, presolve: Bool)] = [(false, true), (true, true), (true, false)]

    @Test(arguments: settings)
    func infeasibleModel(integral: Bool, presolve: Bool) {
        var model = Model()
        let kind: VariableKind = integral ? .integer : .continuous
        let x = model.addVariable("x", kind: kind)
        let y = model.addVariable("y", kind: kind)
        model.addConstraint(x + y, .greaterOrEqual, 3, name: "at_least")
        model.addConstraint(x + y, .lessOrEqual, 2, name: "at_most")
        model.setObjective(x + y, .maximize)
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
        #expect(result.status == .infeasible)
        #expect(result.objective == nil)
        #expect(result.values.isEmpty)
    }

    @Test func integerInfeasibleButLPFeasible() {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        model.addConstraint(2 * x, .equal, 3, name: "odd")
        for presolve in [true, false] {
            let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
            #expect(result.status == .infeasible)
        }
    }

    @Test func integerColumnWithoutAnIntegerInItsBoundsIsInfeasible() {
        var model = Model()
        _ = model.addVariable("x", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        let result = GLPKSolver.solve(model)
        #expect(result.status == .infeasible)
        #expect(result.message?.contains("'x'") == true)
    }

    @Test(arguments: settings)
    func unboundedModel(integral: Bool, presolve: Bool) {
        var model = Model()
        let kind: VariableKind = integral ? .integer : .continuous
        let x = model.addVariable("x", kind: kind)
        let y = model.addVariable("y", kind: kind)
        model.addConstraint(x - y, .lessOrEqual, 1, name: "difference")
        model.setObjective(x + y, .maximize)
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
        #expect(result.status == .unbounded)
        #expect(result.values.isEmpty)
    }

    @Test func unboundedWithoutAnyConstraint() {
        var model = Model()
        let x = model.addVariable("x", kind: .integer, lowerBound: -.infinity)
        model.setObjective(LinearExpression(x), .minimize)
        #expect(GLPKSolver.solve(model).status == .unbounded)
        #expect(GLPKSolver.solve(model, options: SolverOptions(presolve: false)).status == .unbounded)
    }

    @Test func modelWithoutVariablesOrConstraints() {
        var model = Model(name: "empty")
        model.setObjective(LinearExpression(constant: 7), .maximize)
        let result = GLPKSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == 7)
        #expect(result.bound == 7)
        #expect(result.values.isEmpty)
    }

    @Test(arguments: [(ConstraintSense.lessOrEqual, 5.0, SolveStatus.optimal), (.greaterOrEqual, 1, .infeasible), (.equal, 0, .optimal)])
    func modelWithoutVariablesButWithARow(sense: ConstraintSense, rhs: Double, expected: SolveStatus) {
        var model = Model()
        model.addConstraint(LinearExpression(constant: 0), sense, rhs, name: "empty row")
        #expect(GLPKSolver.solve(model).status == expected)
    }

    @Test(arguments: settings)
    func rowsWithoutTermsAreHandled(integral: Bool, presolve: Bool) {
        var model = Model()
        let x = model.addVariable("x", kind: integral ? .integer : .continuous, upperBound: 4)
        model.addConstraint(LinearExpression(), .lessOrEqual, 5, name: "harmless")
        // x - x: the zero coefficient is dropped, leaving 0 ≤ 3.
        model.addConstraint(x - x, .lessOrEqual, 3, name: "cancelled")
        model.setObjective(LinearExpression(x), .maximize)
        let options = SolverOptions(presolve: presolve)
        #expect(GLPKSolver.solve(model, options: options).objective == 4)
        model.addConstraint(x - x, .greaterOrEqual, 1, name: "impossible")
        #expect(GLPKSolver.solve(model, options: options).status == .infeasible)
    }
}

@Suite("Invalid input gives .error, never a crash")
struct InvalidInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var make: @Sendable () -> (Model, SolverOptions)
    }

    static func base() -> (Model, Variable, Variable) {
        var model = Model()
        let x = model.addVariable("x", upperBound: 10)
        let y = model.addVariable("y", kind: .integer, upperBound: 10)
        model.addConstraint(x + y, .lessOrEqual, 5, name: "limit")
        model.setObjective(x + y, .maximize)
        return (model, x, y)
    }

    static let cases: [Case] = [
        Case(testDescription: "NaN coefficient") {
            var (model, x, _) = base()
            model.addConstraint(Double.nan * x, .lessOrEqual, 1, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "infinite coefficient") {
            var (model, x, y) = base()
            model.addConstraint(Double.infinity * x + y, .lessOrEqual, 1, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "NaN objective coefficient") {
            var (model, x, y) = base()
            model.setObjective(x + Double.nan * y, .minimize)
            return (model, SolverOptions())
        },
        Case(testDescription: "infinite objective constant") {
            var (model, x, _) = base()
            model.setObjective(x + Double.infinity, .minimize)
            return (model, SolverOptions())
        },
        Case(testDescription: "lower bound above upper bound") {
            var (model, _, _) = base()
            _ = model.addVariable("z", lowerBound: 3, upperBound: 2)
            return (model, SolverOptions())
        },
        Case(testDescription: "lower bound +infinity") {
            var (model, _, _) = base()
            _ = model.addVariable("z", lowerBound: .infinity)
            return (model, SolverOptions())
        },
        Case(testDescription: "NaN bound") {
            var (model, _, _) = base()
            _ = model.addVariable("z", kind: .integer, lowerBound: 0, upperBound: .nan)
            return (model, SolverOptions())
        },
        Case(testDescription: "infinite right-hand side") {
            var (model, x, _) = base()
            model.addConstraint(LinearExpression(x), .lessOrEqual, .infinity, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "NaN right-hand side") {
            var (model, x, _) = base()
            model.addConstraint(LinearExpression(x), .equal, .nan, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "infinite expression constant") {
            var (model, x, _) = base()
            model.addConstraint(x - Double.infinity, .greaterOrEqual, 0, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "huge coefficient") {
            var (model, x, y) = base()
            model.addConstraint(1e300 * x + 1e-300 * y, .lessOrEqual, 1, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "tiny coefficient") {
            var (model, x, y) = base()
            model.addConstraint(x + 1e-300 * y, .lessOrEqual, 1, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "huge bound") {
            var (model, _, _) = base()
            _ = model.addVariable("z", upperBound: 1e300)
            return (model, SolverOptions())
        },
        Case(testDescription: "variable of another model") {
            var (model, _, _) = base()
            var other = Model()
            let stranger = (0..<5).map { other.addVariable("s\($0)") }.last!
            model.addConstraint(LinearExpression(stranger), .lessOrEqual, 1, name: "bad")
            return (model, SolverOptions())
        },
        Case(testDescription: "incumbent too short") {
            let (model, _, _) = base()
            return (model, SolverOptions(incumbent: [1]))
        },
        Case(testDescription: "incumbent too long") {
            let (model, _, _) = base()
            return (model, SolverOptions(incumbent: [1, 2, 3]))
        },
        Case(testDescription: "NaN incumbent value") {
            let (model, _, _) = base()
            return (model, SolverOptions(incumbent: [1, .nan]))
        },
        Case(testDescription: "negative time limit") {
            let (model, _, _) = base()
            return (model, SolverOptions(timeLimit: -1))
        },
        Case(testDescription: "NaN relative gap") {
            let (model, _, _) = base()
            return (model, SolverOptions(relativeGap: .nan))
        },
    ]

    @Test(arguments: cases)
    func invalidInputIsReported(_ invalid: Case) throws {
        let (model, options) = invalid.make()
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .error)
        let message = try #require(result.message)
        #expect(!message.isEmpty)
        #expect(result.values.isEmpty)
        #expect(result.objective == nil)
    }

    @Test func invalidModelsCannotBeExported() {
        let (model, options) = Self.cases[0].make()
        _ = options
        #expect(throws: ModelExportError.self) {
            try model.write(to: "/tmp/never-written.lp", format: .cplexLP)
        }
    }
}
