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
  /// The row records a delivery without its date (a lead at `delivered`: no column gives the day), so the import
  /// takes one (the lead's creation) and says so.
  var assumesDeliveryDate: Bool { get }
}

extension ImportedRow {
  public var assumesDeliveryDate: Bool { false }
}

/// One good lead row, with typed values; nil means the cell was empty (not given).
public struct ImportedLead: ImportedRow, CarriesLeadFields {
  public var line: Int
  /// The lead's fields; `phone` is always given (canonical digits, `Phone.normalize`), `model` is the catalog's
  /// spelling when `ImportOptions.knownModels` was given, `stage` is `prospect` when not given.
  public var fields: LeadFields
  /// The consultant's name, as written.
  public var consultant: String?
  /// Nil when not given (the importer uses its `--now`).
  public var createdAt: Date?

  /// Every row has a phone (the reader refuses one without).
  public var phone: String { fields.phone ?? "" }

  /// A lead imported at `delivered` was delivered on a day the file does not give.
  public var assumesDeliveryDate: Bool { fields.stage == .delivered }

  /// A row read from `line`; `fields.phone` must be given.
  public init(line: Int, _ fields: LeadFields, consultant: String? = nil, createdAt: Date? = nil) {
    (self.line, self.fields, self.consultant, self.createdAt) = (line, fields, consultant, createdAt)
  }
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
  /// Switch levers argued with, each once, in the order given.
  public var levers: [Lever]

  public init(
    line: Int, leadExternalID: String, at: Date, channel: Channel, outcome: Outcome, note: String? = nil,
    nextAt: Date? = nil, levers: [Lever] = []
  ) {
    self.line = line
    self.leadExternalID = leadExternalID
    self.at = at
    self.channel = channel
    self.outcome = outcome
    self.note = note
    self.nextAt = nextAt
    self.levers = levers
  }
}
