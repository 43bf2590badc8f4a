import Foundation

/// Reads the typed cells of one record, collecting one reason per bad cell.
struct RowReader {
  let line: Int
  let header: ImportHeader
  let fields: [String]
  let zone: TimeZone
  /// Words and names besides the codes (asked only when a cell is not a code).
  let vocabulary: ImportVocabulary
  /// The language reasons are given in.
  let language: UILanguage
  /// The import's answers for words and model names already seen (nil: work each out).
  let memo: ImportCellMemo?
  /// The import's `--now`: a record's own time after it is bad (nil: not checked).
  let now: Date?
  private(set) var reasons: [String] = []

  init(
    line: Int, header: ImportHeader, fields: [String], zone: TimeZone, vocabulary: ImportVocabulary = .builtIn,
    language: UILanguage = .en, memo: ImportCellMemo? = nil, now: Date? = nil
  ) {
    self.line = line
    self.header = header
    self.fields = fields
    self.zone = zone
    self.vocabulary = vocabulary
    self.language = language
    self.memo = memo
    self.now = now
  }

  mutating func fail(_ problem: ImportProblem) { reasons.append(problem.text(language, names: header.names)) }

  /// The trimmed text of `column`, nil when empty or absent.
  func text(_ column: String) -> String? { header.value(column, in: fields) }

  /// The trimmed text of the schema's column at `ordinal` (`ImportSchema.ordinal`), nil when empty or absent.
  func text(at ordinal: Int) -> String? { header.value(ordinal: ordinal, in: fields) }

  /// `value`, the text read from `column`, which every row must fill; `need` says why when it is empty.
  mutating func required(_ column: String, _ value: String?, _ need: ImportProblem.Need) -> String? {
    guard let value else {
      fail(.empty(column: column, need: need))
      return nil
    }
    return value
  }

  /// A code of `T`, matched ignoring case, with `-` or a space accepted for `_`.
  mutating func code<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, value: String? = nil)
    -> T? where T.RawValue == String
  {
    guard let v = value ?? text(column) else { return nil }
    if let exact = T(rawValue: v), Self.isCanonical(exact.rawValue),
      !v.utf8.contains(where: { $0 == 0x2D || $0 == 0x20 })
    {
      return exact
    }
    if v.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: the rule below (lower-cased, `-` and space read as `_`) without building strings.
      if let match = T.allCases.first(where: { Self.sameCode($0.rawValue, v) }) { return match }
      return spoken(column, T.self, value: v)
    }
    // Other text (`战败`, `H级`): a sheet repeats the same few words in every row, each worked out once.
    let vocabulary = self.vocabulary
    let work = { () -> String? in
      let w = ImportVocabulary.halfWidth(v).trimmedFast(.whitespaces)
      let key = w.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
      if let match = T.allCases.first(where: { $0.rawValue.lowercased() == key }) { return match.rawValue }
      return Self.spokenCode(T.self, column, w, vocabulary)?.rawValue
    }
    if let raw = memo.map({ $0.code(column, v, work) }) ?? work(), let match = T(rawValue: raw) { return match }
    fail(.badCode(column: column, value: v, accepted: T.allCases.map(\.rawValue)))
    return nil
  }

  /// A value that is not a code: a word of the vocabulary (`战败`, `电话`, a playbook label) or a grade with its
  /// suffix (`H级`); else the row is bad, naming the codes.
  private mutating func spoken<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, value v: String)
    -> T? where T.RawValue == String
  {
    if let match = Self.spokenCode(T.self, column, v, vocabulary) { return match }
    fail(.badCode(column: column, value: v, accepted: T.allCases.map(\.rawValue)))
    return nil
  }

  /// The code a word of the vocabulary or a grade with its suffix stands for, or nil.
  private static func spokenCode<T: RawRepresentable & CaseIterable>(
    _ type: T.Type, _ column: String, _ v: String, _ vocabulary: ImportVocabulary
  ) -> T? where T.RawValue == String {
    if let code = vocabulary.code(column, v), let match = T(rawValue: code) { return match }
    if let bare = ImportVocabulary.withoutGradeSuffix(v), !bare.isEmpty,
      let match = T.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(bare) == .orderedSame })
    {
      return match
    }
    return nil
  }

  /// No upper-case ASCII (for ASCII text: equal to its `lowercased()`); other text is asked the slow way.
  private static func isCanonical(_ raw: String) -> Bool {
    for u in raw.utf8 {
      if u >= 0x80 { return raw == raw.lowercased() }
      if u >= 0x41 && u <= 0x5A { return false }
    }
    return true
  }

  /// `raw.lowercased() == key` where key is ASCII `v` lower-cased with `-` and space as `_`.
  private static func sameCode(_ raw: String, _ v: String) -> Bool {
    guard raw.utf8.allSatisfy({ $0 < 0x80 }) else {
      return raw.lowercased()
        == v.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    }
    guard raw.utf8.count == v.utf8.count else { return false }
    for (r, c) in zip(raw.utf8, v.utf8) {
      let lr = r >= 0x41 && r <= 0x5A ? r + 32 : r
      let lc = c == 0x2D || c == 0x20 ? 0x5F : (c >= 0x41 && c <= 0x5A ? c + 32 : c)
      if lr != lc { return false }
    }
    return true
  }

  /// `a.caseInsensitiveCompare(b) == .orderedSame`, byte by byte when both are ASCII.
  static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
    guard a.utf8.allSatisfy({ $0 < 0x80 }), b.utf8.allSatisfy({ $0 < 0x80 }) else {
      return a.caseInsensitiveCompare(b) == .orderedSame
    }
    guard a.utf8.count == b.utf8.count else { return false }
    return zip(a.utf8, b.utf8).allSatisfy { x, y in
      x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
    }
  }

  /// A `YYYY-MM-DD` day: `value` (read from `column`), or else the text of `column`.
  mutating func day(_ column: String, value: String? = nil) -> LocalDate? {
    guard let v = value ?? text(column) else { return nil }
    if let d = ImportDates.day(v) { return d }
    fail(.badDay(column: column, value: v))
    return nil
  }

  /// An ISO 8601 time; without an offset it is in the import's zone.
  mutating func instant(_ column: String, value: String? = nil) -> Date? {
    guard let v = value ?? text(column) else { return nil }
    if let d = FastInstant.parse(v) ?? ImportDates.sheetInstant(v, zone: zone) ?? ImportDates.instant(v, zone: zone) {
      return d
    }
    fail(.badInstant(column: column, value: v, zone: zone.identifier))
    return nil
  }

  /// `instant` for a record's own time (a lead's creation, a touch's `at`): one after `now` has not happened yet.
  mutating func pastInstant(_ column: String, value: String) -> Date? {
    guard let date = instant(column, value: value) else { return nil }
    if let now, date > now {
      fail(.afterNow(column: column, value: value, now: TimeParsing.iso(now, zone: zone)))
      return nil
    }
    return date
  }

  /// Tags: items separated by `;`, `,` or `、` (ASCII or full-width), trimmed, empty ones dropped (a tag holds no
  /// comma; `vip, warning` is two).
  static func tagList(_ text: String) -> [String] {
    text.split(whereSeparator: { ";；,，、".contains($0) })
      .map { $0.trimmedFast(.whitespaces) }
      .filter { !$0.isEmpty }
  }

  /// Items separated by `;` (ASCII or full-width), trimmed, empty ones dropped.
  static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == ";" || $0 == "；" })
      .map { $0.trimmedFast(.whitespaces) }
      .filter { !$0.isEmpty }
  }
}
