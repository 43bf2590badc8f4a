import Foundation

extension StringProtocol {
  /// `trimmingCharacters(in: set)` for `.whitespaces` / `.whitespacesAndNewlines`, without Foundation when the
  /// first and last scalars cannot be white space (printable ASCII, or above U+3000 where no Unicode space or
  /// newline lies): import cells and times are trimmed millions of times.
  func trimmedFast(_ set: CharacterSet) -> String {
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
    if Self.cannotBeSpace(first), Self.cannotBeSpace(last) { return String(self) }
    return trimmingCharacters(in: set)
  }

  private static func cannotBeSpace(_ s: Unicode.Scalar) -> Bool { (0x21...0x7E).contains(s.value) || s.value > 0x3000 }
}
