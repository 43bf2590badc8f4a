import Foundation

/// The one rule for a user's name, wherever a user comes into being (`coach user add`, the admin page, a leads
/// import naming a consultant nobody has added).
public enum UserName {
  /// A name as it is kept: the text given, without the spaces around it. (A leads import asks for every row's
  /// consultant: Foundation's trimming was a fifth of the import's reading thread.)
  public static func trimmed(_ name: String) -> String { name.trimmedFast(.whitespaces) }

  /// A Chinese name padded with spaces to line up in a sheet ("李 娜", "王　芳" beside "欧阳娜娜"): the spaces between two
  /// Han characters go, so that it is the consultant the sheet means. Other names stay as they are ("Li Na").
  public static func unpadded(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return name }
    let scalars = Array(name.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if scalars[i].properties.isWhitespace, let before = out.last, isHan(before) {
        var j = i
        while j < scalars.count, scalars[j].properties.isWhitespace { j += 1 }
        if j < scalars.count, isHan(scalars[j]) {
          i = j
          continue
        }
      }
      out.append(scalars[i])
      i += 1
    }
    return String(out)
  }

  /// A CJK ideograph (`ChineseText.isIdeograph`), or one of extension B, where names' rarer characters are.
  static func isHan(_ u: Unicode.Scalar) -> Bool {
    ChineseText.isIdeograph(u.value) || (0x20000...0x2A6DF).contains(u.value)
  }

  /// A name that can be typed back (`--as`, `COACH_USER`) and listed: 1 to 40 characters, no control character, none
  /// of `/ \ < >` (the admin page took `<script>…` and `a/b`, which then filled every list of users).
  public static func isTypeable(_ name: String) -> Bool {
    (1...40).contains(name.count)
      && !name.unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || "/\\<>".unicodeScalars.contains($0)
      }
  }
}
