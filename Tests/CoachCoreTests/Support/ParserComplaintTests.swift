import Testing

@testable import CoachCore

@Suite struct ParserComplaintTests {
  @Test("a value the option does not take keeps the values it does, listed or bulleted")
  func invalidValues() {
    let bulleted = ParserComplaint(
      parsing: """
        Error: The value 'fax' is invalid for '--channel <channel>'. Please provide one of the following:
          - call
          - sms
        Help:  --channel <channel>  call or sms.
        Usage: coach touch [<options>] <id> --channel <channel> --outcome <outcome>
          See 'coach touch --help' for more information.
        """)
    #expect(bulleted.kind == .invalidValue(value: "fax", option: "--channel", choices: ["call", "sms"], reason: nil))
    #expect(bulleted.help == "--channel <channel>  call or sms.")
    #expect(bulleted.command == "coach touch")
    let listed = ParserComplaint(
      parsing: """
        Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'table', 'json' or 'csv'.
        Usage: coach audit <options>
        """)
    #expect(
      listed.kind == .invalidValue(value: "pdf", option: "--format", choices: ["table", "json", "csv"], reason: nil))
    #expect(listed.command == "coach audit")
    let number = ParserComplaint(parsing: "Error: The value 'abc' is invalid for '--limit <limit>'\nUsage: coach next")
    #expect(number.kind == .invalidValue(value: "abc", option: "--limit", choices: [], reason: nil))
  }

  @Test("missing arguments and values, unknown options and extra words are told apart")
  func otherKinds() {
    #expect(ParserComplaint(parsing: "Error: Missing expected argument '<id>'").kind == .missingArgument("<id>"))
    #expect(ParserComplaint(parsing: "Error: Missing value for '--note <note>'").kind == .missingValue("--note"))
    #expect(
      ParserComplaint(parsing: "Error: Unknown option '--nots'. Did you mean '--note'?").kind
        == .unknownOption("--nots", suggestion: "--note"))
    #expect(ParserComplaint(parsing: "Error: Unknown option '--x'").kind == .unknownOption("--x", suggestion: nil))
    #expect(ParserComplaint(parsing: "Error: Unexpected argument 'extra'").kind == .unexpected(["extra"]))
    #expect(ParserComplaint(parsing: "Error: 2 unexpected arguments: 'a', 'b'").kind == .unexpected(["a", "b"]))
    #expect(ParserComplaint(parsing: "Error: --name is required").kind == .other("--name is required"))
  }

  @Test("two lines in either language: what was wrong with what is accepted, then the option's help")
  func wording() {
    let complaint = ParserComplaint(
      kind: .invalidValue(value: "fax", option: "--channel", choices: ["call", "sms"], reason: nil),
      help: "--channel <channel>  call or sms.", command: "coach touch")
    #expect(
      complaint.text(.en)
        == "--channel does not take 'fax'; use one of: call, sms\n--channel <channel>: call or sms. (coach touch --help lists every option)"
    )
    #expect(complaint.text(.zh).hasPrefix("--channel 不接受 “fax”；可用：call、sms\n"))
    // The parser's English help is no part of a Chinese message: a list of codes is kept, prose is not.
    let missing = ParserComplaint(
      kind: .missingArgument("--outcome <outcome>"),
      help: "--outcome <outcome>  reached, no_answer, declined or visited.", command: "coach touch")
    #expect(
      missing.text(.zh)
        == "缺少 --outcome <outcome>\n--outcome <outcome>：可用 reached、no_answer、declined、visited (coach touch --help 列出全部选项)"
    )
    let prose = ParserComplaint(
      kind: .invalidValue(value: "abc", option: "--limit", choices: [], reason: nil),
      help: "--limit <limit>  Queue length (default 10; 0 prints only the brief).", command: "coach next")
    #expect(prose.text(.zh) == "--limit 不接受 “abc”\n--limit <limit> (coach next --help 列出全部选项)")
    #expect(prose.text(.en).contains("Queue length (default 10"))
    let command = ParserComplaint(
      kind: .unknownCommand(word: "nxt", commands: ["next", "alerts"], suggestion: "next"), command: "coach")
    #expect(
      command.text(.en)
        == "coach has no command 'nxt' (did you mean next?); use one of: next, alerts\ncoach --help lists every command"
    )
    #expect(command.text(.zh) == "coach 没有 nxt 这个命令；是不是 next？可用：next、alerts\ncoach --help 列出全部命令")
  }

  @Test("a mistyped command is matched to the nearest one only when it is close")
  func nearest() {
    let commands = ["next", "alerts", "lead", "show", "leads", "touches", "stage", "store"]
    #expect(ParserComplaint.nearest("nxt", in: commands) == "next")
    #expect(ParserComplaint.nearest("shwo", in: commands) == "show")
    #expect(ParserComplaint.nearest("leeds", in: commands) == "leads")
    #expect(ParserComplaint.nearest("al", in: commands) == "alerts")
    #expect(ParserComplaint.nearest("xyz", in: commands) == nil)
    #expect(ParserComplaint.nearest("reports", in: commands) == nil)
  }
}
