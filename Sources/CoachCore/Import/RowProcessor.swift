import Foundation

/// What one record of an import file is.
enum RecordOutcome<Row: Sendable>: Sendable {
  /// An empty row, or (after a bad header) anything: nothing to do.
  case none
  /// The header, bound: how later reasons name its columns.
  case header(ImportColumnNames)
  case row(Row)
  case bad(RowError)
}

/// The per-record rules shared by the batch and the streamed import: header binding, the empty-row and
/// field-count checks, the cell rules, and as a bad row at its later line a repeated `external_id` (leads) or a touch
/// identical to an earlier good row (touches: the same lead, time to the millisecond as stored, channel and outcome).
///
/// A row shorter than the header has its missing cells empty (spreadsheets write no trailing empty cells); cells past
/// the header's last column may be empty, and one that holds a value makes the row bad. An unclosed quote refuses
/// the whole file (`bad_csv_quote`): everything after it is one cell, so no later row can be read.
struct RowProcessor<Row: ImportedRow> {
  let schema: ImportSchema
  let options: ImportOptions
  let read: (inout RowReader) -> Row?
  private(set) var header: ImportHeader?
  private var headerError: (any Error)?
  private var sawHeader = false
  /// The line of a quote never closed (the rest of the file is one record): the whole file is refused.
  private var unclosedQuote: Int?
  /// First line of each `external_id` (leads only): what must be remembered to find repeats.
  private var firstLine: [String: Int] = [:]
  /// The good touch rows so far (touches only), by what makes two touches the same.
  private var touchRows = TouchRepeats()
  /// The answers for words and model names already seen in this file (one catalog, one thread).
  private let memo = ImportCellMemo()
  /// Rows above the header that name no column (titles), kept to be told of when no header follows.
  private var titleRows: [CSVRecord] = []
  /// How many rows may stand above the header.
  static var titleRowsAtMost: Int { 5 }
  /// The positions of the columns the header names (0-based), in order.
  private var recognised: [Int] = []

  init(schema: ImportSchema, options: ImportOptions, read: @escaping (inout RowReader) -> Row?) {
    self.schema = schema
    self.options = options
    self.read = read
  }

  /// Takes the next record of the file.
  mutating func take(_ record: CSVRecord) -> RecordOutcome<Row> {
    guard sawHeader else {
      // A row naming no column at all, above the header, is a title ("东店客户登记表 … 导出日期：2026-11-24", or the
      // upper row of a header in two rows, "客户信息 | 销售信息"): the header is the first row that names one.
      if record.issue == nil, titleRows.count < Self.titleRowsAtMost,
        !schema.namesAColumn(record, vocabulary: options.vocabulary, map: options.headerMap)
      {
        titleRows.append(record)
        return .none
      }
      sawHeader = true
      // None within the first rows: the first is the header, and why it is none is told of it.
      return bindHeader(titleRows.count == Self.titleRowsAtMost ? titleRows[0] : record)
    }
    guard let header else { return .none }
    if case .unclosedQuote(let line) = record.issue {
      // The file's last record (it runs to the end): `finish` refuses the file, after the encoding is decided.
      unclosedQuote = line
      return .none
    }
    if let issue = record.issue {
      return .bad(RowError(line: record.line, reason: issue.text(options.language, names: header.names)))
    }
    if Self.allBlank(record.fields) { return .none }
    if record.fields.count > header.fieldCount,
      let extra = record.fields[header.fieldCount...].firstIndex(where: { !$0.trimmedFast(.whitespaces).isEmpty })
    {
      let problem = ImportProblem.extraCell(
        column: extra + 1, value: record.fields[extra].trimmedFast(.whitespaces), header: header.fieldCount)
      return .bad(RowError(line: record.line, reason: problem.text(options.language, names: header.names)))
    }
    var reader = RowReader(
      line: record.line, header: header, fields: record.fields, zone: options.zone, vocabulary: options.vocabulary,
      language: options.language, memo: memo, now: options.now)
    let row = read(&reader)
    // A bad row whose columns read are all empty (a row number filled in down the sheet) is a blank one, and so is a
    // totals row (合计 or Total in a cell, no name or phone).
    if !reader.reasons.isEmpty, recognisedBlank(record.fields) || isTotals(record.fields) { return .none }
    if schema.kind == .leads, let id = LeadRow.externalID(reader) {
      if let earlier = firstLine[id] {
        reader.fail(.repeatedID(id: id, line: earlier))
      } else {
        firstLine[id] = reader.line
      }
    }
    if schema.kind == .touches, let touch = row as? ImportedTouch, reader.reasons.isEmpty {
      if let earlier = touchRows.earlierLine(of: touch, line: reader.line) {
        reader.fail(
          .repeatedTouch(
            lead: touch.leadExternalID, at: TimeParsing.iso(touch.at, zone: options.zone),
            channel: touch.channel.rawValue, outcome: touch.outcome.rawValue, line: earlier))
      }
    }
    if let row, reader.reasons.isEmpty { return .row(row) }
    return .bad(RowError(line: record.line, reason: reader.reasons.joined(separator: "; ")))
  }

  /// The header bound from `record` (`.header`), or why it cannot be kept for `finish` (`.none`).
  private mutating func bindHeader(_ record: CSVRecord) -> RecordOutcome<Row> {
    do {
      let bound = try schema.bind(
        header: record, fileName: options.fileName, vocabulary: options.vocabulary, map: options.headerMap,
        language: options.language)
      header = bound
      recognised = bound.index.values.sorted()
      return .header(bound.names)
    } catch { headerError = error }
    return .none
  }

  /// Whether `fields` is a totals row: the columns every row needs are empty, and a cell is only a totals word.
  private func isTotals(_ fields: [String]) -> Bool {
    guard let header else { return false }
    let needed = schema.required.compactMap { header.index[$0] }
    guard needed.allSatisfy({ Self.isEmpty($0, in: fields) }) else { return false }
    return fields.contains { totalsWords.contains($0.trimmedFast(.whitespaces).lowercased()) }
  }

  /// Whether every cell of a column the header names is empty in `fields`.
  private func recognisedBlank(_ fields: [String]) -> Bool {
    recognised.allSatisfy { Self.isEmpty($0, in: fields) }
  }

  /// Whether the cell at 0-based `position` of `fields` is absent or blank.
  private static func isEmpty(_ position: Int, in fields: [String]) -> Bool {
    position >= fields.count || fields[position].trimmedFast(.whitespaces).isEmpty
  }

  /// After the last record: the bound header, or why the file has none usable (`bad_csv_header`) or cannot be read to
  /// its end (`bad_csv_quote`).
  mutating func finish() throws -> ImportHeader {
    // A file of rows that name no column (fewer than `titleRowsAtMost`): its first row is the header, refused.
    if !sawHeader, let first = titleRows.first {
      sawHeader = true
      _ = bindHeader(first)
    }
    if let headerError { throw headerError }
    if let unclosedQuote {
      let text = ImportHeaderText.unclosedQuote(file: options.fileName ?? "the CSV file", line: unclosedQuote)
      throw CoachError.rejected(code: "bad_csv_quote", message: text.text(options.language))
    }
    if let header { return header }
    return try schema.bind(header: nil, fileName: options.fileName, language: options.language)
  }

  /// Every cell empty or white space (spreadsheets leave such rows behind).
  private static func allBlank(_ fields: [String]) -> Bool {
    for f in fields {
      for u in f.utf8 where u != 0x20 && u != 0x09 {
        // Anything else but ASCII blanks: ask the full rule only when it might be Unicode white space.
        if u < 0x80 { return false }
        return fields.allSatisfy { $0.trimmedFast(.whitespaces).isEmpty }
      }
    }
    return true
  }
}

/// The words of a totals row at the foot of a sheet (`RowProcessor`).
private let totalsWords: Set<String> = ["合计", "总计", "小计", "共计", "汇总", "total", "totals", "sum"]
