import Foundation
import MILP

/// A small deterministic random generator (SplitMix64), so test models are the same everywhere.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A 0-1 multi-dimensional knapsack: maximise value subject to one capacity row per dimension.
struct MultiKnapsack: Sendable {
    var values: [Double]
    var weights: [[Double]]  // [row][item]
    var capacities: [Double]

    init(items: Int, rows: Int, seed: UInt64, tightness: Double = 0.5) {
        var random = SplitMix64(seed: seed)
        let weights = (0..<rows).map { _ in (0..<items).map { _ in Double(Int.random(in: 1...100, using: &random)) } }
        values = (0..<items).map { item in
            let total = weights.reduce(0) { $0 + $1[item] }
            return (total / Double(rows)).rounded() + Double(Int.random(in: 0...20, using: &random))
        }
        capacities = weights.map { ($0.reduce(0, +) * tightness).rounded(.down) }
        self.weights = weights
    }

    /// The model, with binary items (or continuous [0, 1] items for the LP relaxation).
    func model(relaxed: Bool = false) -> (Model, [Variable]) {
        var model = Model(name: "multi knapsack")
        let items = values.indices.map { item in
            relaxed
                ? model.addVariable("take_\(item)", lowerBound: 0, upperBound: 1)
                : model.addBinary("take_\(item)")
        }
        for (row, weights) in weights.enumerated() {
            var used = LinearExpression()
            for (item, weight) in zip(items, weights) {
                used.add(item, coefficient: weight)
            }
            model.addConstraint(used, .lessOrEqual, capacities[row], name: "capacity_\(row)")
        }
        var value = LinearExpression()
        for (item, worth) in zip(items, values) {
            value.add(item, coefficient: worth)
        }
        model.setObjective(value, .maximize)
        return (model, items)
    }

    /// A feasible solution: items by decreasing value per total weight, taken while they fit.
    func greedy() -> [Double] {
        let order = values.indices.sorted { a, b in
            values[a] / weights.reduce(0) { $0 + $1[a] } > values[b] / weights.reduce(0) { $0 + $1[b] }
        }
        var used = Array(repeating: 0.0, count: capacities.count)
        var chosen = Array(repeating: 0.0, count: values.count)
        for item in order where weights.indices.allSatisfy({ used[$0] + weights[$0][item] <= capacities[$0] }) {
            chosen[item] = 1
            for row in weights.indices {
                used[row] += weights[row][item]
            }
        }
        return chosen
    }

    func value(of chosen: [Double]) -> Double {
        zip(values, chosen).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The optimum by enumeration (small instances only).
    func bruteForceOptimum() -> Double {
        precondition(values.count <= 20)
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            let chosen = values.indices.map { (mask >> $0) & 1 == 1 ? 1.0 : 0.0 }
            let fits = weights.indices.allSatisfy { row in
                zip(weights[row], chosen).reduce(0) { $0 + $1.0 * $1.1 } <= capacities[row]
            }
            if fits {
                best = max(best, value(of: chosen))
            }
        }
        return best
    }
}

/// Collects values handed to a `@Sendable` callback from the solving thread.
final class Recorder<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    func append(_ element: Element) {
        lock.lock()
        storage.append(element)
        lock.unlock()
    }

    var elements: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// `max x1 + x2 + x3` s.t. `2 (x1 + x2 + x3) ≤ 3`, binaries: the root LP is fractional (1.5),
/// the optimum is 1, so GLPK must branch (and asks for heuristic solutions).
func fractionalRootModel() -> (Model, [Variable]) {
    var model = Model(name: "fractional root")
    let x = (0..<3).map { model.addBinary("x\($0)") }
    model.addConstraint(2 * LinearExpression.sum(x), .lessOrEqual, 3, name: "half")
    model.setObjective(LinearExpression.sum(x), .maximize)
    return (model, x)
}
