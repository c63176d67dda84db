import CGLPK

/// A file format GLPK can write a model in.
public enum ModelFileFormat: Sendable, Hashable {
    /// CPLEX LP format (`glp_write_lp`).
    case cplexLP
    /// Free MPS format (`glp_write_mps` with `GLP_MPS_FILE`).
    case freeMPS

    /// The format for a file extension: "lp" or "mps" (any case); nil otherwise.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "lp": self = .cplexLP
        case "mps": self = .freeMPS
        default: return nil
        }
    }
}

/// Why a model could not be written, in words fit for a user.
public struct ModelExportError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension Model {
    /// Writes the model to `path` through GLPK, building and freeing the GLPK problem on the
    /// current thread. Throws for an invalid model or a path that cannot be written.
    ///
    /// Names are those of `variableName(_:)` / `constraintName(_:)`. GLPK writes the objective's
    /// constant only as a comment in LP files, and as the right-hand side of the objective row in
    /// MPS files (which readers interpret differently), so a reader may lose it.
    public func write(to path: String, format: ModelFileFormat) throws(ModelExportError) {
        guard !path.isEmpty, !path.contains("\0") else {
            throw ModelExportError(message: "'\(path)' is not a usable file path")
        }
        let prepared: PreparedModel
        do {
            prepared = try PreparedModel(self)
        } catch {
            throw ModelExportError(message: "the model cannot be written: \(error.message)")
        }
        let code = GLPKThread.withEnvironment(verbose: false) { () -> Int32 in
            let problem = GLPKProblem(prepared)
            return switch format {
            case .cplexLP: glp_write_lp(problem.pointer, nil, path)
            case .freeMPS: glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        }
        guard let code else {
            throw ModelExportError(message: GLPKThread.nestedCallMessage)
        }
        guard code == 0 else {
            let name = format == .cplexLP ? "LP" : "MPS"
            throw ModelExportError(message: "cannot write the \(name) file '\(path)' (is the folder there and writable?)")
        }
    }
}
