import Foundation

/// Chinese as a customer reads it in a message. Trainers write the playbook's templates with ASCII punctuation
/// (`您好, 我是`) and fold long ones over several YAML lines, which joins them with a space (`说明情况和 我们的`);
/// a Chinese message writes `您好，我是` and `说明情况和我们的`.
enum ChineseText {
  /// `template` without the spaces a folded line leaves between two Chinese characters, or after a full-width mark
  /// (`。 想听听`). Spaces next to a `{placeholder}` stay: they part what the trainer meant to part (`{dealership}
  /// {consultant}`), and a Latin fact needs them (`您订的{model} 预计…`).
  static func joiningFoldedLines(_ template: String) -> String {
    walk(template) { out, c, next, _ in
      guard c == " ", let prev = out.last, let next, isWide(prev) else { return false }
      return isWide(next) || marks.contains(prev)  // the spaces go
    }
  }

  /// `text` (a filled draft) with `, ? ! : ;` after a Chinese character, or before Chinese after a space, in their
  /// full-width forms, without the spaces after them. Latin words keep their punctuation, brackets stay as written
  /// (a model's name, `极光 S50 (老款)`, is the catalog's), and times and numbers (`10:30`, `1,000`) are not touched.
  static func punctuated(_ text: String) -> String {
    walk(text) { out, c, next, spaced in
      guard let wide = fullWidth[c], out.last.map(isWide) == true || (spaced && next.map(isWide) == true) else {
        return false
      }
      out.append(wide)  // a full-width mark carries its own space
      return true
    }
  }

  /// `text` with a space between a Chinese character and a Latin word beside it (`极光 E60还有` → `极光 E60 还有`,
  /// `Ann您好` → `Ann 您好`), as the catalog writes its names (`极光 E60`) and as trainers write `{model} 预计`. A word
  /// of digits alone stays as numbers are written in Chinese (`2万`, `3天`); punctuation is not touched.
  static func spacingLatin(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var i = 0
    while i < chars.count {
      guard isLatin(chars[i]) else {
        out.append(chars[i])
        i += 1
        continue
      }
      var j = i
      while j < chars.count, isLatin(chars[j]) { j += 1 }
      let word = chars[i..<j]
      let lettered = word.contains { $0.isLetter }
      if lettered, i > 0, isIdeograph(chars[i - 1]) { out.append(" ") }
      out.append(contentsOf: word)
      if lettered, j < chars.count, isIdeograph(chars[j]) { out.append(" ") }
      i = j
    }
    return out
  }

  private static func isLatin(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

  /// A Chinese character (not a full-width mark).
  static func isIdeograph(_ c: Character) -> Bool { c.unicodeScalars.first.map { isIdeograph($0.value) } ?? false }

  /// A CJK ideograph's scalar: the unified block, its extension A and the compatibility block.
  static func isIdeograph(_ value: UInt32) -> Bool {
    switch value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
    default: return false
    }
  }

  /// `text` a character at a time: `step` sees what is written so far, the character, the next one that is not a
  /// space (nil at the end) and whether spaces come between; it writes in the character's place and returns true
  /// (the spaces after it are dropped), or returns false and the character is kept.
  private static func walk(
    _ text: String, _ step: (inout String, Character, Character?, Bool) -> Bool
  ) -> String {
    let chars = Array(text)
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var i = 0
    while i < chars.count {
      var j = i + 1
      while j < chars.count, chars[j] == " " { j += 1 }
      if step(&out, chars[i], j < chars.count ? chars[j] : nil, j > i + 1) {
        i = j
      } else {
        out.append(chars[i])
        i += 1
      }
    }
    return out
  }

  private static let fullWidth: [Character: Character] = [",": "，", "?": "？", "!": "！", ":": "：", ";": "；"]
  /// Full-width marks, which carry their own space.
  private static let marks: Set<Character> = ["，", "。", "、", "！", "？", "：", "；"]

  /// Chinese characters, and the punctuation and full-width forms written among them.
  static func isWide(_ c: Character) -> Bool {
    guard let scalar = c.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF: return true
    default: return false
    }
  }
}
