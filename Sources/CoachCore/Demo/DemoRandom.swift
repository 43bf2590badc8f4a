/// SplitMix64: a tiny seedable generator, so demo data is the same on every machine and toolchain.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library's
/// `random(in:using:)` and `shuffle(using:)` algorithms may change between releases,
/// so every draw below is made by code in this file.
struct DemoRandom {
  private var bits: SplitMix64

  init(seed: UInt64) { bits = SplitMix64(seed: seed) }

  /// The next 64 random bits.
  mutating func next() -> UInt64 { bits.next() }

  /// The value `next()` would return, without advancing.
  var peek: UInt64 {
    var copy = self
    return copy.next()
  }

  /// A uniform integer in `range` (modulo bias is negligible for the small ranges used here).
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let span = UInt64(range.upperBound - range.lowerBound) + 1
    return range.lowerBound + Int(next() % span)
  }

  /// A uniform value in `0..<1`.
  mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// True with probability `p`.
  mutating func chance(_ p: Double) -> Bool { unit() < p }

  /// One element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  /// One value of a non-empty list of (value, weight) pairs, by weight.
  mutating func weighted<T>(_ pairs: [(T, Int)]) -> T {
    let total = pairs.reduce(0) { $0 + $1.1 }
    var roll = int(0...(total - 1))
    for (value, weight) in pairs {
      if roll < weight { return value }
      roll -= weight
    }
    return pairs[pairs.count - 1].0
  }

  /// Fisher–Yates shuffle, in place.
  mutating func shuffle<T>(_ items: inout [T]) {
    guard items.count > 1 else { return }
    for i in stride(from: items.count - 1, to: 0, by: -1) {
      items.swapAt(i, int(0...i))
    }
  }

  /// `count` distinct elements of `items`, in random order.
  mutating func sample<T>(_ items: [T], count: Int) -> [T] {
    var pool = items
    shuffle(&pool)
    return Array(pool.prefix(count))
  }
}
