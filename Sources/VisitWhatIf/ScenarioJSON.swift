import Foundation
import VisitDomain

extension CompletedRun {
    /// The run's scenario document as JSON text (keys sorted), which `visitplan plan` and
    /// `visitplan check` read like the base: a variant can be re-planned or its plan re-checked alone.
    public var scenarioJSON: String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: Self.foundationObject(document), options: options) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A file name for the run: its name with anything but letters, digits, `.`, `-` and `_` replaced by `_`.
    public var fileStem: String {
        let safe = name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) ? Character($0) : "_" }
        let stem = String(safe)
        return stem.isEmpty || stem.hasPrefix(".") ? "_" + stem : stem
    }

    private static func foundationObject(_ value: DocumentValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let items): return items.map(foundationObject)
        case .object(let fields):
            return Dictionary(fields.map { ($0.key, foundationObject($0.value)) }, uniquingKeysWith: { _, last in last })
        }
    }
}
