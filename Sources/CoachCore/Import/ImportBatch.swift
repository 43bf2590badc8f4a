import Foundation

/// What the parser needs besides the bytes.
public struct ImportOptions: Sendable {
  /// Zone of times written without an offset (`--tz`).
  public var zone: TimeZone
  /// Name used in messages.
  public var fileName: String?
  /// Model catalog codes; when given, `model` must be one of them (case-insensitive).
  public var knownModels: [String]?
  /// Other header names and values as people write them (`ImportVocabularyTable`, playbook labels, model names).
  public var vocabulary: ImportVocabulary
  /// `--map 'HEADER=column'`: headers named by the user, by `ImportVocabulary.key` of the header.
  public var headerMap: [String: String]
  /// The language of the bad rows' reasons (`--lang`).
  public var language: UILanguage
  /// Whom a leads file may name as consultant, by the importing user's rights; nil: anyone, a name nobody has is
  /// added as a consultant (an admin, or a database without users).
  public var consultants: ImportConsultants?
  /// Users who were deactivated: a leads row naming one is bad (whoever imports), never a new consultant.
  public var deactivated: Set<String> = []
  /// Users whose role owns no leads (admins, trainers, group admins): a leads row naming one is bad.
  public var nonOwners: [String: Role] = [:]
  /// `--now`: a lead created or a touch made after it is a bad row (nil: not checked).
  public var now: Date?

  public init(
    zone: TimeZone, fileName: String? = nil, knownModels: [String]? = nil, vocabulary: ImportVocabulary = .builtIn,
    headerMap: [String: String] = [:], language: UILanguage = .en
  ) {
    self.zone = zone
    self.fileName = fileName
    self.knownModels = knownModels
    self.vocabulary = vocabulary
    self.headerMap = headerMap
    self.language = language
  }

  /// Parses `--map` arguments (`HEADER=field`, or `HEADER=ignore` to skip a column without a warning) for `schema`;
  /// throws a usage error saying what was wrong and naming the fields accepted.
  public static func headerMap(_ args: [String], schema: ImportSchema) throws -> [String: String] {
    let accepted = schema.columns + [ImportSchema.ignore]
    var map: [String: String] = [:]
    for a in args {
      let pair = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let header = ImportVocabulary.key(String(pair[0]))
      let field = pair.count == 2 ? pair[1].trimmingCharacters(in: .whitespaces).lowercased() : ""
      guard pair.count == 2, !header.isEmpty, !field.isEmpty else {
        throw CoachError.refused(.badMap(given: a, field: nil, kind: schema.kind.rawValue, accepted: accepted))
      }
      guard accepted.contains(field) else {
        let other: ImportSchema = schema.kind == .leads ? .touches : .leads
        throw CoachError.refused(
          .badMap(
            given: a, field: field, kind: schema.kind.rawValue, accepted: accepted,
            otherKind: other.columns.contains(field)))
      }
      map[header] = field
    }
    return map
  }
}

/// The parsed rows of one file: good rows and bad rows, both in line order, plus header warnings.
public struct ImportBatch<Row: ImportedRow>: Sendable, Hashable {
  public var encoding: CSVEncoding
  public var warnings: [String]
  public var rows: [Row]
  public var errors: [RowError]

  public init(encoding: CSVEncoding, warnings: [String], rows: [Row], errors: [RowError]) {
    self.encoding = encoding
    self.warnings = warnings
    self.rows = rows
    self.errors = errors
  }

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

/// Whom the rows of a leads file may name as consultant when the importing user is not an admin: as `lead add`
/// allows, a consultant only themselves (a row naming nobody is theirs), anyone else only a user who exists.
public struct ImportConsultants: Sendable, Hashable {
  /// The importing consultant's name: rows with no consultant are theirs, rows naming another are bad.
  public var own: String?
  /// The users' names: a consultant not among them is a bad row (not added).
  public var known: Set<String>

  public init(own: String?, known: Set<String>) {
    (self.own, self.known) = (own, known)
  }

  /// The row's consultant as written (nil: none), checked: the consultant to record, else the problem.
  func check(_ written: String?) -> (consultant: String?, problem: ImportProblem?) {
    guard let name = written else { return (own, nil) }
    if let own, name != own { return (nil, .notOwnLead(consultant: name)) }
    return known.contains(name) ? (name, nil) : (nil, .unknownConsultant(name: name))
  }
}
