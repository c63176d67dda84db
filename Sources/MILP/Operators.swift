// The deliberately small operator set of the modelling layer: concrete overloads on
// `Variable`, `LinearExpression` and `Double` only, so the type checker stays fast.
// Build long sums in place with `+=` or `LinearExpression.add`.

public func + (lhs: Variable, rhs: Variable) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(rhs)
    return result
}

public func - (lhs: Variable, rhs: Variable) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(rhs, coefficient: -1)
    return result
}

public func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(rhs)
    return result
}

public func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.add(rhs, multiplier: -1)
    return result
}

public func + (lhs: Variable, rhs: Double) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.constant = rhs
    return result
}

public func - (lhs: Variable, rhs: Double) -> LinearExpression {
    var result = LinearExpression(lhs)
    result.constant = -rhs
    return result
}

public func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
    var result = lhs
    result.add(rhs, coefficient: -1)
    return result
}

public func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs)
    return result
}

public func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
    var result = lhs
    result.add(rhs, multiplier: -1)
    return result
}

public func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant += rhs
    return result
}

public func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
    var result = lhs
    result.constant -= rhs
    return result
}

public func * (lhs: Double, rhs: Variable) -> LinearExpression {
    var result = LinearExpression()
    result.add(rhs, coefficient: lhs)
    return result
}

public func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
    var result = LinearExpression()
    result.add(rhs, multiplier: lhs)
    return result
}

public func += (lhs: inout LinearExpression, rhs: Variable) {
    lhs.add(rhs)
}

public func += (lhs: inout LinearExpression, rhs: LinearExpression) {
    lhs.add(rhs)
}

public func += (lhs: inout LinearExpression, rhs: Double) {
    lhs.constant += rhs
}

public func -= (lhs: inout LinearExpression, rhs: Variable) {
    lhs.add(rhs, coefficient: -1)
}

public func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
    lhs.add(rhs, multiplier: -1)
}

public func -= (lhs: inout LinearExpression, rhs: Double) {
    lhs.constant -= rhs
}
