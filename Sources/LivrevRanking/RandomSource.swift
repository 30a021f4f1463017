/// A seeded pseudo-random sequence (SplitMix64), so that every simulation and every fit is
/// reproducible from its seed on any machine.
///
/// Source: Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators",
/// doi:10.1145/2714064.2660195.
package struct RandomSource: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0 ..< bound` (Lemire's multiply-shift; bias below 2⁻³² for our sizes).
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// `count` distinct elements of `items`, in the order drawn.
    package mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let taken = min(count, pool.count)
        for index in 0..<taken {
            pool.swapAt(index, index + below(pool.count - index))
        }
        return Array(pool[0..<taken])
    }
}
