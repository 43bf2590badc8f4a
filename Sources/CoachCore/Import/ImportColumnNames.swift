import Foundation

/// How a bad row's reason names a column: by its header as written in the file, so that a user finds it in their
/// sheet (`手机号 (phone)`: the field it was read as follows when the header is not the field's own name).
public struct ImportColumnNames: Sendable, Hashable {
  /// Field → header cell as written, for the fields read under another name (`phone` → `手机号`).
  private var headers: [String: String] = [:]
  /// Field → how reasons name it, where the header is not written as the field (`手机号 (phone)`, `Grade`).
  private var shown: [String: String] = [:]
  /// The header's cells as written (trimmed), by position.
  private var cells: [String] = []

  /// Names by the contract's own words (no header known: rows given already parsed, tests).
  public static let contract = ImportColumnNames()

  init() {}

  /// The names of a header row: `cells` as written, `recognised` the cells read as fields.
  init(cells: [String], recognised: [ImportHeader.Recognised]) {
    self.cells = cells
    // The first column read as a field names it (`profile` may be read from several).
    for r in recognised where headers[r.column] == nil && shown[r.column] == nil {
      let written = r.header.trimmingCharacters(
        in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
      if ImportVocabulary.key(written) != ImportVocabulary.key(r.column) {
        headers[r.column] = written
        shown[r.column] = "\(written) (\(r.column))"
      } else if written != r.column {
        shown[r.column] = written
      }
    }
  }

  /// `field` as the file names it: `手机号 (phone)`, or the field alone when the header is its own name.
  public func field(_ field: String) -> String { shown[field] ?? field }

  /// The header `field` is read under, when it is not the field's own name (`意向金额` for `--map '意向金额=profile'`).
  public func header(of field: String) -> String? { headers[field] }

  /// The header cell at 1-based `position`, nil past the header or when it has no name.
  public func header(at position: Int) -> String? {
    guard position >= 1, position <= cells.count, !cells[position - 1].isEmpty else { return nil }
    return cells[position - 1]
  }
}
