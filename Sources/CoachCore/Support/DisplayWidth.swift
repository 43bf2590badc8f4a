/// How many terminal columns text takes: East Asian wide and emoji take 2, marks and zero-width take 0.
public enum DisplayWidth {
  /// Columns taken by `s`. ANSI escape sequences (`ESC [ … m`) take none.
  public static func of(_ s: String) -> Int {
    // Printable ASCII without escapes (most cells): one column a byte, no grapheme breaking.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    var total = 0
    var inEscape = false
    for cluster in s {
      if inEscape {
        if let v = cluster.unicodeScalars.first?.value, (0x40...0x7E).contains(v), v != 0x5B { inEscape = false }
        continue
      }
      if cluster == "\u{1B}" {
        inEscape = true
        continue
      }
      total += width(of: cluster)
    }
    return total
  }

  /// Columns taken by one grapheme cluster: its first scalar decides, unless the cluster is an emoji.
  public static func width(of cluster: Character) -> Int {
    let scalars = cluster.unicodeScalars
    guard let first = scalars.first else { return 0 }
    // CJK ideographs and Hangul syllables (a name, a note) are wide and never emoji: skip the property lookups.
    if (0x4E00...0x9FFF).contains(first.value) || (0xAC00...0xD7A3).contains(first.value) { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    if first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
    return width(of: first)
  }

  /// Columns taken by a scalar on its own.
  public static func width(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v == 0 || v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) || v == 0x200B { return 0 }
    return isWide(v) ? 2 : 1
  }

  /// `s` cut to at most `maxWidth` columns, ending in `…` when something was cut.
  public static func truncate(_ s: String, to maxWidth: Int) -> String {
    guard of(s) > maxWidth else { return s }
    guard maxWidth > 0 else { return "" }
    var kept = ""
    var used = 0
    for cluster in s {
      let w = width(of: cluster)
      if used + w > maxWidth - 1 { break }
      kept.append(cluster)
      used += w
    }
    return kept + "…"
  }

  /// `s` padded with spaces to `width` columns, on the right (left-aligned) or on the left.
  public static func pad(_ s: String, to width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - of(s)))
    return right ? fill + s : s + fill
  }

  // MARK: - East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F, outside emoji)

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
    0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static func isWide(_ v: UInt32) -> Bool {
    guard v >= 0x1100 else { return false }
    var lo = 0
    var hi = wideRanges.count - 1
    while lo <= hi {
      let mid = (lo + hi) / 2
      let r = wideRanges[mid]
      if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
    }
    return false
  }
}
