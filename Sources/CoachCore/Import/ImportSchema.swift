import Foundation

/// The columns of an import file (leads or touches) and how a header row maps onto them.
public struct ImportSchema: Sendable, Hashable {
  /// What the rows of the file are.
  public enum Kind: String, Sendable, Hashable { case leads, touches }

  public let kind: Kind
  /// Every known column, in the contract's order (the export order for leads).
  public let columns: [String]
  /// Columns the header must name, or the file is rejected.
  public let required: [String]
  /// Columns accepted and ignored without a warning (a lead export's own `id`: the database assigns ids).
  public var ignored: [String] = []

  /// `external_id, name, phone, …, stage, created_at` plus `profile` (`key=value;key=value`).
  public static let leads = ImportSchema(
    kind: .leads,
    columns: [
      "external_id", "name", "phone", "wechat", "email", "gender", "birthday", "city", "source", "consultant",
      "model", "grade", "tier", "tags", "stage", "created_at", "profile",
    ],
    required: ["name", "phone"], ignored: ["id"])

  /// `lead_external_id, at, channel, outcome, note, next_at` plus `levers` (switch levers argued with, `;`-separated).
  public static let touches = ImportSchema(
    kind: .touches, columns: ["lead_external_id", "at", "channel", "outcome", "note", "next_at", "levers"],
    required: ["lead_external_id", "at"])

  /// What `--map 'HEADER=ignore'` maps a header to: the column is not read, and not warned about.
  public static let ignore = "ignore"

  /// Whether a cell of `record` names a column of this schema, as `bind` reads it (`column(of:)`): a row above the
  /// header that names none is a title, not the header.
  func namesAColumn(_ record: CSVRecord, vocabulary: ImportVocabulary?, map: [String: String]) -> Bool {
    record.fields.contains { cell in
      let name = column(of: cell, vocabulary: vocabulary, map: map).name
      return !name.isEmpty && columns.contains(name)
    }
  }

  /// A header cell as `bind` reads it: as written (surrounding spaces and a BOM trimmed), the column it names (`map`,
  /// by `ImportVocabulary.key`, first; then the exact names, case ignored; then `vocabulary`'s; else the cell
  /// lowercased), and the `map` key it was found by, if any.
  func column(of cell: String, vocabulary: ImportVocabulary?, map: [String: String]) -> (
    written: String, name: String, mapKey: String?
  ) {
    let written = cell.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
    let name = written.lowercased()
    let key = ImportVocabulary.key(name)
    if let to = map[key] { return (written, to, key) }
    if !columns.contains(name), let alias = vocabulary?.column(header: name, kind: kind) {
      return (written, alias, nil)
    }
    return (written, name, nil)
  }

  /// Maps a header record onto the columns: case, surrounding spaces and a BOM are ignored; unknown or
  /// unnamed columns give warnings; a missing required column, a repeated column or an unreadable header
  /// rejects the file (`bad_csv_header`).
  /// Besides the exact column names: `map` (`--map`, by `ImportVocabulary.key`) first, then the names of
  /// `vocabulary` (`ImportVocabularyTable`). A header mapped to `ignore` is not read and gives no warning; a `map`
  /// header the file does not have gives a warning.
  public func bind(
    header: CSVRecord?, fileName: String? = nil, vocabulary: ImportVocabulary? = nil, map: [String: String] = [:],
    language: UILanguage = .en
  ) throws -> ImportHeader {
    let file = fileName ?? "the CSV file"
    func refuse(_ text: ImportHeaderText) -> CoachError {
      .rejected(code: "bad_csv_header", message: text.text(language))
    }
    guard let header else { throw refuse(.emptyFile(file: file, kind: kind.rawValue, needs: required)) }
    if let issue = header.issue {
      throw refuse(.unreadableHeader(file: file, line: header.line, problem: issue.text(language)))
    }
    var index: [String: Int] = [:]
    var warnings: [String] = []
    var recognised: [ImportHeader.Recognised] = []
    var unknown: [String] = []
    var mapped = Set<String>()
    var cells: [String] = []
    var moreProfiles: [ImportHeader.ProfileColumn] = []
    for (i, cell) in header.fields.enumerated() {
      let (written, name, mapKey) = column(of: cell, vocabulary: vocabulary, map: map)
      cells.append(written)
      if let mapKey { mapped.insert(mapKey) }
      if name == Self.ignore && !columns.contains(name) {
        unknown.append(cell)
        continue
      } else if ignored.contains(name) {
        continue
      } else if name.isEmpty {
        warnings.append(ImportHeaderText.unnamedColumn(file: file, line: header.line, column: i + 1).text(language))
      } else if !columns.contains(name) {
        unknown.append(cell)
        warnings.append(
          ImportHeaderText.unknownColumn(file: file, line: header.line, header: cell, column: i + 1, known: columns)
            .text(language))
      } else if name == "profile", index[name] != nil {
        // More columns of customer facts (`--map '意向金额=profile' --map '爱好=profile'`): each read as `profile` is.
        moreProfiles.append(ImportHeader.ProfileColumn(position: i, header: written))
        recognised.append(ImportHeader.Recognised(header: cell, column: name, position: i + 1))
      } else if let earlier = index[name] {
        throw refuse(
          .repeatedColumn(file: file, line: header.line, name: name, first: earlier + 1, second: i + 1, header: written)
        )
      } else {
        index[name] = i
        recognised.append(ImportHeader.Recognised(header: cell, column: name, position: i + 1))
      }
    }
    let missing = required.filter { index[$0] == nil }
    if !missing.isEmpty, let first = cells.first, first.hasPrefix("{") || first.hasPrefix("[") {
      throw refuse(.jsonFile(file: file))
    }
    guard missing.isEmpty else {
      // One cell holding tabs or semicolons: a file separated by those (Excel's "Text (Tab delimited)", or a CSV of
      // a locale whose list separator is ';').
      let lone = header.fields.count == 1 ? header.fields[0] : ""
      let separator = lone.contains("\t") ? "\t" : (lone.contains(";") || lone.contains("；")) ? ";" : nil
      throw refuse(
        .missingColumns(
          file: file, line: header.line, kind: kind.rawValue, missing: missing, needs: required, known: columns,
          separator: separator))
    }
    for key in map.keys.sorted() where !mapped.contains(key) {
      warnings.append(ImportHeaderText.unusedMap(file: file, line: header.line, header: key).text(language))
    }
    var bound = ImportHeader(
      schema: self, line: header.line, fieldCount: header.fields.count, index: index,
      warnings: warnings)
    bound.recognised = recognised
    bound.moreProfiles = moreProfiles
    bound.ignoredColumns = unknown
    bound.names = ImportColumnNames(cells: cells, recognised: recognised)
    return bound
  }
}

/// A header bound to a schema: where each known column is.
public struct ImportHeader: Sendable, Hashable {
  public let schema: ImportSchema
  /// Line of the header row.
  public let line: Int
  /// Number of fields in the header; every row must have as many.
  public let fieldCount: Int
  /// Position of each known column present in the file.
  public let index: [String: Int]
  /// Unknown and unnamed columns, one message each.
  public let warnings: [String]
  /// A header cell read as one of the schema's columns.
  public struct Recognised: Sendable, Hashable, Codable {
    public var header: String
    public var column: String
    public var position: Int
  }
  /// The columns read, in file order (`--dry-run` shows them).
  public internal(set) var recognised: [Recognised] = []
  /// A column of customer facts after the first (`profile` may be given to several columns).
  public struct ProfileColumn: Sendable, Hashable {
    /// 0-based.
    public var position: Int
    /// The header as written: the fact's name for a bare value.
    public var header: String
  }
  /// The columns of customer facts after the first, in file order.
  public internal(set) var moreProfiles: [ProfileColumn] = []
  /// Header cells not read (unknown names, and those `--map` says to ignore), in file order.
  public internal(set) var ignoredColumns: [String] = []
  /// How bad rows name the columns: by the header as written.
  public internal(set) var names = ImportColumnNames.contract
  /// Position in the file of each of the schema's columns, in the schema's order (-1: absent): `index` without
  /// hashing a name, for the cells of every row.
  let positions: [Int]

  init(schema: ImportSchema, line: Int, fieldCount: Int, index: [String: Int], warnings: [String]) {
    self.schema = schema
    self.line = line
    self.fieldCount = fieldCount
    self.index = index
    self.warnings = warnings
    positions = schema.columns.map { index[$0] ?? -1 }
  }

  /// The trimmed cell of `column` in `fields`, or nil when the column is absent or the cell empty.
  public func value(_ column: String, in fields: [String]) -> String? {
    guard let i = index[column] else { return nil }
    return Self.cell(i, in: fields)
  }

  /// The trimmed cell at 0-based `position` in `fields`, or nil when empty or absent.
  func value(position: Int, in fields: [String]) -> String? { Self.cell(position, in: fields) }

  /// `value(schema.columns[ordinal], in: fields)`.
  func value(ordinal: Int, in fields: [String]) -> String? {
    guard ordinal >= 0, ordinal < positions.count else { return nil }
    return Self.cell(positions[ordinal], in: fields)
  }

  private static func cell(_ i: Int, in fields: [String]) -> String? {
    guard i >= 0, i < fields.count else { return nil }
    let cell = fields[i]
    // `'=…`: a cell an export defused (`CSVWriter.defused`) reads back as it was before.
    if cell.utf8.first == 0x27, let second = cell.unicodeScalars.dropFirst().first,
      CSVWriter.formulaStarts.contains(second)
    {
      return trimmed(String(cell.unicodeScalars.dropFirst()))
    }
    return trimmed(cell)
  }

  private static func trimmed(_ cell: String) -> String? {
    // First and last scalars that cannot be white space (printable ASCII, or above U+3000 where no Unicode space
    // or newline lies): nothing to trim, and no character set to build, for nearly every cell.
    let scalars = cell.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return nil }
    if cannotBeSpace(first), cannotBeSpace(last) { return cell }
    let v = cell.trimmedFast(.whitespacesAndNewlines)
    return v.isEmpty ? nil : v
  }

  private static func cannotBeSpace(_ s: Unicode.Scalar) -> Bool { (0x21...0x7E).contains(s.value) || s.value > 0x3000 }
}

extension ImportSchema {
  /// The position of `column` in `columns` (-1 when it is not one of them).
  func ordinal(_ column: String) -> Int { columns.firstIndex(of: column) ?? -1 }
}
