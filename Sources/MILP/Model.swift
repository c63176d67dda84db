import OrderedCollections

/// A mixed-integer linear program: variables with bounds and kinds, named linear
/// constraints and a linear objective.
///
/// A plain value: building it never touches GLPK and never fails. Numbers are checked when
/// the model is solved or written (an invalid model gives a `.error` result, never a crash).
/// Names are made unique and valid for LP files when they are added: `variableName(_:)` and
/// `constraintName(_:)` return the names used in GLPK and in exported files.
public struct Model: Sendable {
    /// A variable's kind and bounds; its name is kept apart (`storedName(ofColumn:)`), only by a
    /// model that keeps names: a 400-visit week has a million columns, 24 bytes each this way.
    struct Column: Sendable, Equatable {
        var kind: VariableKind
        var lowerBound: Double
        var upperBound: Double
    }

    struct Row: Sendable, Equatable {
        var name: String
        /// The terms of the constraint, compactly.
        var terms: RowTerms
        /// The expression's constant, kept here until validation moves it to the right-hand side.
        var constant: Double
        var sense: ConstraintSense
        var rhs: Double
    }

    /// The problem's name (sanitised like the other names when given to GLPK).
    public var name: String
    private(set) var columns: [Column] = []
    /// The columns' names, by index, when the model keeps names (else empty).
    private var columnNameList: [String] = []
    private(set) var rows: [Row] = []
    /// The objective (the zero expression until `setObjective` is called).
    public private(set) var objective = LinearExpression()
    /// The objective's direction (`.minimize` until `setObjective` is called).
    public private(set) var objectiveDirection = ObjectiveDirection.minimize
    private var columnNames: Set<String> = []
    private var rowNames: Set<String> = []
    /// Whether the model keeps the names it is given. A large model that is solved and never
    /// written can do without: building it then takes less time and memory (the names are not
    /// even formed), GLPK gets no names, and `variableName(_:)` answers `x<index>` (`c<index>`
    /// for constraints), as does an exported file.
    public let keepsNames: Bool

    /// An empty model.
    public init(name: String = "model", keepsNames: Bool = true) {
        self.name = name
        self.keepsNames = keepsNames
    }

    /// The number of variables (columns).
    public var variableCount: Int { columns.count }

    /// The number of constraints (rows).
    public var constraintCount: Int { rows.count }

    /// The number of nonzero coefficients in the constraints.
    public var coefficientCount: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// All variables, in creation order.
    public var variables: [Variable] { columns.indices.map(Variable.init(index:)) }

    /// Adds a variable. Infinite bounds mean "no bound"; integer bounds are rounded inwards
    /// and binary bounds intersected with [0, 1] when the model is solved.
    @discardableResult
    public mutating func addVariable(
        _ name: @autoclosure () -> String,
        kind: VariableKind = .continuous,
        lowerBound: Double = 0,
        upperBound: Double = .infinity
    ) -> Variable {
        let index = columns.count
        var unique = ""
        if keepsNames {
            unique = Names.unique(Names.sanitized(name(), fallback: "x\(index)"), index: index, taken: columnNames)
            columnNames.insert(unique)
            columnNameList.append(unique)
        }
        columns.append(Column(kind: kind, lowerBound: lowerBound, upperBound: upperBound))
        return Variable(index: index)
    }

    /// Adds a 0-1 variable.
    @discardableResult
    public mutating func addBinary(_ name: @autoclosure () -> String) -> Variable {
        addVariable(name(), kind: .binary, lowerBound: 0, upperBound: 1)
    }

    /// Adds the constraint `expression sense rhs`; the expression's constant moves to the right-hand side.
    @discardableResult
    public mutating func addConstraint(
        _ expression: LinearExpression,
        _ sense: ConstraintSense,
        _ rhs: Double,
        name: @autoclosure () -> String
    ) -> ConstraintRef {
        let index = rows.count
        var unique = ""
        if keepsNames {
            unique = Names.unique(Names.sanitized(name(), fallback: "c\(index)"), index: index, taken: rowNames)
            rowNames.insert(unique)
        }
        rows.append(Row(name: unique, terms: RowTerms(expression), constant: expression.constant, sense: sense, rhs: rhs))
        return ConstraintRef(index: index)
    }

    /// Gives back the room the columns and rows were given to grow into, once the model is built
    /// (`Array.withExactCapacity`).
    public mutating func trimCapacity() {
        columns = columns.withExactCapacity()
        rows = rows.withExactCapacity()
        columnNameList = columnNameList.withExactCapacity()
    }

    /// Sets the objective, replacing any previous one. Its constant is part of the objective value.
    public mutating func setObjective(_ expression: LinearExpression, _ direction: ObjectiveDirection) {
        objective = expression
        objectiveDirection = direction
    }

    /// Changes the bounds of a variable (e.g. to fix it). Ignored for a variable of another model.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        guard columns.indices.contains(variable.index) else { return }
        columns[variable.index].lowerBound = lower
        columns[variable.index].upperBound = upper
    }

    /// The LP relaxation: the same model with every integer and binary variable continuous
    /// within its bounds (binary bounds intersected with [0, 1], integer bounds rounded inwards, as
    /// a solve would). Its optimum bounds the model's: from above when maximising.
    public func relaxed() -> Model {
        var copy = self
        for i in copy.columns.indices {
            switch copy.columns[i].kind {
            case .continuous: continue
            case .binary:
                copy.columns[i].lowerBound = max(0, copy.columns[i].lowerBound)
                copy.columns[i].upperBound = min(1, copy.columns[i].upperBound)
            case .integer:
                copy.columns[i].lowerBound = copy.columns[i].lowerBound.rounded(.up)
                copy.columns[i].upperBound = copy.columns[i].upperBound.rounded(.down)
            }
            copy.columns[i].kind = .continuous
        }
        return copy
    }

    /// The variable's name as used in GLPK and exported files ("" for a variable of another model).
    public func variableName(_ v: Variable) -> String {
        guard columns.indices.contains(v.index) else { return "" }
        return keepsNames ? columnNameList[v.index] : "x\(v.index)"
    }

    /// The name the column was given, or "" when the model keeps no names (what a copy of the
    /// column into another model passes on).
    func storedName(ofColumn index: Int) -> String {
        keepsNames && columnNameList.indices.contains(index) ? columnNameList[index] : ""
    }

    /// The constraint's name as used in GLPK and exported files ("" for a constraint of another model).
    public func constraintName(_ c: ConstraintRef) -> String {
        guard rows.indices.contains(c.index) else { return "" }
        return keepsNames ? rows[c.index].name : "c\(c.index)"
    }

    /// Calls `body` with the terms of every constraint, in row order: for walks over the whole
    /// matrix (which variables meet in a row) without copying it.
    public func forEachConstraint(_ body: (ConstraintRef, RowTerms) throws -> Void) rethrows {
        for (index, row) in rows.enumerated() { try body(ConstraintRef(index: index), row.terms) }
    }

    /// The kind the variable was created with.
    public func kind(of v: Variable) -> VariableKind {
        columns.indices.contains(v.index) ? columns[v.index].kind : .continuous
    }

    /// The bounds the variable was given (before any rounding for integer kinds);
    /// (0, 0) for a variable of another model.
    public func bounds(of v: Variable) -> (lower: Double, upper: Double) {
        guard columns.indices.contains(v.index) else { return (0, 0) }
        return (columns[v.index].lowerBound, columns[v.index].upperBound)
    }
}
