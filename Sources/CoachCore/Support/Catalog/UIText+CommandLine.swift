extension ParserComplaint {
  /// Two lines: what was wrong (with the values accepted, when the parser listed them), then the option's help or the
  /// command's usage, and where every option is listed. The parser's help texts stay as written (English).
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
    let line = help.range(of: "  ").map { "\(help[..<$0.lowerBound]): \(help[$0.upperBound...])" } ?? help
    return "\(line) (\(more))"
  }
}
