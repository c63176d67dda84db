/// The plan's reported score equals the recomputed one (within 1e-6, relatively). Infeasible and
/// error plans are left to the structure check (their score must be 0).
struct ScoreCheck: PlanCheck {
    func violations(in c: CheckContext) -> [RuleViolation] {
        guard c.plan.status != .infeasible, c.plan.status != .error else { return [] }
        let expected = c.score.total
        guard !Approx.equal(c.plan.score, expected) else { return [] }
        let terms = c.score.terms.filter { $0.value != 0 }.map { "\($0.name) \(CheckFormat.number($0.value))" }
        return [RuleViolation(.score, message: "the plan reports score \(CheckFormat.number(c.plan.score)) but it is \(CheckFormat.number(expected)) (\(terms.joined(separator: ", ")))")]
    }
}
