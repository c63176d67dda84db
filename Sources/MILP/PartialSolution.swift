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
    private let columnRows: ColumnRows
    private let senses: [ConstraintSense]
    private let rhs: [Double]
    private let tolerance: Double
    /// (column, previous value) of every assignment since the last `commit()`, for `undo(to:)`.
    private var journal: [(column: Int, previous: Double)] = []

    /// Starts from all variables at 0 (row activities as they are at 0).
    public init(model: Model, tolerance: Double = 1e-6) {
        var senses: [ConstraintSense] = []
        var rhs: [Double] = []
        senses.reserveCapacity(model.rows.count)
        rhs.reserveCapacity(model.rows.count)
        for row in model.rows {
            senses.append(row.sense)
            rhs.append(row.rhs - row.constant)
        }
        self.values = [Double](repeating: 0, count: model.variableCount)
        self.activity = [Double](repeating: 0, count: model.rows.count)
        self.columnRows = ColumnRows(model)
        self.senses = senses
        self.rhs = rhs
        self.tolerance = tolerance
    }

    /// Starts from `values` (one per variable; missing ones are 0), with the row activities they
    /// give, whether or not the rows hold (see `isFeasible`).
    public init(model: Model, values: [Double], tolerance: Double = 1e-6) {
        self.init(model: model, tolerance: tolerance)
        for (column, value) in values.prefix(self.values.count).enumerated() where value != 0 && value.isFinite {
            self.values[column] = value
            for (row, coefficient) in columnRows[column] { activity[row] += coefficient * value }
        }
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
            if seen.insert(variable.index).inserted, value.isFinite { set(variable.index, to: value) }
        }
        return true
    }

    // MARK: Assembling a group step by step

    /// Which rows `tryAssign(_:checking:)` checks.
    public enum RowCheck: Sendable {
        /// Every row the assignment touches (as `tryAssign(_:)`).
        case all
        /// Only upper limits: ≤ rows and the ≤ half of = rows. While a group is assembled
        /// parent first (a choice, then what it requires), the lower limits of its linking rows
        /// are not met yet; `touchedRowsHold(since:)` checks them once the group is complete.
        case upperLimits
    }

    /// A point to return to with `undo(to:)`.
    public struct Checkpoint: Sendable {
        fileprivate let position: Int
    }

    /// The current point of the assignment history.
    public var checkpoint: Checkpoint { Checkpoint(position: journal.count) }

    /// Like `tryAssign(_:)`, checking only the rows `check` names.
    @discardableResult
    public mutating func tryAssign(_ assignment: [(Variable, Double)], checking check: RowCheck) -> Bool {
        guard check == .upperLimits else { return tryAssign(assignment) }
        var touched: [Int: Double] = [:]
        var changes: [(column: Int, value: Double)] = []
        for (variable, value) in assignment where variable.index >= 0 && variable.index < values.count && value.isFinite {
            guard !changes.contains(where: { $0.column == variable.index }) else { continue }
            changes.append((variable.index, value))
            let delta = value - values[variable.index]
            guard delta != 0 else { continue }
            for (row, coefficient) in columnRows[variable.index] { touched[row, default: 0] += coefficient * delta }
        }
        for (row, delta) in touched where senses[row] != .greaterOrEqual && !holdsUpper(row, activity[row] + delta) {
            return false
        }
        for (row, delta) in touched { activity[row] += delta }
        for change in changes { set(change.column, to: change.value) }
        return true
    }

    /// Takes back every assignment made after `checkpoint` (a checkpoint taken later than an
    /// earlier undo's target is no longer valid).
    public mutating func undo(to checkpoint: Checkpoint) {
        while journal.count > checkpoint.position {
            let (column, previous) = journal.removeLast()
            let delta = previous - values[column]
            if delta != 0 {
                for (row, coefficient) in columnRows[column] { activity[row] += coefficient * delta }
            }
            values[column] = previous
        }
    }

    /// Whether every row touched by an assignment since `checkpoint` holds, both limits.
    public func touchedRowsHold(since checkpoint: Checkpoint) -> Bool {
        var checked = Set<Int>()
        for (column, _) in journal[checkpoint.position...] {
            for (row, _) in columnRows[column] where checked.insert(row).inserted {
                if !holds(row, activity[row]) { return false }
            }
        }
        return true
    }

    /// Forgets the history: earlier checkpoints can no longer be undone (saves memory once a
    /// group is final).
    public mutating func commit() {
        journal.removeAll(keepingCapacity: true)
    }

    /// Sets one value, recording the previous one for `undo(to:)`.
    private mutating func set(_ column: Int, to value: Double) {
        journal.append((column, values[column]))
        values[column] = value
    }

    private func holdsUpper(_ row: Int, _ value: Double) -> Bool {
        value <= rhs[row] + tolerance * max(1, abs(rhs[row]))
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
