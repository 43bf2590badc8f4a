/// Text someone typed (a name, a note, a topic), made safe to print on a terminal: a control character would
/// otherwise act there (`ESC [2J` clears the screen, a CR overwrites the start of the line) instead of being seen.
public enum TerminalText {
  /// `text` with each control character shown as its picture (`ESC` → `␛`, `CR` → `␍`, `DEL` → `␡`; a C1 control,
  /// which some terminals also obey, as `\u{9B}`). A line break is kept in `multiline` text and shown as ` ⏎ `
  /// otherwise (`\r\n` as one), so that one record stays on one line; a tab becomes a space.
  public static func visible(_ text: String, multiline: Bool = false) -> String {
    // Nearly every value holds no control character: returned as it is, nothing built.
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    for (i, scalar) in scalars.enumerated() {
      switch scalar.value {
      // A CR ending a line (`\r\n`, as Windows writes it) goes with its line break.
      case 0x0D where i + 1 < scalars.count && scalars[i + 1] == "\n": continue
      case 0x0A: out.append(contentsOf: multiline ? "\n".unicodeScalars : " ⏎ ".unicodeScalars)
      case 0x09: out.append(" ")
      case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      case 0x7F: out.append("\u{2421}")
      case 0x80...0x9F:
        out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// `visible` for an optional value.
  public static func visible(_ text: String?, multiline: Bool = false) -> String? {
    text.map { visible($0, multiline: multiline) }
  }

  static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }
}
