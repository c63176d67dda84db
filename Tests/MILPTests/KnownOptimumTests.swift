import MILP
import Testing

@Suite("Models with known optima")
struct KnownOptimumTests {
    /// Presolve on/off × cuts on/off, and the LP relaxation unscaled.
    static let settings: [SolverOptions] = [
        SolverOptions(),
        SolverOptions(presolve: false),
        SolverOptions(cuts: false),
        SolverOptions(presolve: false, cuts: false, feasibilityPump: true, proximitySearch: true),
        unscaled,
    ]

    static var unscaled: SolverOptions {
        var options = SolverOptions(presolve: false)
        options.search.scaling = false
        return options
    }

    /// An LP whose coefficients span eight orders of magnitude: scaled or not, the simplex method
    /// finds its optimum x = 5000, y = 5000.
    @Test(arguments: [true, false])
    func badlyScaledLP(scaling: Bool) throws {
        var model = Model(name: "badly scaled")
        let x = model.addVariable("x", lowerBound: 0, upperBound: 1e6)
        let y = model.addVariable("y", lowerBound: 0, upperBound: 1e6)
        model.addConstraint(LinearExpression([(x, 1e-4), (y, 1e-4)]), .lessOrEqual, 1, name: "sum")
        model.addConstraint(LinearExpression([(x, 1e3)]), .lessOrEqual, 5e6, name: "x cap")
        model.setObjective(LinearExpression([(x, 1e3), (y, 1e-3)]), .maximize)
        var options = SolverOptions()
        options.search.scaling = scaling
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(abs(result.value(x) - 5000) < 1e-6)
        #expect(abs(result.value(y) - 5000) < 1e-6)
        #expect(abs(try #require(result.objective) - 5_000_005) < 1e-6)
    }

    @Test(arguments: settings)
    func knapsack(options: SolverOptions) {
        let instance = MultiKnapsack(items: 12, rows: 1, seed: 7)
        let (model, items) = instance.model()
        let result = GLPKSolver.solve(model, options: options)
        let optimum = instance.bruteForceOptimum()
        #expect(result.status == .optimal)
        #expect(result.objective == optimum)
        #expect(result.bound == optimum)
        #expect(instance.value(of: items.map(result.value)) == optimum)
        #expect(model.firstViolation(result.values) == nil)
        #expect(result.values.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test(arguments: settings)
    func multiKnapsack(options: SolverOptions) {
        let instance = MultiKnapsack(items: 14, rows: 3, seed: 11)
        let (model, _) = instance.model()
        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .optimal)
        #expect(result.objective == instance.bruteForceOptimum())
        #expect(model.firstViolation(result.values) == nil)
    }

    @Test(arguments: settings)
    func assignment(options: SolverOptions) {
        let cost: [[Double]] = [[4, 1, 3, 7], [2, 0, 5, 6], [3, 2, 2, 4], [5, 3, 1, 2]]
        var model = Model(name: "assignment")
        let assign = cost.indices.map { worker in
            cost[worker].indices.map { task in model.addBinary("assign \(worker) to \(task)") }
        }
        for worker in cost.indices {
            model.addConstraint(LinearExpression.sum(assign[worker]), .equal, 1, name: "worker_\(worker)")
        }
        for task in cost[0].indices {
            model.addConstraint(LinearExpression.sum(assign.map { $0[task] }), .equal, 1, name: "task_\(task)")
        }
        var total = LinearExpression()
        for worker in cost.indices {
            for task in cost[worker].indices {
                total.add(assign[worker][task], coefficient: cost[worker][task])
            }
        }
        model.setObjective(total, .minimize)

        let result = GLPKSolver.solve(model, options: options)
        #expect(result.status == .optimal)
        // 1 (0→1) + 2 (1→0) + 2 (2→2) + 2 (3→3) = 7, the best of the 24 permutations.
        #expect(result.objective == 7)
        #expect(result.isOne(assign[0][1]) && result.isOne(assign[1][0]) && result.isOne(assign[2][2]) && result.isOne(assign[3][3]))
    }

    @Test(arguments: [true, false])
    func linearProgramWithAFractionalOptimum(presolve: Bool) throws {
        var model = Model(name: "lp")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint(2 * x + y, .lessOrEqual, 4, name: "first")
        model.addConstraint(x + 2 * LinearExpression(y), .lessOrEqual, 4, name: "second")
        model.setObjective(x + y, .maximize)
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
        #expect(result.status == .optimal)
        let objective = try #require(result.objective)
        #expect(abs(objective - 8.0 / 3) < 1e-9)
        #expect(abs(result.value(x) - 4.0 / 3) < 1e-9)
        #expect(abs(result.value(y) - 4.0 / 3) < 1e-9)
        #expect(result.bound == result.objective)
    }

    @Test(arguments: [true, false])
    func objectiveConstantCountsWhenMinimising(presolve: Bool) {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y", kind: .integer)
        model.addConstraint(x + y, .greaterOrEqual, 2.5, name: "demand")
        model.setObjective(3 * x + 2 * y + 10, .minimize)
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
        #expect(result.status == .optimal)
        #expect(result.objective == 16)
        #expect(result.bound == 16)
        #expect(result.value(x) == 0 && result.value(y) == 3)
    }

    @Test(arguments: [true, false])
    func objectiveConstantCountsWhenMaximising(presolve: Bool) {
        var model = Model()
        let x = model.addVariable("x", kind: .integer, lowerBound: 0.5, upperBound: 7.5)
        model.setObjective(LinearExpression(constant: 5) - x, .maximize)
        let result = GLPKSolver.solve(model, options: SolverOptions(presolve: presolve))
        #expect(result.status == .optimal)
        #expect(result.objective == 4)
        #expect(result.value(x) == 1)
    }

    @Test func integerBoundsAreRoundedInwards() {
        var model = Model()
        let x = model.addVariable("x", kind: .integer, lowerBound: 0.5, upperBound: 2.7)
        model.setObjective(LinearExpression(x), .maximize)
        #expect(GLPKSolver.solve(model).objective == 2)
        model.setObjective(LinearExpression(x), .minimize)
        #expect(GLPKSolver.solve(model).objective == 1)
    }

    @Test func duplicateTermsInARowAreMerged() {
        var model = Model()
        let x = model.addVariable("x")
        var twice = LinearExpression(x)
        twice += x
        model.addConstraint(twice, .lessOrEqual, 3, name: "twice")
        model.setObjective(LinearExpression(x), .maximize)
        let result = GLPKSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == 1.5)
    }

    @Test func theConstraintConstantMovesToTheRightHandSide() {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        model.addConstraint(x + 4, .lessOrEqual, 10, name: "shifted")
        model.setObjective(LinearExpression(x), .maximize)
        #expect(GLPKSolver.solve(model).objective == 6)
    }

    @Test func aModelWithoutConstraintsIsSolvedFromBounds() {
        var model = Model()
        let x = model.addVariable("x", upperBound: 3)
        let n = model.addVariable("n", kind: .integer, lowerBound: -4.5, upperBound: 2.5)
        let free = model.addVariable("free", lowerBound: -.infinity)
        model.setObjective(x - n + 0 * free, .maximize)
        let result = GLPKSolver.solve(model)
        #expect(result.status == .optimal)
        #expect(result.objective == 7)
        #expect(result.value(n) == -4)
    }

    @Test func binaryVariablesCanBeFixedByTheirBounds() {
        var model = Model()
        let fixed = model.addVariable("fixed", kind: .binary, lowerBound: 1, upperBound: 5)
        let other = model.addBinary("other")
        model.addConstraint(fixed + other, .lessOrEqual, 1, name: "one")
        model.setObjective(fixed + 2 * LinearExpression(other), .maximize)
        let result = GLPKSolver.solve(model)
        #expect(result.objective == 1)
        #expect(result.isOne(fixed))
        #expect(!result.isOne(other))
    }

    /// max x + y + z with 2x + 2y + 2z ≤ 3 over binaries: the MIP takes one (1), its relaxation
    /// one and a half (1.5); an integer w ≤ 2.5 is rounded inwards to 2 in both.
    @Test func relaxationBoundsTheMIP() throws {
        var model = Model(name: "relaxation")
        let x = model.addBinary("x"), y = model.addBinary("y"), z = model.addBinary("z")
        let w = model.addVariable("w", kind: .integer, lowerBound: 0, upperBound: 2.5)
        model.addConstraint(LinearExpression([(x, 2), (y, 2), (z, 2)]), .lessOrEqual, 3, name: "pack")
        model.setObjective(LinearExpression([(x, 1), (y, 1), (z, 1), (w, 1)]), .maximize)
        let mip = GLPKSolver.solve(model)
        #expect(mip.status == .optimal && abs((mip.objective ?? 0) - 3) < 1e-9)
        let relaxed = model.relaxed()
        #expect(relaxed.kind(of: x) == .continuous && relaxed.kind(of: w) == .continuous)
        #expect(relaxed.bounds(of: w).upper == 2 && relaxed.bounds(of: x).upper == 1)
        let lp = GLPKSolver.solve(relaxed)
        #expect(lp.status == .optimal && abs((lp.objective ?? 0) - 3.5) < 1e-9, "\(lp)")
        #expect(model.kind(of: x) == .binary, "the model itself is unchanged")
    }
}
