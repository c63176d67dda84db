/// The `{version}` path parameter of a plan: a number, or `current` (nil: the current plan).
enum PlanVersionParameter {
    static func parameter(_ context: VisitRequestContext) throws -> Int? {
        let text = try context.parameters.require("version")
        if text == "current" { return nil }
        guard let number = Int(text) else { throw APIError.notFound("a plan version is a number or \"current\", not \"\(text)\"") }
        return number
    }
}
