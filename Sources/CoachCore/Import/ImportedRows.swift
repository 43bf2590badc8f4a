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

  public init(
    line: Int, externalID: String? = nil, name: String, phone: String, wechat: String? = nil, email: String? = nil,
    gender: String? = nil, birthday: LocalDate? = nil, city: String? = nil, source: String? = nil,
    consultant: String? = nil, model: String? = nil, grade: Grade? = nil, tier: Tier? = nil, tags: [String] = [],
    profile: [ProfileFact] = [], stage: Stage = .prospect, createdAt: Date? = nil
  ) {
    self.line = line
    self.externalID = externalID
    self.name = name
    self.phone = phone
    self.wechat = wechat
    self.email = email
    self.gender = gender
    self.birthday = birthday
    self.city = city
    self.source = source
    self.consultant = consultant
    self.model = model
    self.grade = grade
    self.tier = tier
    self.tags = tags
    self.profile = profile
    self.stage = stage
    self.createdAt = createdAt
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

  public init(
    line: Int, leadExternalID: String, at: Date, channel: Channel, outcome: Outcome, note: String? = nil,
    nextAt: Date? = nil
  ) {
    self.line = line
    self.leadExternalID = leadExternalID
    self.at = at
    self.channel = channel
    self.outcome = outcome
    self.note = note
    self.nextAt = nextAt
  }
}
