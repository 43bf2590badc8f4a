/// NFKC plus lowercasing without Foundation, for text whose every scalar's NFKC form is known here:
/// ASCII, CJK ideographs (URO and extension A), full-width ASCII forms, the ideographic space and
/// common CJK and typographic punctuation. None of these composes with a neighbour, so the text's
/// NFKC form is the concatenation of its scalars' forms (TokenizerFastPathTests checks every scalar
/// against Foundation). Playbook examples and what consultants type are almost always such text.
enum QuickNormalizer {
  /// Punctuation outside the ranges below that NFKC and lowercasing leave as it is.
  static let unchanged: Set<UInt32> = [
    0x00B7, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x3001, 0x3002, 0x3008, 0x3009, 0x300A, 0x300B,
    0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011, 0x3014, 0x3015, 0x3016, 0x3017, 0x30FB,
  ]

  /// The scalars of `text` after NFKC and lowercasing; nil when a scalar is outside the known set
  /// (then the caller uses Foundation).
  static func normalized(_ text: String) -> [Unicode.Scalar]? {
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: out.append(ascii(scalar.value + 0x20))
      case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF: out.append(scalar)
      case 0xFF21...0xFF3A: out.append(ascii(scalar.value - 0xFEE0 + 0x20))  // Ａ → a
      case 0xFF01...0xFF5E: out.append(ascii(scalar.value - 0xFEE0))  // ， → ,
      case 0x3000: out.append(" ")
      default:
        guard unchanged.contains(scalar.value) else { return nil }
        out.append(scalar)
      }
    }
    return out
  }

  private static func ascii(_ value: UInt32) -> Unicode.Scalar { Unicode.Scalar(UInt8(truncatingIfNeeded: value)) }
}
