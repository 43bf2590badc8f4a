import Foundation

/// A refusal worded for the web: the command line's messages name options (`--note`, `--next`), which a browser's
/// user never typed. The API names the JSON field instead (the same word: `note`, `next`, `until`), a page the form's
/// label (“备注”, “Note”).
enum WebWording {
  /// Command-line options a page's form has a field for, with the page text's label key.
  static let labels: [String: String] = [
    "note": "note", "next": "next", "outcome": "outcome", "channel": "channel", "bury": "bury", "amount": "amount",
    "eta": "eta", "date": "delivery_date", "model": "model", "stage": "stage", "reason": "reason",
    "objection": "heard", "resolve": "resolve", "phone": "phone", "consultant": "consultant", "until": "until",
  ]

  /// `message` with each `--option` as the API's field name (the option without its dashes).
  static func api(_ message: String) -> String {
    rewrite(message) { $0 }
  }

  /// `message` with each `--option` as its form label in quotes, or as the bare word when no form has it.
  static func page(_ message: String, language: String) -> String {
    rewrite(message) { option in
      guard let key = labels[option] else { return option }
      let label = key == "until" ? (language == "en" ? "Until" : "暂停到") : PageText.text(key, language)
      return "“\(label)”"
    }
  }

  /// `message` with every `--word` (two dashes at the start or after a space or an opening bracket, then lower-case
  /// letters, digits and dashes) replaced by `name(word)`.
  static func rewrite(_ message: String, _ name: (String) -> String) -> String {
    guard message.contains("--") else { return message }
    let chars = Array(message)
    var out = ""
    var i = 0
    while i < chars.count {
      let starts = i == 0 || chars[i - 1] == " " || "(（/、".contains(chars[i - 1])
      if starts, i + 2 < chars.count, chars[i] == "-", chars[i + 1] == "-", chars[i + 2].isLowercase {
        var j = i + 2
        while j < chars.count, chars[j].isLowercase || chars[j].isNumber || chars[j] == "-" || chars[j] == "_" {
          j += 1
        }
        out += name(String(chars[(i + 2)..<j]))
        i = j
      } else {
        out.append(chars[i])
        i += 1
      }
    }
    return out
  }
}
