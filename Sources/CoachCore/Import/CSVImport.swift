import Foundation

/// Parses import files into typed rows and bad rows. Pure: the store decides what to write.
///
/// A row whose cells are all empty is skipped silently (spreadsheets leave such rows behind).
public enum CSVImport {
  /// Parses a leads file (bytes as read from disk).
  public static func leads(_ bytes: [UInt8], options: ImportOptions) throws -> ImportBatch<ImportedLead> {
    try leads(CSVReader.read(bytes, fileName: options.fileName), options: options)
  }

  /// Parses a touches file (bytes as read from disk).
  public static func touches(_ bytes: [UInt8], options: ImportOptions) throws -> ImportBatch<ImportedTouch> {
    try touches(CSVReader.read(bytes, fileName: options.fileName), options: options)
  }

  /// Parses decoded leads records. A repeated `external_id` is a bad row at its later line.
  public static func leads(_ file: CSVFile, options: ImportOptions) throws -> ImportBatch<ImportedLead> {
    var firstLine: [String: Int] = [:]
    return try parse(file, schema: .leads, options: options) { r in
      let lead = LeadRow.read(&r, knownModels: options.knownModels)
      if let id = r.text("external_id") {
        if let earlier = firstLine[id] {
          r.fail("external_id \"\(id)\" repeats line \(earlier)")
        } else {
          firstLine[id] = r.line
        }
      }
      return lead
    }
  }

  /// Parses decoded touches records. `channel` and `outcome` are required: a touch without them says nothing.
  public static func touches(_ file: CSVFile, options: ImportOptions) throws -> ImportBatch<ImportedTouch> {
    try parse(file, schema: .touches, options: options) { r in TouchRow.read(&r) }
  }

  // MARK: - The loop shared by both kinds

  private static func parse<Row: ImportedRow>(
    _ file: CSVFile, schema: ImportSchema, options: ImportOptions, read: (inout RowReader) -> Row?
  ) throws -> ImportBatch<Row> {
    let header = try schema.bind(header: file.records.first, fileName: options.fileName)
    var rows: [Row] = []
    var errors: [RowError] = []
    for record in file.records.dropFirst() {
      if let problem = record.problem {
        errors.append(RowError(line: record.line, reason: problem))
        continue
      }
      if record.fields.allSatisfy({ $0.trimmedFast(.whitespaces).isEmpty }) { continue }
      guard record.fields.count == header.fieldCount else {
        errors.append(
          RowError(line: record.line, reason: "\(record.fields.count) fields, header has \(header.fieldCount)"))
        continue
      }
      var reader = RowReader(line: record.line, header: header, fields: record.fields, zone: options.zone)
      let row = read(&reader)
      if let row, reader.reasons.isEmpty {
        rows.append(row)
      } else {
        errors.append(RowError(line: record.line, reason: reader.reasons.joined(separator: "; ")))
      }
    }
    return ImportBatch(encoding: file.encoding, warnings: header.warnings, rows: rows, errors: errors)
  }
}
