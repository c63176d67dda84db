/// A model restricted to some of its variables, the others fixed at given values: the
/// neighbourhood of a solution that a large-neighbourhood search re-optimises.
///
/// The submodel has the free variables (in the order given, with their names, kinds and bounds)
/// and every row that has at least one of them, with the fixed variables' contribution moved to
/// the right-hand side. Rows without a free variable are left out: they hold as long as the fixed
/// values satisfy them. The objective keeps the free terms, and its constant is the fixed part,
/// so a submodel solution has the objective value of the whole solution it stands for.
public struct Submodel: Sendable {
    /// The restricted model.
    public let model: Model
    /// For each variable of `model`, in order, the variable of the full model.
    public let variables: [Variable]
    /// For each variable of the full model, its index in `model` (-1 when fixed).
    private let positions: [Int]

    /// `full` with every variable outside `free` fixed at its value in `values` (one per variable
    /// of `full`). Variables of another model and repeats in `free` are ignored.
    public init(of full: Model, free: [Variable], fixedAt values: [Double]) {
        var position = [Int](repeating: -1, count: full.variableCount)
        var chosen: [Variable] = []
        var sub = Model(name: full.name, keepsNames: full.keepsNames)
        for variable in free where position.indices.contains(variable.index) && position[variable.index] < 0 {
            let column = full.columns[variable.index]
            position[variable.index] = chosen.count
            chosen.append(variable)
            sub.addVariable(full.storedName(ofColumn: variable.index), kind: column.kind, lowerBound: column.lowerBound, upperBound: column.upperBound)
        }
        func fixedValue(_ index: Int) -> Double { values.indices.contains(index) ? values[index] : 0 }
        for row in full.rows {
            var expression = LinearExpression(constant: row.constant)
            var hasFree = false
            for (variable, coefficient) in row.terms {
                let p = position.indices.contains(variable.index) ? position[variable.index] : -1
                if p >= 0 {
                    expression.add(Variable(index: p), coefficient: coefficient)
                    hasFree = true
                } else {
                    expression.constant += coefficient * fixedValue(variable.index)
                }
            }
            if hasFree { sub.addConstraint(expression, row.sense, row.rhs, name: row.name) }
        }
        var objective = LinearExpression(constant: full.objective.constant)
        for (variable, coefficient) in full.objective.terms {
            let p = position.indices.contains(variable.index) ? position[variable.index] : -1
            if p >= 0 {
                objective.add(Variable(index: p), coefficient: coefficient)
            } else {
                objective.constant += coefficient * fixedValue(variable.index)
            }
        }
        sub.setObjective(objective, full.objectiveDirection)
        model = sub
        variables = chosen
        positions = position
    }

    /// The variable of `model` that stands for `variable` of the full model (nil when it is fixed).
    public func variable(standingFor variable: Variable) -> Variable? {
        positions.indices.contains(variable.index) && positions[variable.index] >= 0 ? Variable(index: positions[variable.index]) : nil
    }

    /// The submodel's values of a full solution (e.g. the incumbent to offer the submodel).
    public func restrict(_ values: [Double]) -> [Double] {
        variables.map { values.indices.contains($0.index) ? values[$0.index] : 0 }
    }

    /// `values` (a full solution) with the free variables set from `solution` (of `model`).
    public func expand(_ solution: [Double], into values: [Double]) -> [Double] {
        var result = values
        for (k, variable) in variables.enumerated() where solution.indices.contains(k) && result.indices.contains(variable.index) {
            result[variable.index] = solution[k]
        }
        return result
    }
}
