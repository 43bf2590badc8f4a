import CoachCore
import Foundation

/// What the use cases (`CoachApp`: the command line and `coach serve`) ask of a database, in their terms, not SQL's.
/// `AppDatabase` (SQLite through GRDB, in `CoachStore`) and `PostgresStore` (`CoachPostgres`) implement it and run the
/// same tests; this module has neither engine in it, so a use case cannot reach past the protocol.
///
/// The promises every implementation keeps:
/// - each write is one transaction: all of it or none of it, with its history rows (stage events, touches, logs);
/// - reads and writes that take a `Scope` see and change only the leads the acting user may (`LeadNotFound`
///   otherwise, as for a lead that does not exist);
/// - times are stored in UTC and come back as the same `Date`s; lead ids are the store's, numeric;
/// - every write to what the follow-up rules read clears the lead's stored follow-up in the same transaction.
public protocol CoachDataStore: Sendable {
  // MARK: Leads: reading
  /// Every lead the filter selects, with its history (touches as the filter asks), in id order.
  func snapshots(_ filter: LeadFilter) throws -> [LeadSnapshot]
  /// One lead the scope may see, with its whole history.
  func snapshot(id: LeadID, scope: Scope) throws -> LeadSnapshot
  /// The ids the filter selects, ascending.
  func leadIDs(_ filter: LeadFilter) throws -> [Int64]
  /// The filter's ids cut into ranges of about `size` leads, for loading part by part.
  func leadIDRanges(_ filter: LeadFilter, size: Int) throws -> [ClosedRange<Int64>]
  func leadCount() throws -> Int
  /// How many parts of leads the audit loads and counts at once (`Chunks.map`'s workers).
  var loadsAtOnce: Int { get }
  /// Recent deliveries and supply per model, for switch arguments.
  func salesStats(now: Date) throws -> SalesStats
  /// Whether the stored follow-ups' consultant column selects exactly the leads of `filter`'s scope: a filter of a
  /// scope only, whose scope has as many rows as leads (always, unless a write went around the triggers). The
  /// follow-up reads then run on the follow-up indexes alone.
  func followUpsByOwner(_ filter: LeadFilter) throws -> Bool
  /// The leads of `filter` whose stored follow-up does not hold at `now` (`.stale`), or all, with their rows.
  func followUps(_ filter: LeadFilter, need: FollowUpNeed, now: Date, fingerprint: String) throws -> [FollowUpRow]
  /// The leads of `filter` whose stored follow-up holds at `now` and is due, highest bound first, a page at a time.
  func heldDueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String, offset: Int, limit: Int) throws
    -> [HeldDue]
  /// The leads of `filter` whose stored follow-up holds at `now` and is past its deadline, by lead id.
  func overdueFollowUps(_ filter: LeadFilter, now: Date, fingerprint: String) throws -> [HeldOverdue]
  /// Stores follow-ups worked out from leads read at their `rev`, only where that is still the row's `rev`.
  @discardableResult func storeFollowUps(_ rows: [FollowUpRow], fingerprint: String) throws -> Int
  /// Clears every stored follow-up: the next readers work them all out again.
  func clearFollowUps() throws

  // MARK: Leads: writing
  func addLead(_ lead: NewLead, actor: String?, allowDuplicatePhone: Bool) throws -> LeadID
  /// Applies `edit`, recording each field it changed (`FieldChange`) in the same transaction.
  func editLead(id leadID: LeadID, _ edit: LeadEdit, now: Date, actor: String?, scope: Scope) throws
  /// The fields edits changed on lead `id`, oldest first; the caller has read the lead in its user's scope.
  func leadEdits(id: LeadID) throws -> [FieldChange]
  func addTouch(leadID: LeadID, _ touch: NewTouch, actor: String?, scope: Scope) throws -> TouchResult
  func changeStage(
    leadID: LeadID, _ change: StageChange, now: Date, today: LocalDate, actor: String?, scope: Scope
  ) throws -> StageEvent
  func reassignLeads(from: String, to: String, acting: User?, now: Date) throws -> Reassignment
  /// Holds a lead's sales follow-ups until `until` (recorded with who, when and why; lifts the snooze holding it).
  func snooze(leadID: LeadID, until: LocalDate, reason: String, actor: String?, now: Date, zone: TimeZone, scope: Scope)
    throws -> Snooze
  /// Lifts the snooze holding a lead at `now` (refused when none does).
  func clearSnooze(leadID: LeadID, actor: String?, now: Date, zone: TimeZone, scope: Scope) throws -> Snooze
  func reassignments() throws -> [Reassignment]
  func importLeads(
    from source: some ImportSource, options: ImportOptions, strict: Bool, now: Date, actor: String?, dryRun: Bool,
    warn: ([String]) -> Void
  ) throws -> ImportResult
  func importTouches(
    from source: some ImportSource, options: ImportOptions, strict: Bool, actor: String?, scope: Scope, dryRun: Bool,
    warn: ([String]) -> Void
  ) throws -> ImportResult
  /// Loads a demo dataset into an empty (or demo-only) database; returns the leads written.
  func seed(_ dataset: DemoDataset, now: Date) throws -> Int

  // MARK: Users and web accounts
  func addUser(name: String, role: Role, team: String?, storeID: Int64?, now: Date) throws -> User
  // MARK: Stores of a dealer group
  func addStore(code: String, name: String, now: Date) throws -> StoreInfo
  /// Every store, by code (none: one showroom).
  func stores() throws -> [StoreInfo]
  func user(named name: String) throws -> User?
  func users() throws -> [User]
  func userCount() throws -> Int
  func setPasswordHash(userID: Int64, hash: String, now: Date, keepingSession: String?) throws
  func userWithPasswordHash(named name: String) throws -> (user: User, hash: String?)?
  func usersWithPasswords() throws -> Int
  func createWebSession(tokenHash: String, userID: Int64, csrfToken: String, now: Date, expiresAt: Date) throws
  func webSession(tokenHash: String, now: Date) throws -> WebSession?
  func deleteWebSession(tokenHash: String) throws
  func setICSTokenHash(userID: Int64, hash: String) throws
  /// Deactivates `userID` as of `at`, ending their browser sessions and removing their password and calendar feed, in
  /// one transaction; nil reactivates them (a new password and feed token are set as for a new user).
  func setDeactivated(userID: Int64, at: Date?) throws
  /// Sets a user's role and team (nil: none), as `coach user edit` decided them.
  func setRoleAndTeam(userID: Int64, role: Role, team: String?) throws
  func user(icsTokenHash hash: String) throws -> User?

  // MARK: Logs
  /// Records an export (who, when, what, rows, masked) in the same store as the data.
  func record(_ entry: ExportEntry) throws
  func exports(from: Date, to: Date) throws -> [ExportEntry]
  /// What consultants typed with `coach objection --said`, for the matcher to learn from.
  func recordedPhrasings() throws -> [RecordedPhrasing]

  // MARK: Upkeep
  func health() throws -> HealthReport
  func derivedMismatches() throws -> [String: Int]
  func rebuildDerived() throws -> DerivedRepair
  func backup(to path: String) throws -> BackupSummary
  func restore(from source: String, keepingCopyAt keep: String) throws -> BackupSummary
}

extension CoachDataStore {
  /// One part per core: an embedded database's reads are the process's own work.
  public var loadsAtOnce: Int { ProcessInfo.processInfo.activeProcessorCount }

  public func addLead(_ lead: NewLead, actor: String?) throws -> LeadID {
    try addLead(lead, actor: actor, allowDuplicatePhone: true)
  }

  public func addUser(name: String, role: Role, team: String?, now: Date) throws -> User {
    try addUser(name: name, role: role, team: team, storeID: nil, now: now)
  }

  public func setPasswordHash(userID: Int64, hash: String, now: Date) throws {
    try setPasswordHash(userID: userID, hash: hash, now: now, keepingSession: nil)
  }

  public func importLeads(
    from source: some ImportSource, options: ImportOptions, strict: Bool, now: Date, actor: String?
  ) throws -> ImportResult {
    try importLeads(from: source, options: options, strict: strict, now: now, actor: actor, dryRun: false) { _ in }
  }

  public func importTouches(
    from source: some ImportSource, options: ImportOptions, strict: Bool, actor: String?, scope: Scope
  ) throws -> ImportResult {
    try importTouches(from: source, options: options, strict: strict, actor: actor, scope: scope, dryRun: false) { _ in
    }
  }
}
