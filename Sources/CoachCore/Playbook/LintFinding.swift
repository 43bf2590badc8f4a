import Foundation

/// One problem the linter or loader found in a playbook file.
public struct LintFinding: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Errors make the playbook unusable or wrong; warnings are worth a look.
  public enum Severity: String, Sendable, Hashable, Codable {
    case error, warning
  }

  public var severity: Severity
  /// The file's path as given (`en/models.yaml`).
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column (in characters), when known.
  public var column: Int?
  /// What is wrong and what is accepted (English).
  public var message: String
  /// The same in the catalog, for the user's language; nil for a finding written with a plain message.
  public var text: LintText?

  enum CodingKeys: String, CodingKey { case severity, file, line, column, message }

  public init(severity: Severity, file: String, line: Int?, column: Int?, message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public init(severity: Severity, file: String, line: Int?, column: Int?, text: LintText) {
    self.init(severity: severity, file: file, line: line, column: column, message: text.text(.en))
    self.text = text
  }

  /// The message in `language` (English for findings outside the catalog).
  public func message(in language: UILanguage) -> String { text?.text(language) ?? message }

  /// `en/models.yaml:12:5: ` (or `en/models.yaml: ` without a position).
  public var location: String {
    guard let line else { return "\(file): " }
    guard let column else { return "\(file):\(line): " }
    return "\(file):\(line):\(column): "
  }

  /// `en/models.yaml:12:5: error: …`, the form editors and CI logs understand.
  public var description: String { "\(location)\(severity.rawValue): \(message)" }
}
