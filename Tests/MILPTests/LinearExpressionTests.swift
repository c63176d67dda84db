import MILP
import Testing

@Suite("Linear expressions")
struct LinearExpressionTests {
    private func variables(_ count: Int) -> [Variable] {
        var model = Model()
        return (0..<count).map { model.addVariable("v\($0)") }
    }

    @Test func addingAVariableTwiceMergesTheTerms() {
        let v = variables(2)
        var expression = LinearExpression(v[0])
        expression.add(v[1], coefficient: 2)
        expression.add(v[0], coefficient: 3)
        #expect(expression.terms.keys.elementsEqual([v[0], v[1]]))
        #expect(expression.coefficient(of: v[0]) == 4)
        #expect(expression.coefficient(of: v[1]) == 2)
    }

    @Test func operatorsBuildTheExpectedTermsAndConstant() {
        let v = variables(3)
        var expression = 2 * v[0] + v[1] - v[2] + 5
        expression += v[2]
        expression -= 3 * LinearExpression(v[1])
        expression += 1.5
        expression -= v[0]
        expression -= 0.5
        #expect(expression.coefficient(of: v[0]) == 1)
        #expect(expression.coefficient(of: v[1]) == -2)
        #expect(expression.coefficient(of: v[2]) == 0)
        #expect(expression.constant == 6)
        #expect(expression.value(at: [1, 2, 3]) == 1 - 4 + 6)
        let difference = (v[0] - v[1]) - (v[0] + LinearExpression(constant: 2))
        #expect(difference.coefficient(of: v[0]) == 0)
        #expect(difference.coefficient(of: v[1]) == -1)
        #expect(difference.constant == -2)
        #expect(v[0] + (v[1] - 1.0) == v[0] + v[1] - 1)
    }

    @Test func addingAnExpressionScalesItsConstantToo() {
        let v = variables(1)
        var expression = LinearExpression(constant: 1)
        expression.add(2 * v[0] + 3, multiplier: -2)
        #expect(expression.coefficient(of: v[0]) == -4)
        #expect(expression.constant == -5)
    }

    @Test func isEmptyLooksOnlyAtTerms() {
        let v = variables(1)
        #expect(LinearExpression().isEmpty)
        #expect(LinearExpression(constant: 3).isEmpty)
        #expect(!LinearExpression(v[0]).isEmpty)
        #expect(LinearExpression.sum(v + v).coefficient(of: v[0]) == 2)
    }
}
