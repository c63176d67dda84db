import Foundation

/// A date is written as `YYYY-MM-DD` in plan JSON (a booking's nights).
extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let date = LocalDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(s)' is not a date like 2026-12-08")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
