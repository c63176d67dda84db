/// The terms of one constraint as a `Model` keeps them: variable indexes as 32-bit integers and,
/// unless every coefficient is 1 (most rows of a scheduling model), the coefficients, each array
/// exactly as long as the row. A week's day models hold millions of terms; a dictionary per row
/// took three to four times the memory.
///
/// A random-access collection of `(key: Variable, value: Double)` pairs, in the order the
/// expression had them, so it reads like the `LinearExpression.terms` it was made from.
public struct RowTerms: RandomAccessCollection, Sendable, Equatable {
    private let indexes: [UInt32]
    /// nil when every coefficient is 1.
    private let coefficients: [Double]?

    /// The terms of `expression` (its variables are unique already).
    init(_ expression: LinearExpression) {
        let terms = expression.terms
        var indexes: [UInt32] = []
        indexes.reserveCapacity(terms.count)
        // An index beyond 32 bits cannot belong to any model that fits in memory: clamped, it is
        // still out of range, and the model's validation reports it like any foreign variable.
        for variable in terms.keys { indexes.append(UInt32(clamping: variable.index)) }
        self.indexes = indexes
        if terms.values.allSatisfy({ $0 == 1 }) {
            coefficients = nil
        } else {
            var values: [Double] = []
            values.reserveCapacity(terms.count)
            values.append(contentsOf: terms.values)
            coefficients = values
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { indexes.count }

    public subscript(position: Int) -> (key: Variable, value: Double) {
        (Variable(index: Int(indexes[position])), coefficients?[position] ?? 1)
    }
}
