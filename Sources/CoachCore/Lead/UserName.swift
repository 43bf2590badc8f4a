import Foundation

/// The one rule for a user's name, wherever a user comes into being (`coach user add`, the admin page, a leads
/// import naming a consultant nobody has added).
public enum UserName {
  /// A name as it is kept: the text given, without the spaces around it. (A leads import asks for every row's
  /// consultant: Foundation's trimming was a fifth of the import's reading thread.)
  public static func trimmed(_ name: String) -> String { name.trimmedFast(.whitespaces) }

  /// A name that can be typed back (`--as`, `COACH_USER`) and listed: 1 to 40 characters, no control character, none
  /// of `/ \ < >` (the admin page took `<script>…` and `a/b`, which then filled every list of users).
  public static func isTypeable(_ name: String) -> Bool {
    (1...40).contains(name.count)
      && !name.unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || "/\\<>".unicodeScalars.contains($0)
      }
  }
}
