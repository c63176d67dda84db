extension Model {
    /// The value of the objective at `values` (one per variable), constant included.
    public func objectiveValue(_ values: [Double]) -> Double {
        objective.value(at: values)
    }

    /// The first bound, integrality or constraint that `values` (one per variable) violates by more
    /// than `tolerance` (relative to the bound's size, at least absolute), in words; nil when
    /// `values` is a feasible solution. Invalid models and wrong lengths are reported too.
    public func firstViolation(_ values: [Double], tolerance: Double = 1e-6) -> String? {
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(self)
        } catch {
            return "the model is invalid: \(error.message)"
        }
        guard values.count == variableCount else {
            return "\(values.count) values were given for \(variableCount) variables"
        }
        if let infeasibility = prepared.infeasibility {
            return infeasibility
        }
        return prepared.firstViolation(values, tolerance: tolerance)
    }
}
