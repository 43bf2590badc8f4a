import Foundation

/// Parses import files into typed rows and bad rows. Pure: the store decides what to write.
///
/// A row whose cells are all empty is skipped silently (spreadsheets leave such rows behind).
public enum CSVImport {
  /// Streams a leads file: each good row goes to `write` in line order, which writes it and returns nil, or
  /// returns why it is a bad row after all (e.g. its `external_id` is in the database: worded in the options'
  /// language, naming the file's headers). `anyBadRow` tells whether a bad row came before (`--strict` then need not
  /// write). A repeated `external_id` is a bad row at its later line. `encoding` nil: decided from the file;
  /// `CSVEncodingRetry` when the pass read it wrongly.
  public static func streamLeads(
    _ source: some ImportSource, options: ImportOptions, encoding: CSVEncoding? = nil,
    write: (_ row: ImportedLead, _ anyBadRow: Bool) throws -> ImportProblem?
  ) throws -> ImportSummary {
    let (known, consultants, deactivated, nonOwners) = (
      options.knownModels, options.consultants, options.deactivated, options.nonOwners
    )
    return try stream(source, schema: .leads, options: options, encoding: encoding, write: write) { r in
      LeadRow.read(&r, knownModels: known, consultants: consultants, deactivated: deactivated, nonOwners: nonOwners)
    }
  }

  /// Streams a touches file (see `streamLeads`). `channel` and `outcome` are required.
  public static func streamTouches(
    _ source: some ImportSource, options: ImportOptions, encoding: CSVEncoding? = nil,
    write: (_ row: ImportedTouch, _ anyBadRow: Bool) throws -> ImportProblem?
  ) throws -> ImportSummary {
    try stream(source, schema: .touches, options: options, encoding: encoding, write: write) { r in TouchRow.read(&r) }
  }

  /// Parses a whole leads file (bytes as read from disk) and keeps every row: for tests; commands stream.
  package static func leads(_ bytes: [UInt8], options: ImportOptions) throws -> ImportBatch<ImportedLead> {
    try collect { encoding, write in
      try streamLeads(CSVBytes(bytes), options: options, encoding: encoding, write: write)
    }
  }

  /// Parses a touches file (bytes as read from disk).
  package static func touches(_ bytes: [UInt8], options: ImportOptions) throws -> ImportBatch<ImportedTouch> {
    try collect { encoding, write in
      try streamTouches(CSVBytes(bytes), options: options, encoding: encoding, write: write)
    }
  }

  /// Parses decoded leads records (the reference the streamed parse is held to). A repeated `external_id` is a bad row at its later line.
  package static func leads(_ file: CSVFile, options: ImportOptions) throws -> ImportBatch<ImportedLead> {
    let (known, consultants, deactivated, nonOwners) = (
      options.knownModels, options.consultants, options.deactivated, options.nonOwners
    )
    return try parse(
      file,
      processor: RowProcessor(schema: .leads, options: options) {
        LeadRow.read(&$0, knownModels: known, consultants: consultants, deactivated: deactivated, nonOwners: nonOwners)
      })
  }

  /// Parses decoded touches records. `channel` and `outcome` are required: a touch without them says nothing.
  package static func touches(_ file: CSVFile, options: ImportOptions) throws -> ImportBatch<ImportedTouch> {
    try parse(file, processor: RowProcessor(schema: .touches, options: options) { TouchRow.read(&$0) })
  }

  // MARK: - The loops shared by both kinds

  private static func stream<Row: ImportedRow>(
    _ source: some ImportSource, schema: ImportSchema, options: ImportOptions, encoding: CSVEncoding?,
    write: (Row, Bool) throws -> ImportProblem?, read: @escaping @Sendable (inout RowReader) -> Row?
  ) throws -> ImportSummary {
    var errors: [RowError] = []
    var imported = 0
    var assumed = 0
    var names = ImportColumnNames.contract
    // Parsed on a second thread, written on this one, in file order.
    let end: CSVParseAhead.End
    do {
      end = try CSVParseAhead.run(source, schema: schema, options: options, mode: encoding, read: read) { outcome in
        switch outcome {
        case .none: break
        case .header(let bound): names = bound
        case .bad(let error): errors.append(error)
        case .row(let row):
          if let problem = try write(row, !errors.isEmpty) {
            errors.append(RowError(line: row.line, reason: problem.text(options.language, names: names)))
          } else {
            imported += 1
            if row.assumesDeliveryDate { assumed += 1 }
          }
        }
      }
    } catch CoachError.said(.utf16Text(file: nil)) {
      // The byte reader knows no file name: the refusal names the file.
      throw CoachError.refused(.utf16Text(file: options.fileName))
    }
    let found = end.tally.decision
    if found != (end.mode ?? .utf8) { throw CSVEncodingRetry(encoding: found) }
    if let rejection = end.tally.rejection(found, fileName: options.fileName) { throw rejection }
    let header = try end.header.get()
    return ImportSummary(
      encoding: found, warnings: header.warnings, header: header, errors: errors, imported: imported,
      deliveredWithoutDate: assumed)
  }

  /// Runs a streamed parse that keeps every good row, again in the right encoding if the first pass was wrong.
  private static func collect<Row: ImportedRow>(
    _ pass: (CSVEncoding?, (Row, Bool) throws -> ImportProblem?) throws -> ImportSummary
  ) throws -> ImportBatch<Row> {
    var rows: [Row] = []
    let keep: (Row, Bool) throws -> ImportProblem? = { row, _ in
      rows.append(row)
      return nil
    }
    let summary: ImportSummary
    do {
      summary = try pass(nil, keep)
    } catch let retry as CSVEncodingRetry {
      rows = []
      summary = try pass(retry.encoding, keep)
    }
    return ImportBatch(encoding: summary.encoding, warnings: summary.warnings, rows: rows, errors: summary.errors)
  }

  private static func parse<Row: ImportedRow>(_ file: CSVFile, processor: RowProcessor<Row>) throws -> ImportBatch<Row>
  {
    var processor = processor
    var rows: [Row] = []
    var errors: [RowError] = []
    for record in file.records {
      switch processor.take(record) {
      case .none, .header: break
      case .bad(let error): errors.append(error)
      case .row(let row): rows.append(row)
      }
    }
    let header = try processor.finish()
    return ImportBatch(encoding: file.encoding, warnings: header.warnings, rows: rows, errors: errors)
  }
}
