/// How a constraint's expression relates to its right-hand side.
public enum ConstraintSense: Sendable, Hashable {
    /// expression ≤ rhs
    case lessOrEqual
    /// expression ≥ rhs
    case greaterOrEqual
    /// expression = rhs
    case equal
}

/// Whether the objective is maximised or minimised.
public enum ObjectiveDirection: Sendable, Hashable {
    case maximize
    case minimize
}

/// A constraint (row) of a `Model`: a 0-based row index.
public struct ConstraintRef: Hashable, Sendable, Comparable {
    /// The 0-based row index in the model that created this constraint.
    public let index: Int

    init(index: Int) {
        self.index = index
    }

    public static func < (lhs: ConstraintRef, rhs: ConstraintRef) -> Bool {
        lhs.index < rhs.index
    }
}
