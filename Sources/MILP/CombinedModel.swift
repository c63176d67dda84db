/// Several models side by side in one, to be solved together once rows linking them are added:
/// the variables of each part follow those of the parts before it, every row is kept, and the
/// objective is the sum of the parts' objectives (each turned to the first part's direction).
///
/// The large-neighbourhood search joins two day neighbourhoods this way, so that a visit can
/// change day in one move.
public struct CombinedModel: Sendable {
    /// The joint model (add the linking rows to it).
    public var model: Model
    /// For each part, the index of its first variable in `model`.
    public let offsets: [Int]
    /// Each part's variable count.
    private let counts: [Int]

    /// `parts` side by side; names are kept only when every part keeps them.
    public init(_ parts: [Model], name: String = "combined") {
        var model = Model(name: name, keepsNames: parts.allSatisfy(\.keepsNames))
        var offsets: [Int] = []
        var objective = LinearExpression()
        let direction = parts.first?.objectiveDirection ?? .minimize
        for part in parts {
            let offset = model.variableCount
            offsets.append(offset)
            for (index, column) in part.columns.enumerated() {
                model.addVariable(part.storedName(ofColumn: index), kind: column.kind, lowerBound: column.lowerBound, upperBound: column.upperBound)
            }
            for row in part.rows {
                let terms = row.terms.map { (Variable(index: $0.key.index + offset), $0.value) }
                model.addConstraint(LinearExpression(uniqueTerms: terms, constant: row.constant), row.sense, row.rhs,
                                    name: row.name)
            }
            let sign = part.objectiveDirection == direction ? 1.0 : -1.0
            objective.constant += sign * part.objective.constant
            for (variable, coefficient) in part.objective.terms {
                objective.add(Variable(index: variable.index + offset), coefficient: sign * coefficient)
            }
        }
        model.setObjective(objective, direction)
        self.model = model
        self.offsets = offsets
        counts = parts.map(\.variableCount)
    }

    /// Variable `variable` of part `part` in the joint model.
    public func variable(_ variable: Variable, ofPart part: Int) -> Variable {
        Variable(index: variable.index + offsets[part])
    }

    /// The joint values of one value vector per part.
    public func joined(_ values: [[Double]]) -> [Double] {
        counts.indices.flatMap { k in
            (0..<counts[k]).map { values.indices.contains(k) && values[k].indices.contains($0) ? values[k][$0] : 0 }
        }
    }

    /// Part `part`'s values in a joint solution.
    public func values(ofPart part: Int, in joint: [Double]) -> [Double] {
        (0..<counts[part]).map { joint.indices.contains(offsets[part] + $0) ? joint[offsets[part] + $0] : 0 }
    }
}
