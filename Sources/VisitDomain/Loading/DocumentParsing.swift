import Foundation
import Yams

/// The text formats an input file may use.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case yaml, json

    /// By extension (`.yaml`, `.yml`, `.json`); otherwise sniffed: text starting with `{` or `[` is JSON.
    public static func detect(path: String, text: String) -> DocumentFormat {
        DocumentFormat(extensionOf: path) ?? sniff(text)
    }

    /// The format a file name's extension names (`.yaml`, `.yml`, `.json`, in any case); nil for any other.
    public init?(extensionOf path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        default: return nil
        }
    }

    /// JSON when the first non-blank character is `{` or `[`, else YAML.
    public static func sniff(_ text: String) -> DocumentFormat {
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{FEFF}" }
        return first == "{" || first == "[" ? .json : .yaml
    }
}

extension DocumentValue {
    /// Reads and parses a YAML or JSON file (format by extension, else sniffed).
    /// Throws `unreadable` for a missing file, text that is not UTF-8, or a syntax error.
    public static func load(path: String) throws(ScenarioError) -> DocumentValue {
        let text = try readText(path: path)
        return try parse(text, format: .detect(path: path, text: text), file: path)
    }

    /// Parses YAML or JSON text; `file` names it in errors.
    public static func parse(_ text: String, format: DocumentFormat, file: String) throws(ScenarioError) -> DocumentValue {
        guard text.utf8.count <= InputLimits.documentBytes else { throw tooLarge(file: file, bytes: text.utf8.count) }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        switch format {
        case .json:
            do { return try JSONTextParser.parse(body) } catch {
                throw .unreadable(file: file, reason: "JSON syntax error at \(error.description)")
            }
        case .yaml:
            let node: Node?
            do { node = try Yams.compose(yaml: body) } catch {
                throw .unreadable(file: file, reason: yamlReason(error))
            }
            guard let node else { return .null }
            do { return try YAMLConversion.value(of: node) } catch {
                let place = error.line.map { "line \($0), column \(error.column ?? 1): " } ?? ""
                throw .unreadable(file: file, reason: "YAML structure error at \(place)\(error.message)")
            }
        }
    }

    static func tooLarge(file: String, bytes: Int) -> ScenarioError {
        .unreadable(file: file, reason: "\(bytes) bytes; visitplan reads documents of at most \(InputLimits.documentBytes / 1024 / 1024) MiB")
    }

    /// The file's text, or `unreadable` naming what is wrong.
    static func readText(path: String) throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(file: path, reason: "this is a directory, not a file") }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > InputLimits.documentBytes {
            throw tooLarge(file: path, bytes: size)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "the file cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path, reason: "the file is not UTF-8 text")
        }
        return text
    }

    /// A one-line reason from a Yams error, with the line and column.
    private static func yamlReason(_ error: any Error) -> String {
        guard let yaml = error as? YamlError else { return "YAML error: \(error)" }
        func located(_ kind: String, _ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> String {
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return "YAML \(kind) error at line \(mark.line), column \(mark.column): \(problem)\(while_)"
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _): return located("syntax", context, problem, mark)
        case .parser(let context, let problem, let mark, _): return located("syntax", context, problem, mark)
        case .composer(let context, let problem, let mark, _): return located("structure", context, problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return "YAML error: a mapping repeats the field \(keys) (first at line \(context.mark.line), column \(context.mark.column))"
        case .reader(let problem, let offset, _, let text):
            if let offset, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) {
                let before = text[..<index]
                let line = before.filter { $0 == "\n" }.count + 1
                let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex,
                                             to: before.endIndex) + 1
                return "YAML error at line \(line), column \(column): \(problem)"
            }
            return "YAML error: \(problem)"
        default: return "YAML error: \(yaml)"
        }
    }
}
