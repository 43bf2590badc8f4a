import CoachCore
import Foundation
import Testing

@Suite struct TextTableTests {
  static func sample() -> TextTable {
    var table = TextTable(columns: [
      .init("姓名"), .init("阶段"), .init("优先级", alignment: .right), .init("原因", maxWidth: 10),
    ])
    table.addRow(["张伟", "prospect", "12.5", "首次联系"])
    table.addRow([.init("欧阳娜娜", style: .red), "deposit", "3", "交车延迟，客户很着急"])
    table.addRow(["Li", "delivered", "100"])
    return table
  }

  @Test("columns with CJK align by display width; right alignment; truncation with …; no trailing spaces")
  func plain() {
    let expected = """
      姓名      阶段       优先级  原因
      --------  ---------  ------  ---------
      张伟      prospect     12.5  首次联系
      欧阳娜娜  deposit         3  交车延迟…
      Li        delivered     100

      """
    #expect(Self.sample().render() == expected)
  }

  @Test("colour wraps cell text without changing the layout")
  func colour() {
    let colored = Self.sample().render(color: true)
    #expect(colored.contains("\u{1B}[31m欧阳娜娜\u{1B}[0m  deposit"))
    #expect(colored.contains("\u{1B}[1m姓名\u{1B}[0m"))
    let stripped = colored.replacingOccurrences(of: "\u{1B}[31m", with: "")
      .replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
    #expect(stripped == Self.sample().render())
    let widths = colored.split(separator: "\n").map { DisplayWidth.of(String($0)) }
    #expect(widths == Self.sample().render().split(separator: "\n").map { DisplayWidth.of(String($0)) })
  }

  @Test("newlines in a cell become spaces")
  func newlines() {
    var table = TextTable(columns: [.init("a"), .init("b")])
    table.addRow(["x\ny", "z"])
    #expect(table.render() == "a    b\n---  -\nx y  z\n")
  }

  @Test("a control character typed into a cell is shown, not obeyed by the terminal")
  func controlCharacters() {
    var table = TextTable(columns: [.init("name"), .init("note")])
    table.addRow(["\u{1B}[2J张伟", "a\rb"])
    let out = table.render()
    #expect(!out.contains("\u{1B}") && !out.contains("\r"))
    #expect(out.contains("␛[2J张伟") && out.contains("a b"))
  }
}
