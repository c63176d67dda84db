import OrderedCollections

/// A linear expression `sum(coefficient * variable) + constant`.
///
/// Terms keep their first-insertion order (an `OrderedDictionary`), so the rows built from
/// an expression, and hence the solver's path, are the same in every run.
/// Adding a variable that is already present merges the coefficients.
public struct LinearExpression: Sendable, Equatable {
    /// The terms, one per variable, in first-insertion order.
    public private(set) var terms: OrderedDictionary<Variable, Double>
    /// The constant term.
    public var constant: Double

    /// The empty expression, 0.
    public init() {
        terms = [:]
        constant = 0
    }

    /// The expression `1 * variable`.
    public init(_ variable: Variable) {
        terms = [variable: 1]
        constant = 0
    }

    /// The expression made only of a constant.
    public init(constant: Double) {
        terms = [:]
        self.constant = constant
    }

    /// The sum of `coefficient * variable` over the given pairs (duplicates merge).
    public init(_ terms: some Sequence<(Variable, Double)>, constant: Double = 0) {
        self.init(constant: constant)
        for (variable, coefficient) in terms {
            add(variable, coefficient: coefficient)
        }
    }

    /// The sum of `coefficient * variable` over pairs whose variables are all different (checked
    /// only in debug builds): faster than merging for large rows.
    public init(uniqueTerms: [(Variable, Double)], constant: Double = 0) {
        terms = OrderedDictionary(uncheckedUniqueKeys: uniqueTerms.map(\.0), values: uniqueTerms.map(\.1))
        self.constant = constant
    }

    /// The sum of the given variables, each with coefficient 1 (duplicates merge).
    public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
        var expression = LinearExpression()
        for variable in variables {
            expression.add(variable)
        }
        return expression
    }

    /// Adds `coefficient * variable`, merging with an existing term of the same variable.
    public mutating func add(_ variable: Variable, coefficient: Double = 1) {
        terms[variable, default: 0] += coefficient
    }

    /// Adds `multiplier * other`, constant included.
    public mutating func add(_ other: LinearExpression, multiplier: Double = 1) {
        for (variable, coefficient) in other.terms {
            terms[variable, default: 0] += multiplier * coefficient
        }
        constant += multiplier * other.constant
    }

    /// Whether the expression has no terms (its constant may be non-zero).
    public var isEmpty: Bool { terms.isEmpty }

    /// The coefficient of `variable` (0 when absent).
    public func coefficient(of variable: Variable) -> Double {
        terms[variable] ?? 0
    }

    /// The value of the expression at `values` (one value per variable, indexed by column).
    /// A variable outside `values` counts as 0.
    public func value(at values: [Double]) -> Double {
        var total = constant
        for (variable, coefficient) in terms where values.indices.contains(variable.index) {
            total += coefficient * values[variable.index]
        }
        return total
    }
}
