import CoachCore
import Foundation

/// Small edits of the default playbook, for tests that need one thing broken.
enum Fixtures {
  static let files = DefaultPlaybook.files

  static func text(_ path: String) -> String { files.first { $0.path == path }?.text ?? "" }

  /// The default files with `path` replaced by `text`.
  static func replacing(_ path: String, with text: String) -> [PlaybookFile] {
    files.map { $0.path == path ? PlaybookFile(path: path, text: text) : $0 }
  }

  /// The default files with `old` replaced by `new` in `path` (the edit must apply).
  static func editing(_ path: String, _ old: String, _ new: String) -> [PlaybookFile] {
    let original = text(path)
    precondition(original.contains(old), "fixture edit does not apply to \(path): \(old)")
    return replacing(path, with: original.replacingOccurrences(of: old, with: new))
  }

  /// `files` with `old` replaced by `new` in `path` (the edit must apply): for more than one edit.
  static func editing(_ files: [PlaybookFile], _ path: String, _ old: String, _ new: String) -> [PlaybookFile] {
    files.map { file in
      guard file.path == path else { return file }
      precondition(file.text.contains(old), "fixture edit does not apply to \(path): \(old)")
      return PlaybookFile(path: path, text: file.text.replacingOccurrences(of: old, with: new))
    }
  }

  /// The text of `path` among `files`.
  static func text(_ files: [PlaybookFile], _ path: String) -> String { files.first { $0.path == path }?.text ?? "" }

  /// 1-based line of the first line containing `needle` after skipping `skip` matches.
  static func line(of needle: String, in text: String, skip: Int = 0) -> Int? {
    var left = skip
    for (i, line) in text.components(separatedBy: "\n").enumerated() where line.contains(needle) {
      if left == 0 { return i + 1 }
      left -= 1
    }
    return nil
  }

  static func day(_ text: String) -> LocalDate { LocalDate(text) ?? LocalDate(year: 1970, month: 1, day: 1) }
}
