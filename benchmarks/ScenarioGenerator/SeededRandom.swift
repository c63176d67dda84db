/// SplitMix64: a small seeded pseudo-random generator with its own integer arithmetic for ranges,
/// choices and chances, so that a seed gives the same scenario on every machine and Swift version
/// (the standard library's `random(in:using:)` does not promise a fixed mapping).
struct SeededRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one independent part of the scenario, derived from the seed and a label.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SeededRandom(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (rejection sampling, no modulo bias).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        guard span != 0 else { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + Int(value % span)
    }

    /// A uniform multiple of `step` in `range` (both ends multiples of `step`).
    mutating func step(in range: ClosedRange<Int>, by step: Int) -> Int {
        range.lowerBound + step * int(in: 0...((range.upperBound - range.lowerBound) / step))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(in: 0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// One of `choices`, each as likely as its weight.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        var roll = int(in: 0...(choices.reduce(0) { $0 + $1.1 } - 1))
        for (item, weight) in choices {
            if roll < weight { return item }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }

    /// `count` distinct items of `items`, in a random order.
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let taken = min(count, pool.count)
        for i in 0..<taken { pool.swapAt(i, int(in: i...(pool.count - 1))) }
        return Array(pool.prefix(taken))
    }
}
