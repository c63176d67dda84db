import CGLPK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Confines every use of GLPK to one call on one thread.
///
/// Debian's GLPK keeps its environment in thread-local storage, creates it on first use and
/// leaks it unless `glp_free_env()` runs on the same thread. `withEnvironment` sets terminal
/// output for this call, runs `body` (which creates, uses and deletes its `glp_prob`) and then
/// frees the thread's environment. `glp_free_env()` would also destroy any problem still alive
/// on the thread, so a nested call on the same thread (e.g. from a progress callback) is refused.
enum GLPKThread {
    /// A per-thread "inside a GLPK call" flag.
    private static let busyKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed (\(status))")
        return key
    }()

    /// Runs `body` with a fresh GLPK environment on the current thread; nil (without running
    /// `body`) when this thread is already inside such a call.
    static func withEnvironment<Result>(verbose: Bool, _ body: () -> Result) -> Result? {
        guard pthread_getspecific(busyKey) == nil else { return nil }
        pthread_setspecific(busyKey, UnsafeRawPointer(bitPattern: 1))
        defer {
            glp_free_env()
            pthread_setspecific(busyKey, nil)
        }
        glp_term_out(verbose ? GLP_ON : GLP_OFF)
        return body()
    }

    static let nestedCallMessage =
        "GLPK was called again on a thread that is already solving or writing (e.g. from a progress callback); this is not supported"
}

/// A `glp_prob` built from a `PreparedModel`, deleted when this value ends.
/// Non-copyable and not `Sendable`: it cannot leave the call that created it.
struct GLPKProblem: ~Copyable {
    let pointer: OpaquePointer

    /// Builds the problem. `model` has been validated, so no call here can abort.
    init(_ model: PreparedModel) {
        pointer = glp_create_prob()
        let p = pointer
        glp_set_prob_name(p, model.problemName)
        glp_set_obj_name(p, "objective")
        glp_set_obj_dir(p, model.direction == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(p, 0, model.objectiveConstant)
        if !model.columns.isEmpty {
            glp_add_cols(p, Int32(model.columns.count))
        }
        for (index, column) in model.columns.enumerated() {
            let j = Int32(index + 1)
            if !column.name.isEmpty { glp_set_col_name(p, j, column.name) }
            if column.isBinary {
                glp_set_col_kind(p, j, GLP_BV)  // also sets the bounds to [0, 1]
            } else {
                if column.isIntegral {
                    glp_set_col_kind(p, j, GLP_IV)
                }
                let (type, lower, upper) = Self.boundType(column.lower, column.upper)
                glp_set_col_bnds(p, j, type, lower, upper)
            }
            if column.objective != 0 {
                glp_set_obj_coef(p, j, column.objective)
            }
        }
        if !model.rows.isEmpty {
            glp_add_rows(p, Int32(model.rows.count))
        }
        var rowIndices: [Int32] = [0]
        var columnIndices: [Int32] = [0]
        var coefficients: [Double] = [0]
        rowIndices.reserveCapacity(model.nonZeroCount + 1)
        columnIndices.reserveCapacity(model.nonZeroCount + 1)
        coefficients.reserveCapacity(model.nonZeroCount + 1)
        for (index, row) in model.rows.enumerated() {
            let i = Int32(index + 1)
            if !row.name.isEmpty { glp_set_row_name(p, i, row.name) }
            let (type, lower, upper) = Self.boundType(row.lower, row.upper)
            glp_set_row_bnds(p, i, type, lower, upper)
            for term in row.terms {
                rowIndices.append(i)
                columnIndices.append(Int32(term.column + 1))
                coefficients.append(term.coefficient)
            }
        }
        // Arrays are 1-based (element 0 unused); each (row, column) pair occurs once.
        glp_load_matrix(p, Int32(coefficients.count - 1), rowIndices, columnIndices, coefficients)
    }

    deinit {
        glp_delete_prob(pointer)
    }

    /// GLPK's bound type for [lower, upper] (±infinity = no bound; lower ≤ upper).
    /// Equal bounds must be `GLP_FX`: `glp_simplex` rejects a `GLP_DB` with lower = upper.
    private static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}
