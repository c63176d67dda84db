import MILP
import Testing

/// How a model keeps its columns once built: names apart from kinds and bounds (only when the
/// model keeps names), and arrays trimmed to their contents without losing anything.
@Suite("Model storage")
struct ModelStorageTests {
    /// Three binaries and an integer, two rows; `keepsNames` as given.
    static func model(keepsNames: Bool) -> (Model, [Variable]) {
        var model = Model(name: "storage", keepsNames: keepsNames)
        var variables = (0..<3).map { model.addBinary("pick[\($0)]") }
        variables.append(model.addVariable("count", kind: .integer, lowerBound: 0, upperBound: 5))
        model.addConstraint(LinearExpression(variables.prefix(3).map { ($0, 1.0) }), .lessOrEqual, 2, name: "two")
        model.addConstraint(LinearExpression([(variables[3], 1), (variables[0], -1)]), .lessOrEqual, 1, name: "count_follows")
        model.setObjective(LinearExpression([(variables[0], 3), (variables[1], 2), (variables[2], 1), (variables[3], 1)]), .maximize)
        return (model, variables)
    }

    @Test("trimming a model's arrays keeps its names, kinds, bounds, rows and optimum", arguments: [true, false])
    func trimmingKeepsTheModel(keepsNames: Bool) throws {
        let (built, variables) = Self.model(keepsNames: keepsNames)
        var trimmed = built
        trimmed.trimCapacity()
        #expect(variables.map(trimmed.variableName) == variables.map(built.variableName))
        #expect(variables.map(trimmed.kind) == [.binary, .binary, .binary, .integer])
        #expect(trimmed.bounds(of: variables[3]) == (0, 5))
        #expect(trimmed.constraintCount == 2 && trimmed.coefficientCount == 5)
        let result = GLPKSolver.solve(trimmed, options: SolverOptions())
        #expect(result.status == .optimal)
        #expect(abs(try #require(result.objective) - 7) < 1e-9)   // picks 0 and 1, count 2
    }

    @Test("submodels and combined models carry the names of a model that keeps them, and none of one that does not", arguments: [true, false])
    func copiesCarryNames(keepsNames: Bool) {
        let (model, variables) = Self.model(keepsNames: keepsNames)
        let sub = Submodel(of: model, free: [variables[1], variables[3]], fixedAt: [1, 0, 0, 0])
        let combined = CombinedModel([model, sub.model])
        let expected = keepsNames ? ["pick(1)", "count"] : ["x0", "x1"]
        #expect(sub.model.variables.map(sub.model.variableName) == expected)
        #expect(combined.model.keepsNames == keepsNames)
        let joined = combined.model.variables.map(combined.model.variableName)
        #expect(joined.count == 6)
        if keepsNames {
            #expect(Array(joined.prefix(4)) == ["pick(0)", "pick(1)", "pick(2)", "count"])
            #expect(Set(joined).count == 6)   // the submodel's copies made unique beside the originals
        } else {
            #expect(joined == (0..<6).map { "x\($0)" })
        }
    }

    @Test("an array with exact capacity holds the same elements in no more room than they need")
    func exactCapacity() {
        var grown: [Int] = []
        for i in 0..<1_000 { grown.append(i) }
        #expect(grown.capacity > grown.count)
        let exact = grown.withExactCapacity()
        #expect(exact == grown)
        #expect(exact.capacity < grown.capacity)
        #expect(exact.capacity - exact.count < 8)
        #expect([String]().withExactCapacity().isEmpty)
    }
}
