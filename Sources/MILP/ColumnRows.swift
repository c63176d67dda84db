/// A model's matrix by column: for each variable, the rows it appears in and its coefficients
/// there (what `PartialSolution` updates when a variable changes). A large model's matrix is
/// copied here, so it is kept compact: row indexes as 32-bit integers (GLPK's own limit), and
/// each coefficient as a 16-bit code into a table of the model's distinct coefficients (most are
/// 1; a planning model has a few thousand distinct values at most), 6 bytes an entry instead of
/// 16. A model with more distinct coefficients than 16 bits can name keeps them whole.
struct ColumnRows: Sendable {
    private var start: [Int]
    private var rows: [Int32]
    /// Each entry's coefficient as an index into `table` (empty when `wide` is used).
    private var codes: [UInt16]
    /// The distinct coefficients; `table[0]` is 1.
    private var table: [Double]
    /// Each entry's coefficient, when the model has more distinct ones than `codes` can name.
    private var wide: [Double]

    init(_ model: Model) {
        var counts = [Int](repeating: 0, count: model.variableCount + 1)
        var distinct: [Double: UInt16] = [1: 0]
        var table: [Double] = [1]
        var fitsCodes = true
        for row in model.rows {
            for (variable, coefficient) in row.terms where coefficient != 0 && variable.index < model.variableCount {
                counts[variable.index + 1] += 1
                if coefficient != 1, fitsCodes, distinct[coefficient] == nil {
                    // NaN never finds itself in the table: such a model keeps its coefficients whole.
                    if table.count > Int(UInt16.max) || coefficient.isNaN { fitsCodes = false; continue }
                    distinct[coefficient] = UInt16(table.count)
                    table.append(coefficient)
                }
            }
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        start = counts
        var next = counts
        let total = counts.last ?? 0
        rows = [Int32](repeating: 0, count: total)
        codes = fitsCodes ? [UInt16](repeating: 0, count: total) : []
        wide = fitsCodes ? [] : [Double](repeating: 0, count: total)
        self.table = fitsCodes ? table : []
        for (r, row) in model.rows.enumerated() {
            for (variable, coefficient) in row.terms where coefficient != 0 && variable.index < model.variableCount {
                let at = next[variable.index]
                rows[at] = Int32(truncatingIfNeeded: r)   // rows < Int32.max (PreparedModel's limit)
                if fitsCodes {
                    codes[at] = coefficient == 1 ? 0 : distinct[coefficient]!
                } else {
                    wide[at] = coefficient
                }
                next[variable.index] += 1
            }
        }
    }

    /// The (row, coefficient) pairs of `column`.
    subscript(column: Int) -> Entries {
        let range = start[column]..<start[column + 1]
        return Entries(rows: rows[range], codes: codes.isEmpty ? [] : codes[range], table: table,
                       wide: wide.isEmpty ? [] : wide[range])
    }

    /// One column's (row, coefficient) pairs.
    struct Entries: Sequence {
        let rows: ArraySlice<Int32>
        let codes: ArraySlice<UInt16>
        let table: [Double]
        let wide: ArraySlice<Double>

        func makeIterator() -> Iterator { Iterator(entries: self, position: rows.startIndex) }

        /// Walks the column's entries in row order.
        struct Iterator: IteratorProtocol {
            let entries: Entries
            var position: Int

            mutating func next() -> (Int, Double)? {
                guard position < entries.rows.endIndex else { return nil }
                defer { position += 1 }
                let coefficient = entries.wide.isEmpty ? entries.table[Int(entries.codes[position])] : entries.wide[position]
                return (Int(entries.rows[position]), coefficient)
            }
        }
    }
}
