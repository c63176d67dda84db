import Foundation
import VisitDomain

extension CompletedRun {
    /// The run's scenario document as JSON text (`DocumentJSON`, fields in the order of the base
    /// file), which `visitplan plan` and `visitplan check` read like the base: a variant can be
    /// re-planned or its plan re-checked alone.
    public var scenarioJSON: String { DocumentJSON.text(document) + "\n" }

    /// A file name for the run: its name with anything but letters, digits, `.`, `-` and `_` replaced by `_`.
    public var fileStem: String {
        let safe = name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) ? Character($0) : "_" }
        let stem = String(safe)
        return stem.isEmpty || stem.hasPrefix(".") ? "_" + stem : stem
    }
}
