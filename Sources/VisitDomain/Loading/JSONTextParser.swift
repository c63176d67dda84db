import OrderedCollections

/// A strict JSON (RFC 8259) reader producing a `DocumentValue`. Written here rather than using
/// Foundation because scenario files need what `JSONSerialization` does not promise on every
/// platform: object keys in file order, `true`/`false` kept apart from 1/0, and errors with a
/// line and column.
struct JSONTextParser {
    /// A syntax error at a 1-based line and column.
    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
        var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Parses the whole text as one JSON value.
    static func parse(_ text: String) throws(SyntaxError) -> DocumentValue {
        var parser = JSONTextParser(text)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else { throw parser.error("unexpected text after the end of the JSON value") }
        return value
    }

    private mutating func parseValue() throws(SyntaxError) -> DocumentValue {
        guard let byte = peek() else { throw error("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character \(show(byte)), expected a value")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> DocumentValue {
        try enter()
        position += 1
        var fields = OrderedDictionary<String, DocumentValue>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { position += 1; depth -= 1; return .object(fields) }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a field name in double quotes") }
            let keyStart = position
            let key = try parseString()
            guard fields[key] == nil else { throw error("duplicate field name \"\(key)\"", at: keyStart) }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected \":\" after the field name \"\(key)\"") }
            position += 1
            skipWhitespace()
            fields[key] = try parseValue()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; depth -= 1; return .object(fields)
            default: throw error("expected \",\" or \"}\" in an object")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> DocumentValue {
        try enter()
        position += 1
        var items: [DocumentValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { position += 1; depth -= 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; depth -= 1; return .array(items)
            default: throw error("expected \",\" or \"]\" in a list")
            }
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ bytes: ArraySlice<UInt8>) { scalars.append(contentsOf: String(decoding: bytes, as: UTF8.self).unicodeScalars) }
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: start) }
            if byte == UInt8(ascii: "\"") {
                flush(bytes[runStart..<position])
                position += 1
                return String(scalars)
            }
            if byte < 0x20 { throw error("control character in a string (write \\n, \\t, ...)") }
            if byte != UInt8(ascii: "\\") { position += 1; continue }
            flush(bytes[runStart..<position])
            position += 1
            guard let escape = peek() else { throw error("unterminated string", at: start) }
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                scalars.append(scalar)
            default: throw error("invalid escape \\\(show(escape, quoted: false))")
            }
            runStart = position
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count,
              let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("\\u must be followed by four hex digits")
        }
        position += 4
        return code
    }

    private mutating func parseNumber() throws(SyntaxError) -> DocumentValue {
        let start = position
        var isInteger = true
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw error("a number needs digits") }
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = peek(), isDigit(next) { throw error("numbers must not have leading zeros", at: start) }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard let d = peek(), isDigit(d) else { throw error("digits expected after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let d = peek(), isDigit(d) else { throw error("digits expected in the exponent") }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let int = Int(text) { return .int(int) }
        guard let double = Double(text) else { throw error("invalid number \(text)", at: start) }
        return .double(double)
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let utf8 = Array(word.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw error("unexpected text, expected a value (strings need double quotes)")
        }
        position += utf8.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        guard depth <= InputLimits.documentDepth else { throw error("nesting is deeper than \(InputLimits.documentDepth) levels") }
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private mutating func skipDigits() { while let b = peek(), isDigit(b) { position += 1 } }

    private mutating func skipWhitespace() {
        while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { position += 1 }
    }

    private func show(_ byte: UInt8, quoted: Bool = true) -> String {
        let text = byte < 0x80 ? String(UnicodeScalar(byte)) : "non-ASCII text"
        return quoted && byte < 0x80 ? "\"\(text)\"" : text
    }

    private func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        let end = min(offset ?? position, bytes.count)
        var line = 1, column = 1
        var index = 0
        while index < end {
            let b = bytes[index]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SyntaxError(line: line, column: column, message: message)
    }
}
