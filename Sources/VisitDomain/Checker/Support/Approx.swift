/// Comparison of computed amounts (money, scores) that may carry rounding noise (checker-internal).
enum Approx {
    /// `a` and `b` agree to within 1e-6 relatively, and never tighter than 1e-4 absolutely (so a
    /// score or cost printed rounded to 4 decimal places still matches).
    static func equal(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= max(1e-4, 1e-6 * max(abs(a), abs(b))) }
}
