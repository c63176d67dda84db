/// A solution built up group by group, for construction heuristics and warm starts: each
/// `tryAssign` sets a group of variables at once and keeps it only if every row the group touches
/// still holds. Rows not touched keep their state, so building from an all-zero start is cheap.
///
/// Equality and ≥ rows are checked only when a group touches them, so a caller assigns together
/// everything such a row links (for instance a choice and the resources it requires).
public struct PartialSolution: Sendable {
    /// One value per variable (0 until assigned).
    public private(set) var values: [Double]
    private var activity: [Double]
    private let columnRows: [[(row: Int, coefficient: Double)]]
    private let senses: [ConstraintSense]
    private let rhs: [Double]
    private let tolerance: Double

    /// Starts from all variables at 0 (row activities as they are at 0).
    public init(model: Model, tolerance: Double = 1e-6) {
        var columnRows = [[(row: Int, coefficient: Double)]](repeating: [], count: model.variableCount)
        var senses: [ConstraintSense] = []
        var rhs: [Double] = []
        for (r, row) in model.rows.enumerated() {
            for (variable, coefficient) in row.expression.terms where coefficient != 0 && variable.index < columnRows.count {
                columnRows[variable.index].append((r, coefficient))
            }
            senses.append(row.sense)
            rhs.append(row.rhs - row.expression.constant)
        }
        self.values = [Double](repeating: 0, count: model.variableCount)
        self.activity = [Double](repeating: 0, count: model.rows.count)
        self.columnRows = columnRows
        self.senses = senses
        self.rhs = rhs
        self.tolerance = tolerance
    }

    /// Sets the variables to the given values if every row they touch then holds; otherwise
    /// changes nothing. Returns whether the group was kept.
    @discardableResult
    public mutating func tryAssign(_ assignment: [(Variable, Double)]) -> Bool {
        var touched: [Int: Double] = [:]
        var seen = Set<Int>()
        for (variable, value) in assignment where variable.index >= 0 && variable.index < values.count {
            guard value.isFinite, seen.insert(variable.index).inserted else { continue }
            let delta = value - values[variable.index]
            guard delta != 0 else { continue }
            for (row, coefficient) in columnRows[variable.index] { touched[row, default: 0] += coefficient * delta }
        }
        for (row, delta) in touched where !holds(row, activity[row] + delta) { return false }
        for (row, delta) in touched { activity[row] += delta }
        seen.removeAll()
        for (variable, value) in assignment where variable.index >= 0 && variable.index < values.count {
            if seen.insert(variable.index).inserted, value.isFinite { values[variable.index] = value }
        }
        return true
    }

    /// Whether every row holds (including rows no group touched).
    public var isFeasible: Bool { activity.indices.allSatisfy { holds($0, activity[$0]) } }

    private func holds(_ row: Int, _ value: Double) -> Bool {
        let slack = tolerance * max(1, abs(rhs[row]))
        switch senses[row] {
        case .lessOrEqual: return value <= rhs[row] + slack
        case .greaterOrEqual: return value >= rhs[row] - slack
        case .equal: return abs(value - rhs[row]) <= slack
        }
    }
}
