import CoachCore
import Foundation

/// Seeded, so every fuzz failure replays from its seed.
typealias SeededRandom = SplitMix64

/// Iterations per fuzz test: `COACH_FUZZ_ITERATIONS` (scripts/fuzz sets it for the long run), else `short`.
func fuzzIterations(_ short: Int) -> Int {
  ProcessInfo.processInfo.environment["COACH_FUZZ_ITERATIONS"].flatMap(Int.init) ?? short
}

/// The seed of a run: `COACH_FUZZ_SEED` to replay, else a fixed one.
func fuzzSeed(_ salt: UInt64) -> UInt64 {
  (ProcessInfo.processInfo.environment["COACH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_124) &+ salt
}

/// Ways to damage text and bytes, and values that have broken parsers before.
enum Mutate {
  static let nasty: [String] = [
    "", " ", "\"", "\"\"", ",", ";", "\n", "\r\n", "\r", "\t", "\u{FEFF}", "\u{0}", "'", "\\", "-", "+", "--", "0",
    "-1",
    "99999999999999999999", "1e309", "NaN", "2026-02-30", "2026-13-01", "0000-00-00", "9999-12-31T23:59:60Z",
    "2026-11-24T25:61:61+25:00", "2026-11-24T09:00:00.999999999+08:00", "2026/2/29", "+86", "+8613812345678",
    "１３８１２３４５６７８", "010-1234567", "(010)12345678", "138****5678", "男", "女", "🚗", "é", "\u{202E}",
    String(repeating: "x", count: 5000), String(repeating: "9", count: 40), "'); DROP TABLE lead;--", "{", "}", "[",
    "]",
    ":", "- ", "? ", "&a", "*a", "!!str", "%", "|", ">", "null", "~", "true", "0x1F", "-.inf",
  ]

  static func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T {
    items[Int.random(in: 0..<items.count, using: &rng)]
  }

  /// A random string: nasty values, random scalars, or a mix.
  static func text(_ rng: inout SeededRandom) -> String {
    switch Int.random(in: 0..<3, using: &rng) {
    case 0: return pick(nasty, &rng)
    case 1:
      let n = Int.random(in: 0..<24, using: &rng)
      return String(String.UnicodeScalarView((0..<n).compactMap { _ in randomScalar(&rng) }))
    default: return pick(nasty, &rng) + pick(nasty, &rng)
    }
  }

  static func randomScalar(_ rng: inout SeededRandom) -> Unicode.Scalar? {
    let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x0...0x1F, 0x4E00...0x9FFF, 0xFF00...0xFF5E, 0x1F600...0x1F64F]
    return Unicode.Scalar(UInt32.random(in: pick(ranges, &rng), using: &rng))
  }

  /// Damages `bytes`: flips, deletes, inserts, duplicates or truncates a few places.
  static func bytes(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
    var b = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
      switch Int.random(in: 0..<6, using: &rng) {
      case 0 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &rng)
      case 1 where !b.isEmpty: b.remove(at: at)
      case 2: b.insert(contentsOf: Array(pick(nasty, &rng).utf8), at: at)
      case 3: b.insert(pick([0x22, 0x2C, 0x0A, 0x0D, 0xFF, 0xC3, 0xE4, 0x81, 0x00], &rng), at: at)
      case 4 where !b.isEmpty: b.insert(contentsOf: b[at..<min(b.count, at + 40)], at: at)
      default: b = Array(b.prefix(at))
      }
    }
    return b
  }

  /// Damages text line-wise: replaces, drops, duplicates or re-indents a line, or mutates its bytes.
  static func lines(_ input: String, _ rng: inout SeededRandom) -> String {
    var lines = input.components(separatedBy: "\n")
    guard !lines.isEmpty else { return input }
    let at = Int.random(in: 0..<lines.count, using: &rng)
    switch Int.random(in: 0..<6, using: &rng) {
    case 0: lines[at] = text(&rng)
    case 1: lines.remove(at: at)
    case 2: lines.insert(lines[at], at: at)
    case 3:
      lines[at] =
        String(repeating: " ", count: Int.random(in: 0..<7, using: &rng))
        + lines[at].trimmingCharacters(in: .whitespaces)
    case 4:
      if let colon = lines[at].firstIndex(of: ":") { lines[at] = String(lines[at][...colon]) + " " + text(&rng) }
    default: lines[at] = String(decoding: bytes(Array(lines[at].utf8), &rng), as: UTF8.self)
    }
    return lines.joined(separator: "\n")
  }
}
