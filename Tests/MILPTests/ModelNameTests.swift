import MILP
import Testing

@Suite("Model names")
struct ModelNameTests {
    @Test(arguments: [
        ("visit Anna 09:00", "visit_Anna_09_00"),
        ("room[2]", "room(2)"),
        ("1st", "_1st"),
        (".hidden", "_.hidden"),
        ("Jürgen-Ω", "J_rgen__"),
        ("end", "_end"),
        ("cap_3", "cap_3"),
    ])
    func namesAreMadeValidForLPFiles(given: String, expected: String) {
        var model = Model()
        let x = model.addVariable(given)
        let row = model.addConstraint(LinearExpression(x), .lessOrEqual, 1, name: given)
        #expect(model.variableName(x) == expected)
        #expect(model.constraintName(row) == expected)
    }

    @Test func emptyNamesGetAnIndexedName() {
        var model = Model()
        _ = model.addVariable("a")
        let x = model.addVariable("")
        let row = model.addConstraint(LinearExpression(x), .lessOrEqual, 1, name: "")
        #expect(model.variableName(x) == "x1")
        #expect(model.constraintName(row) == "c0")
    }

    @Test func duplicateNamesAreMadeUnique() {
        var model = Model()
        let a = model.addVariable("a")
        let b = model.addVariable("a")
        let c = model.addVariable("a~1")
        let d = model.addVariable("a b")
        let e = model.addVariable("a_b")
        let names = [a, b, c, d, e].map(model.variableName)
        #expect(names == ["a", "a~1", "a~1~2", "a_b", "a_b~4"])
        #expect(Set(names).count == names.count)
    }

    @Test func longNamesAreCutTo255Characters() {
        var model = Model()
        let long = String(repeating: "n", count: 300)
        let a = model.addVariable(long)
        let b = model.addVariable(long)
        #expect(model.variableName(a).count == 255)
        #expect(model.variableName(b).count == 255)
        #expect(model.variableName(a) != model.variableName(b))
    }
}

/// A model that keeps no names: the same solutions, generic names in messages and files.
@Suite("Models without names")
struct NamelessModelTests {
    static func assignment(keepsNames: Bool) -> Model {
        var model = Model(name: "assignment", keepsNames: keepsNames)
        let x = (0..<3).map { i in (0..<3).map { j in model.addBinary("x[\(i),\(j)]") } }
        let cost = [[4.0, 2, 8], [4, 3, 7], [3, 1, 6]]
        for i in 0..<3 { model.addConstraint(LinearExpression.sum(x[i]), .equal, 1, name: "worker \(i)") }
        for j in 0..<3 { model.addConstraint(LinearExpression.sum(x.map { $0[j] }), .equal, 1, name: "task \(j)") }
        var objective = LinearExpression()
        for i in 0..<3 { for j in 0..<3 { objective.add(x[i][j], coefficient: cost[i][j]) } }
        model.setObjective(objective, .minimize)
        return model
    }

    @Test("it solves to the same optimum as the named model")
    func sameOptimum() {
        let named = GLPKSolver.solve(Self.assignment(keepsNames: true))
        let nameless = GLPKSolver.solve(Self.assignment(keepsNames: false))
        #expect(named.status == .optimal && nameless.status == .optimal)
        #expect(named.objective == nameless.objective)
        #expect(nameless.objective == 12)   // the best of the 6 assignments (three reach 12)
    }

    @Test("it answers x<index> and c<index> for names, and the name expressions are never formed")
    func genericNames() {
        var model = Model(name: "m", keepsNames: false)
        let formed = Counter()
        let x = model.addBinary(formed.name("x"))
        let row = model.addConstraint(LinearExpression(x), .lessOrEqual, 1, name: formed.name("row"))
        #expect(formed.count == 0)
        #expect(model.variableName(x) == "x0")
        #expect(model.constraintName(row) == "c0")
        var named = Model(name: "m")
        _ = named.addBinary(formed.name("y"))
        #expect(formed.count == 1)
    }
}

/// Counts the names formed.
private final class Counter: @unchecked Sendable {
    var count = 0
    func name(_ text: String) -> String {
        count += 1
        return text
    }
}
