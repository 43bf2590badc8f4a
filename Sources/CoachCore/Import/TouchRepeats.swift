import Foundation

/// The good touch rows of one file, to find a row identical to an earlier one: the same lead, time to the millisecond
/// (as both engines store it), channel and outcome. Exact, in about 14 bytes a row: each lead's rows are a chain of
/// blocks of `perBlock` rows, each row three `UInt32`s (the time and codes packed in 64 bits, then the line), the
/// blocks cut from a few large slabs that go back to the system when the import's parse ends. A dictionary of every
/// row's key took 2M touches' import from 86 to 318 MB at its peak; an array per lead, 128 MB (its headers and growth
/// were a third of it).
struct TouchRepeats {
  /// A lead's rows: its first block, and how many rows it has (its last block is the chain's end).
  private struct Chain {
    var first: UInt32
    var count: UInt32
  }

  /// Rows in a block.
  static let perBlock = 4
  /// A block's words: `perBlock` rows of `[high, low, line]`, then the next block's index.
  private static let blockWords = 3 * perBlock + 1
  /// Blocks in a slab (1 << 16 blocks of 52 bytes: 3.4 MB, allocated apart from the small objects of the heap).
  private static let slabShift = 16
  private static let slabMask = (1 << slabShift) - 1

  private var slabs: [[UInt32]] = []
  private var blocks = 0
  private var leads: [String: Chain] = [:]
  /// The leads with more rows than `searchedAtMost`, by packed key: their first line (a lead with thousands of rows
  /// in one file is searched by hash, not row by row).
  private var many: [String: [UInt64: UInt32]] = [:]
  /// Rows of one lead searched one by one before it is kept by hash instead.
  static let searchedAtMost = 64

  /// The line of an earlier row identical to `touch`, or nil after keeping `touch` (at `line`) as the first of its kind.
  mutating func earlierLine(of touch: ImportedTouch, line: Int) -> Int? {
    let key = Self.key(touch)
    let lead = touch.leadExternalID
    let at = UInt32(clamping: line)
    if !many.isEmpty, many[lead] != nil {
      if let earlier = many[lead]?[key] { return Int(earlier) }
      many[lead]?[key] = at
      return nil
    }
    guard var chain = leads[lead] else {
      let block = newBlock()
      put(block, row: 0, key, at)
      leads[lead] = Chain(first: block, count: 1)
      return nil
    }
    var found: UInt32?
    var last = each(of: chain) { rowKey, rowLine in
      if rowKey == key { found = rowLine }
      return found == nil
    }
    if let found { return Int(found) }
    if Int(chain.count) >= Self.searchedAtMost {
      // Past the rows searched one by one: this lead's rows go by hash from now on (its blocks are left unused).
      var byKey: [UInt64: UInt32] = [:]
      byKey.reserveCapacity(Int(chain.count) + 1)
      _ = each(of: chain) { rowKey, rowLine in
        byKey[rowKey] = rowLine
        return true
      }
      byKey[key] = at
      many[lead] = byKey
      leads[lead] = nil
      return nil
    }
    let row = Int(chain.count) % Self.perBlock
    if row == 0 {
      let block = newBlock()
      slabs[Int(last) >> Self.slabShift][Self.offset(last) + 3 * Self.perBlock] = block
      last = block
    }
    put(last, row: row, key, at)
    chain.count += 1
    leads[lead] = chain
    return nil
  }

  /// Calls `body` with the key and line of each row of `chain`, oldest first, while it returns true; the block it
  /// stopped in (the chain's last, when it went through all of them).
  private func each(of chain: Chain, _ body: (_ key: UInt64, _ line: UInt32) -> Bool) -> UInt32 {
    var block = chain.first
    var left = Int(chain.count)
    while true {
      let (slab, base) = (Int(block) >> Self.slabShift, Self.offset(block))
      for row in 0..<min(left, Self.perBlock) {
        let w = base + 3 * row
        if !body(UInt64(slabs[slab][w]) << 32 | UInt64(slabs[slab][w + 1]), slabs[slab][w + 2]) { return block }
      }
      left -= Self.perBlock
      if left <= 0 { return block }
      block = slabs[slab][base + 3 * Self.perBlock]
    }
  }

  /// The first word of block `block` in its slab.
  private static func offset(_ block: UInt32) -> Int { (Int(block) & slabMask) * blockWords }

  private mutating func newBlock() -> UInt32 {
    if blocks >> Self.slabShift == slabs.count {
      slabs.append([UInt32](repeating: 0, count: (1 << Self.slabShift) * Self.blockWords))
    }
    defer { blocks += 1 }
    return UInt32(blocks)
  }

  private mutating func put(_ block: UInt32, row: Int, _ key: UInt64, _ line: UInt32) {
    let (slab, w) = (Int(block) >> Self.slabShift, Self.offset(block) + 3 * row)
    slabs[slab][w] = UInt32(truncatingIfNeeded: key >> 32)
    slabs[slab][w + 1] = UInt32(truncatingIfNeeded: key)
    slabs[slab][w + 2] = line
  }

  /// The time in milliseconds (exact for any date a file can hold: years 1601…9999 are within ±2^48 ms of 1970),
  /// then the channel and outcome, in 64 bits.
  static func key(_ touch: ImportedTouch) -> UInt64 {
    let ms = Int64((touch.at.timeIntervalSince1970 * 1000).rounded(.down))
    let channel = UInt64(Channel.allCases.firstIndex(of: touch.channel) ?? 0)
    let outcome = UInt64(Outcome.allCases.firstIndex(of: touch.outcome) ?? 0)
    return UInt64(bitPattern: ms) << 8 | channel << 4 | outcome
  }
}
