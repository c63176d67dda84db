/// Why a model cannot be given to GLPK, in words.
struct ModelError: Error, Sendable {
    var message: String
}

/// A `Model` checked and normalised so that no GLPK call on it can abort:
/// every number finite (±infinity only as "no bound") with magnitude at most 1e30 (non-zero
/// coefficients at least 1e-30), lower ≤ upper, integer bounds integral,
/// every term's column in range, one term per column in a row, no zero coefficients,
/// names unique, non-empty and at most 255 characters (or, when the model keeps no names, all empty).
struct PreparedModel: Sendable {
    struct Column: Sendable {
        var name: String
        var isIntegral: Bool
        /// Whether the column is a 0-1 column with bounds exactly [0, 1].
        var isBinary: Bool
        var objective: Double
        /// -infinity when unbounded below.
        var lower: Double
        /// +infinity when unbounded above.
        var upper: Double

        /// The name, or `x<index>` when the model keeps no names.
        func displayName(_ index: Int) -> String { name.isEmpty ? "x\(index)" : name }
    }

    struct Row: Sendable {
        var name: String
        /// (0-based column, non-zero finite coefficient), one per column, in insertion order.
        var terms: [(column: Int, coefficient: Double)]
        /// -infinity when unbounded below.
        var lower: Double
        /// +infinity when unbounded above.
        var upper: Double
    }

    /// GLPK's limit on rows and columns.
    static let maximumDimension = 100_000_000

    /// The largest magnitude accepted for a coefficient, bound or right-hand side. GLPK gives
    /// wrong answers long before this, and with magnitudes near 1e±300 its scaling aborts the
    /// process (`glp_set_sjj: invalid scale factor`, seen with presolve on).
    static let largestMagnitude = 1e30
    /// The smallest magnitude accepted for a non-zero coefficient (see `largestMagnitude`).
    static let smallestMagnitude = 1e-30

    /// `value`, when finite and not larger than `largestMagnitude`; otherwise throws with `what`.
    private static func checked(_ value: Double, _ what: @autoclosure () -> String) throws(ModelError) -> Double {
        guard value.isFinite else {
            throw ModelError(message: "\(what()) is \(value); it must be finite")
        }
        guard abs(value) <= largestMagnitude else {
            throw ModelError(message: "\(what()) is \(value); magnitudes above \(largestMagnitude) are not accepted (use ±infinity for \"no bound\")")
        }
        return value
    }

    /// `coefficient`, when finite and 0 or within [smallestMagnitude, largestMagnitude] in magnitude.
    private static func checkedCoefficient(_ coefficient: Double, _ what: @autoclosure () -> String) throws(ModelError) -> Double {
        let value = try checked(coefficient, what())
        guard value == 0 || abs(value) >= smallestMagnitude else {
            throw ModelError(message: "\(what()) is \(value); non-zero magnitudes below \(smallestMagnitude) are not accepted")
        }
        return value
    }

    var problemName: String
    var columns: [Column]
    var rows: [Row]
    var objectiveConstant: Double
    var direction: ObjectiveDirection
    var nonZeroCount: Int
    /// Set when validation already shows that the model has no solution (an integer
    /// column whose rounded bounds cross); GLPK is then not called.
    var infeasibility: String?

    var hasIntegralColumns: Bool { columns.contains { $0.isIntegral } }

    init(_ model: Model) throws(ModelError) {
        guard model.variableCount < Self.maximumDimension, model.constraintCount < Self.maximumDimension else {
            throw ModelError(message: "the model is too large for GLPK (\(model.variableCount) variables, \(model.constraintCount) constraints)")
        }
        problemName = Names.sanitized(model.name, fallback: "model")
        direction = model.objectiveDirection
        infeasibility = nil

        // Columns and their bounds.
        columns = []
        columns.reserveCapacity(model.variableCount)
        for (index, column) in model.columns.enumerated() {
            let name = model.storedName(ofColumn: index)
            // Formed only for a message: a large model has a million columns.
            var what: String { "variable '\(name.isEmpty ? "x\(index)" : name)' (#\(index))" }
            var lower = column.lowerBound
            var upper = column.upperBound
            guard !lower.isNaN, !upper.isNaN else {
                throw ModelError(message: "\(what) has a NaN bound")
            }
            guard lower != .infinity, upper != -.infinity else {
                throw ModelError(message: "\(what) has lower bound \(lower) and upper bound \(upper); +infinity cannot be a lower bound nor -infinity an upper bound")
            }
            guard lower <= upper else {
                throw ModelError(message: "\(what) has lower bound \(lower) greater than upper bound \(upper)")
            }
            if lower.isFinite { _ = try Self.checked(lower, "the lower bound of \(what)") }
            if upper.isFinite { _ = try Self.checked(upper, "the upper bound of \(what)") }
            if column.kind == .binary {
                lower = max(lower, 0)
                upper = min(upper, 1)
            }
            if column.kind.isIntegral {
                // Round inwards, forgiving representation noise such as 0.9999999999.
                // Adding 0 turns a -0 from rounding into 0, which reads better in exported files.
                if lower.isFinite { lower = (lower - Self.integralityTolerance(lower)).rounded(.up) + 0 }
                if upper.isFinite { upper = (upper + Self.integralityTolerance(upper)).rounded(.down) + 0 }
                if lower > upper, infeasibility == nil {
                    infeasibility = "\(what) must be an integer in [\(column.lowerBound), \(column.upperBound)]\(column.kind == .binary ? " ∩ [0, 1]" : ""), which holds none"
                }
            }
            columns.append(Column(
                name: name, isIntegral: column.kind.isIntegral,
                isBinary: column.kind == .binary && lower == 0 && upper == 1,
                objective: 0, lower: lower, upper: upper))
        }

        // Objective.
        objectiveConstant = try Self.checked(model.objective.constant, "the objective's constant")
        for (variable, coefficient) in model.objective.terms {
            guard columns.indices.contains(variable.index) else {
                throw ModelError(message: "the objective uses variable #\(variable.index), which is not a variable of this model (it has \(columns.count))")
            }
            columns[variable.index].objective = try Self.checkedCoefficient(
                coefficient, "the objective's coefficient of '\(columns[variable.index].displayName(variable.index))'")
        }

        // Rows.
        rows = []
        rows.reserveCapacity(model.constraintCount)
        nonZeroCount = 0
        for (index, row) in model.rows.enumerated() {
            var what: String { "constraint '\(row.name.isEmpty ? "c\(index)" : row.name)' (#\(index))" }
            _ = try Self.checked(row.rhs, "the right-hand side of \(what)")
            _ = try Self.checked(row.constant, "the expression constant of \(what)")
            let rhs = try Self.checked(row.rhs - row.constant, "the right-hand side minus the expression constant of \(what)")
            var terms: [(column: Int, coefficient: Double)] = []
            terms.reserveCapacity(row.terms.count)
            // The terms came from an expression keyed by variable: columns are already unique.
            for (variable, coefficient) in row.terms {
                guard columns.indices.contains(variable.index) else {
                    throw ModelError(message: "\(what) uses variable #\(variable.index), which is not a variable of this model (it has \(columns.count))")
                }
                _ = try Self.checkedCoefficient(coefficient, "the coefficient of '\(columns[variable.index].displayName(variable.index))' in \(what)")
                if coefficient != 0 {
                    terms.append((variable.index, coefficient))
                }
            }
            nonZeroCount += terms.count
            guard nonZeroCount < Int(Int32.max) else {
                throw ModelError(message: "the model has too many non-zero coefficients for GLPK")
            }
            let (lower, upper): (Double, Double) = switch row.sense {
            case .lessOrEqual: (-.infinity, rhs)
            case .greaterOrEqual: (rhs, .infinity)
            case .equal: (rhs, rhs)
            }
            rows.append(Row(name: row.name, terms: terms, lower: lower, upper: upper))
        }
    }

    private static func integralityTolerance(_ value: Double) -> Double {
        1e-9 * max(1, abs(value))
    }

    /// The objective value at `values` (one per column), constant included.
    func objectiveValue(_ values: [Double]) -> Double {
        var total = objectiveConstant
        for (index, column) in columns.enumerated() where column.objective != 0 {
            total += column.objective * values[index]
        }
        return total
    }

    /// The first bound or row that `values` (one per column) violates by more than `tolerance`
    /// (relative to the size of the bound, at least absolute), in words; nil when feasible.
    func firstViolation(_ values: [Double], tolerance: Double = 1e-6) -> String? {
        func exceeds(_ amount: Double, _ limit: Double) -> Bool {
            amount > tolerance * max(1, abs(limit))
        }
        for (index, column) in columns.enumerated() {
            let value = values[index]
            guard value.isFinite else {
                return "variable '\(column.displayName(index))' = \(value) is not a finite number"
            }
            if exceeds(column.lower - value, column.lower) || exceeds(value - column.upper, column.upper) {
                return "variable '\(column.displayName(index))' = \(value) is outside [\(column.lower), \(column.upper)]"
            }
            if column.isIntegral, abs(value - value.rounded()) > tolerance {
                return "variable '\(column.displayName(index))' = \(value) is not integral"
            }
        }
        for (index, row) in rows.enumerated() {
            var activity = 0.0
            for term in row.terms {
                activity += term.coefficient * values[term.column]
            }
            guard activity.isFinite else {
                return "constraint '\(row.name.isEmpty ? "c\(index)" : row.name)' has activity \(activity)"
            }
            if exceeds(row.lower - activity, row.lower) || exceeds(activity - row.upper, row.upper) {
                return "constraint '\(row.name.isEmpty ? "c\(index)" : row.name)' has activity \(activity) outside [\(row.lower), \(row.upper)]"
            }
        }
        return nil
    }
}
