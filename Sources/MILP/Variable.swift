/// A decision variable of a `Model`: a 0-based column index.
///
/// Variables are created only by `Model.addVariable(_:kind:lowerBound:upperBound:)` or
/// `Model.addBinary(_:)`; they order by creation.
public struct Variable: Hashable, Sendable, Comparable {
    /// The 0-based column index in the model that created this variable.
    public let index: Int

    init(index: Int) {
        self.index = index
    }

    public static func < (lhs: Variable, rhs: Variable) -> Bool {
        lhs.index < rhs.index
    }
}

/// The domain of a variable.
public enum VariableKind: Sendable, Hashable {
    /// Any real value within the bounds.
    case continuous
    /// Any integer within the bounds (fractional bounds are rounded inwards).
    case integer
    /// 0 or 1 (the bounds are intersected with [0, 1]).
    case binary

    /// Whether the solver must give this variable an integral value.
    public var isIntegral: Bool { self != .continuous }
}
