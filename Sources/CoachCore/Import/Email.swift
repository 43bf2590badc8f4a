/// A sanity check for e-mail addresses: not full RFC 5322, just enough to catch typos and wrong columns.
public enum Email {
  /// What `isPlausible` accepts, for error messages.
  public static let accepted = "an address like name@example.com"

  /// One `@`, a non-empty local part, a domain with a dot between non-empty labels, no spaces or controls.
  public static func isPlausible(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
    guard !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    else { return false }
    let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
      !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..")
    else { return false }
    return labels.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
  }

  /// Throws `badEmail` (exit 65) when `text` is given and not plausible.
  public static func check(_ text: String?) throws {
    if let text, !isPlausible(text) { throw CoachError.refused(.badEmail(given: text)) }
  }
}
