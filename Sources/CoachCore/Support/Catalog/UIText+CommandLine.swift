import Foundation

extension ParserComplaint {
  /// Two lines: what was wrong (with the values accepted, when the parser listed them), then the option's help or the
  /// command's usage, and where every option is listed. The parser's help texts are English: Chinese keeps only the
  /// codes a help text lists.
  func text(_ l: UILanguage) -> String {
    "\(wrong(l))\n\(accepted(l))"
  }

  func wrong(_ l: UILanguage) -> String {
    switch kind {
    case .invalidValue(let value, let option, let choices, let reason):
      var text = l.pick("\(option) 不接受 “\(value)”", "\(option) does not take '\(value)'")
      if let reason { text += l.pick("：\(reason)", ": \(reason)") }
      if !choices.isEmpty {
        text += l.pick("；可用：\(choices.joined(separator: "、"))", "; use one of: \(choices.joined(separator: ", "))")
      }
      return text
    case .missingArgument(let target):
      return l.pick("缺少 \(target)", "\(target) is missing")
    case .missingValue(let option):
      return l.pick("\(option) 后面缺少值", "\(option) needs a value")
    case .unknownOption(let option, let suggestion):
      let hint = suggestion.map { l.pick("，是不是 \($0)？", " (did you mean \($0)?)") } ?? ""
      return l.pick("\(command) 没有选项 \(option)\(hint)", "\(command) has no option \(option)\(hint)")
    case .unexpected(let words):
      let list = words.joined(separator: l.pick("、", ", "))
      return l.pick("\(command) 不认识多出来的 \(list)", "\(command) does not take \(list)")
    case .unknownCommand(let word, let commands, let suggestion):
      let zhHint = suggestion.map { "是不是 \($0)？" } ?? ""
      let enHint = suggestion.map { " (did you mean \($0)?)" } ?? ""
      return l.pick(
        "\(command) 没有 \(word) 这个命令；\(zhHint)可用：\(commands.joined(separator: "、"))",
        "\(command) has no command '\(word)'\(enHint); use one of: \(commands.joined(separator: ", "))")
    case .optionBeforeCommand(let option, let named):
      return l.pick(
        "选项 \(option) 要写在命令后面，例如 \(named) \(option) …", "\(option) goes after the command, as in \(named) \(option) …")
    case .other(let text):
      return l.pick("命令行有误：\(text)", text)
    }
  }

  func accepted(_ l: UILanguage) -> String {
    let more: String
    if case .optionBeforeCommand(_, let named) = kind {
      more = l.pick("\(named) --help 列出它的全部选项", "\(named) --help lists its options")
    } else if case .unknownCommand = kind {
      more = l.pick("\(command) --help 列出全部命令", "\(command) --help lists every command")
    } else {
      more = l.pick("\(command) --help 列出全部选项", "\(command) --help lists every option")
    }
    guard let help, !help.isEmpty else { return more }
    // `--outcome <outcome>  reached, no_answer, declined or visited.` → `--outcome <outcome>: reached, …`
    guard let gap = help.range(of: "  ") else { return "\(help) (\(more))" }
    let (syntax, said) = (help[..<gap.lowerBound], String(help[gap.upperBound...]))
    guard l == .zh else { return "\(syntax): \(said) (\(more))" }
    // The parser's help texts are English: in Chinese only a list of codes is kept, as `可用：a、b`.
    if let codes = Self.codes(said) { return "\(syntax)：可用 \(codes.joined(separator: "、")) (\(more))" }
    return "\(syntax) (\(more))"
  }

  /// The codes a help text lists and nothing else (`reached, no_answer, declined or visited.`), nil for prose.
  static func codes(_ help: String) -> [String]? {
    var text = help.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix(".") { text.removeLast() }
    let words = text.replacingOccurrences(of: " or ", with: ", ").components(separatedBy: ", ")
    let code = { (w: String) in
      !w.isEmpty
        && w.unicodeScalars.allSatisfy {
          ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
    return words.count >= 2 && words.allSatisfy(code) ? words : nil
  }
}
