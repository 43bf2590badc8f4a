/// A plain-text table for terminals: columns aligned by display width (CJK-safe), optional ANSI colour.
public struct TextTable: Sendable {
  /// Where a column's text sits in its width.
  public enum Alignment: Sendable { case left, right }

  /// A column: its header, alignment and the widest it may grow (longer text is cut with `…`).
  public struct Column: Sendable {
    public var header: String
    public var alignment: Alignment
    public var maxWidth: Int?
    public init(_ header: String, alignment: Alignment = .left, maxWidth: Int? = nil) {
      self.header = header
      self.alignment = alignment
      self.maxWidth = maxWidth
    }
  }

  /// One cell: text and an optional style, applied only when colour is on.
  public struct Cell: Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: TextStyle?
    public init(_ text: String, style: TextStyle? = nil) {
      self.text = text
      self.style = style
    }
    public init(stringLiteral value: String) { self.init(value) }
  }

  public var columns: [Column]
  public var rows: [[Cell]] = []
  /// Text between two columns.
  public var separator = "  "
  /// Style of the header row when colour is on.
  public var headerStyle: TextStyle? = .bold

  public init(columns: [Column]) { self.columns = columns }

  /// Adds a row; missing cells are empty, cells beyond the last column are ignored.
  public mutating func addRow(_ cells: [Cell]) { rows.append(cells) }

  /// Adds a row of unstyled texts.
  public mutating func addRow(_ texts: [String]) { rows.append(texts.map { Cell($0) }) }

  /// The table as lines ending in `\n`: header, a dashed rule, then rows; no trailing spaces.
  public func render(color: Bool = false) -> String {
    let header = columns.map { Cell($0.header, style: headerStyle) }
    let body = rows.map { row in columns.indices.map { i in i < row.count ? row[i] : Cell("") } }
    let cut = ([header] + body).map { row in
      row.enumerated().map { i, cell in
        var text = Self.flatten(cell.text)
        if let limit = columns[i].maxWidth { text = DisplayWidth.truncate(text, to: limit) }
        return Cell(text, style: cell.style)
      }
    }
    let widths = columns.indices.map { i in cut.map { DisplayWidth.of($0[i].text) }.max() ?? 0 }
    let rule = widths.map { Cell(String(repeating: "-", count: $0)) }
    var out = ""
    for (n, row) in ([cut[0], rule] + cut.dropFirst()).enumerated() {
      var line = ""
      for (i, cell) in row.enumerated() {
        let fill = String(repeating: " ", count: widths[i] - DisplayWidth.of(cell.text))
        let shown = color && n != 1 ? (cell.style?.apply(cell.text) ?? cell.text) : cell.text
        if i > 0 { line += separator }
        line += columns[i].alignment == .right ? fill + shown : shown + fill
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  /// A cell on one line: line breaks and tabs as spaces, and any other control character (what someone typed into a
  /// name or note: `ESC [2J` would clear the screen) shown as its picture (`TerminalText`), whoever fills the table.
  private static func flatten(_ s: String) -> String {
    let oneLine =
      s.contains { $0.isNewline || $0 == "\t" } ? String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : s
    return TerminalText.visible(oneLine)
  }
}

/// An ANSI text style (SGR); the caller decides whether colour is on.
public enum TextStyle: String, Sendable, CaseIterable {
  case bold, dim, red, green, yellow, blue, magenta, cyan

  /// The SGR parameter of this style.
  public var code: Int {
    switch self {
    case .bold: return 1
    case .dim: return 2
    case .red: return 31
    case .green: return 32
    case .yellow: return 33
    case .blue: return 34
    case .magenta: return 35
    case .cyan: return 36
    }
  }

  /// `text` wrapped in this style's escape and a reset.
  public func apply(_ text: String) -> String { "\u{1B}[\(code)m\(text)\u{1B}[0m" }
}
