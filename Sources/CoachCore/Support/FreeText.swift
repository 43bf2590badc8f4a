/// Text a person types (notes, buried topics, names, what a customer said): given, it must say something.
public enum FreeText {
  /// True when `text` has something besides spaces (full-width too) and line breaks.
  public static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{200B}" || $0 == "\u{FEFF}" }
  }

  /// Throws the catalog's `blankText` (exit 64) naming `option` when `text` is blank; `required` when the option
  /// cannot be left out instead.
  public static func require(_ text: String, option: String, required: Bool = false) throws {
    if isBlank(text) { throw CoachError.refused(.blankText(option: option, required: required)) }
    if text.count > maximumLength { throw CoachError.refused(.textTooLong(option: option, maximum: maximumLength)) }
  }

  /// The most characters a text typed about a customer may hold (notes, topics, names, what the customer said).
  public static let maximumLength = 2_000

  /// An optional field as kept (`--wechat`, `--team`…): without the spaces around it; a blank one is refused naming
  /// `option` (an edit never clears a field by a blank, and an add leaves it out).
  public static func tidy(_ text: String?, option: String) throws -> String? {
    guard let text else { return nil }
    try require(text, option: option)
    return text.trimmingCharacters(in: .whitespaces)
  }
}
