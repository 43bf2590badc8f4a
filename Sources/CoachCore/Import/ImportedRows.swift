import Foundation

/// A row that cannot be imported: its physical line and why (column, bad value, what is accepted).
public struct RowError: Sendable, Hashable, Codable, Error {
  public var line: Int
  public var reason: String
  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }
}

/// A good row of an import file, at its physical line.
public protocol ImportedRow: Sendable, Hashable {
  /// Physical line where the row starts (the header is line 1).
  var line: Int { get }
}

/// One good lead row, with typed values; nil means the cell was empty (not given).
public struct ImportedLead: ImportedRow {
  public var line: Int
  public var externalID: String?
  public var name: String
  /// Canonical digits (`Phone.normalize`).
  public var phone: String
  public var wechat: String?
  public var email: String?
  public var gender: String?
  public var birthday: LocalDate?
  public var city: String?
  public var source: String?
  public var consultant: String?
  /// Model code; the catalog's spelling when `ImportOptions.knownModels` was given.
  public var model: String?
  public var grade: Grade?
  public var tier: Tier?
  public var tags: [String]
  public var profile: [ProfileFact]
  /// `prospect` when not given.
  public var stage: Stage
  /// Nil when not given (the importer uses its `--now`).
  public var createdAt: Date?
}

/// One good touch row.
public struct ImportedTouch: ImportedRow {
  public var line: Int
  public var leadExternalID: String
  public var at: Date
  public var channel: Channel
  public var outcome: Outcome
  public var note: String?
  public var nextAt: Date?
}

/// What the parser needs besides the bytes.
public struct ImportOptions: Sendable {
  /// Zone of times written without an offset (`--tz`).
  public var zone: TimeZone
  /// Name used in messages.
  public var fileName: String?
  /// Model catalog codes; when given, `model` must be one of them (case-insensitive).
  public var knownModels: [String]?

  public init(zone: TimeZone, fileName: String? = nil, knownModels: [String]? = nil) {
    self.zone = zone
    self.fileName = fileName
    self.knownModels = knownModels
  }
}

/// The parsed rows of one file: good rows and bad rows, both in line order, plus header warnings.
public struct ImportBatch<Row: ImportedRow>: Sendable, Hashable {
  public var encoding: CSVEncoding
  public var warnings: [String]
  public var rows: [Row]
  public var errors: [RowError]

  /// The rejection for `--strict` when any row is bad (`bad_csv_row`, first bad line named), else nil.
  public func strictError(fileName: String? = nil) -> CoachError? {
    guard let first = errors.first else { return nil }
    let more = errors.count > 1 ? " (and \(errors.count - 1) more bad rows)" : ""
    return .rejected(
      code: "bad_csv_row",
      message: "\(fileName ?? "the CSV file"):\(first.line): \(first.reason)\(more); --strict: nothing imported")
  }

  /// Moves the rows `isBad` names to `errors` (e.g. ids already in the database), keeping line order.
  public func rejecting(where isBad: (Row) -> String?) -> ImportBatch {
    var copy = self
    copy.rows = []
    for row in rows {
      if let reason = isBad(row) {
        copy.errors.append(RowError(line: row.line, reason: reason))
      } else {
        copy.rows.append(row)
      }
    }
    copy.errors.sort { $0.line < $1.line }
    return copy
  }
}

extension ImportBatch where Row == ImportedLead {
  /// Rows whose `external_id` is already in the database become bad rows.
  public func rejectingExisting(externalIDs existing: Set<String>) -> ImportBatch {
    rejecting { row in
      row.externalID.flatMap { existing.contains($0) ? "external_id \"\($0)\" already exists in the database" : nil }
    }
  }
}

extension ImportBatch where Row == ImportedTouch {
  /// Rows whose `lead_external_id` names no known lead become bad rows.
  public func rejectingUnknownLeads(knownExternalIDs known: Set<String>) -> ImportBatch {
    rejecting { row in
      known.contains(row.leadExternalID)
        ? nil : "lead_external_id \"\(row.leadExternalID)\": no lead has this external_id"
    }
  }
}
