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
