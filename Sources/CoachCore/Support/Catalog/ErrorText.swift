import Foundation

/// Refusals coach explains in the user's language: one case per mistake, each with its JSON `code` and exit status.
/// The `code`s are the stable contract; the words are not.
public enum ErrorText: Sendable, Hashable {
  // MARK: - Input the store refuses
  /// `stage … delivered --date D` with D after today.
  case deliveryDateInFuture(date: LocalDate, today: LocalDate)
  /// `--eta D` before today on a live change.
  case etaInPast(date: LocalDate, today: LocalDate)
  /// A live write dated (`--now`) before what the lead already records: its creation, or its last stage change.
  case writtenBeforeHistory(at: String, record: String, stageChange: Bool)
  /// `stage … delivered --date D` with D before the lead was created or before it was waiting for delivery.
  case deliveryDateBeforeHistory(date: LocalDate, since: LocalDate)
  /// `--amount` that is not a number above 0 and below 100,000,000 (exit 64).
  case badAmount(given: String)
  /// An empty or blank free text (`--note`, `--bury`, `--name`, objection text; exit 64).
  /// `required`: the option cannot be left out, so the refusal does not offer that.
  case blankText(option: String, required: Bool = false)
  /// A text typed into `option` longer than `maximum` characters (a note is a note, not a pasted chat log).
  case textTooLong(option: String, maximum: Int)
  /// `lead add` with a phone an existing lead already has.
  case duplicatePhone(phone: String, leadID: LeadID)
  /// `duplicatePhone` told to someone who may not open that lead (another consultant's): not named, nor offered.
  case duplicatePhoneOfOther(phone: String)
  /// `duplicatePhone` naming a lead of another store of the group.
  case duplicatePhoneOfOtherStore(phone: String)

  // MARK: - Stage changes
  case illegalStageChange(from: Stage, to: Stage, legal: [Stage])
  case missingAmount
  case missingETA
  case missingReason
  case missingNote
  case unexpectedReason

  // MARK: - Everyday mistakes
  case unknownLead(id: String)
  case badLeadID(id: String)
  /// A lead of the store the acting user may not open: another consultant's, or (`ofTeam`, to a team lead) another
  /// team's.
  case notYourLead(id: String, ofTeam: Bool = false)
  case unknownModel(code: String, known: [String])
  case unknownObjection(code: String, known: [String])
  /// `coach touch --lever CODE` with a code that is not a switch lever; `known`: each accepted code with its label.
  case unknownLever(code: String, known: [String])
  case nextInPast(given: String)
  /// A next contact more than `days` ahead (the latest day accepted is `latest`).
  case nextTooFar(given: String, latest: LocalDate, days: Int)
  /// A touch's outcome that cannot happen on its channel (`visited` by SMS).
  case outcomeNotOnChannel(channel: String, outcome: String)
  /// A birthday after today.
  case futureBirthday(given: LocalDate, today: LocalDate)
  case badPhone(given: String)
  case badDate(option: String, given: String)
  case badTime(option: String, given: String)
  case noActingUser
  case unknownUser(name: String, suggestion: String?)
  case badZone(given: String)
  case badNow(given: String)
  case badLanguage(given: String)
  /// `--db`/`COACH_DB` is a `postgres://` URL coach cannot use (exit 64); `url` has its password hidden.
  case badDatabaseURL(url: String, problem: DatabaseURLProblem)
  /// The PostgreSQL server of `--db` did not answer or refused the connection (`url` without its password).
  case databaseUnreachable(url: String, server: String, reason: String)
  /// The PostgreSQL server asks `user` for a password and neither the URL, `PGPASSWORD` nor the password file `file`
  /// (passed over for `problem`, if it was) had one.
  case databasePasswordNeeded(url: String, server: String, user: String, file: String, problem: PasswordFileProblem?)
  /// A command the PostgreSQL store does not run yet (it runs on SQLite); `instead`: what to use meanwhile.
  case notYetOnPostgres(what: String, instead: String? = nil)
  /// `coach backup` / `coach restore` (`restore`: true) of FILE on a PostgreSQL database (`url`, password left
  /// out): its server's tools back it up and restore it, not a copy of a file.
  case backupByServer(restore: Bool, file: String, url: String)
  /// A write sent to a PostgreSQL server that takes none (a hot standby, or a read-only database).
  case readOnlyDatabase(url: String, server: String)
  case negativeLimit
  case fromAfterTo(from: LocalDate, to: LocalDate)
  /// `--from` after today with `--to` left out (it defaults to today).
  case fromAfterDefaultTo(from: LocalDate, today: LocalDate)
  /// An audit window longer than `AuditWindow.maxDays` (every lead replayed over it: minutes and gigabytes).
  case windowTooLong(days: Int, max: Int)
  case nothingToChange
  case badGender(given: String)
  /// `--email` that is no address (`notanemail`); the import refuses such a cell the same way.
  case badEmail(given: String)
  case badProfile(given: String)
  /// `--map` that is not `HEADER=FIELD` (`field` nil), or whose FIELD is not one of `accepted` for a `kind` file;
  /// `otherKind`: FIELD is a column of the other kind of file.
  case badMap(given: String, field: String?, kind: String, accepted: [String], otherKind: Bool = false)

  // MARK: - Who may do what
  /// `--team`, `coach audit`, `user add`, `--unmasked` asked by a user whose role does not allow it.
  case notAllowed(Permission, user: String, role: String)
  case consultantAddsOwnLeads
  case onlyLeadsMoveLeads
  case teamLeadOwnTeam(team: String?)
  case unknownConsultant(name: String, known: [String])
  /// `coach audit --consultant NAME` naming someone who holds no leads (or no one); `known`: those audited.
  case notAConsultant(name: String, known: [String])
  /// `coach audit --consultant NAME` by a team lead, NAME being in another team.
  case auditOtherTeam(name: String, team: String?)
  /// `lead list --consultant` of another team's consultant, to a team lead.
  case listOtherTeam(name: String, team: String?)
  /// `coach user passwd|ics-token NAME` with no acting user (`actor` nil) or by someone who is neither an admin nor
  /// NAME.
  case secretOfOther(UserSecret, name: String, actor: String?, role: String)
  /// A new password `coach user passwd` or the server's password forms refuse (exit 64).
  case badPassword(PasswordProblem)
  /// A change of one's own password whose current password, typed to confirm it, is not right.
  case wrongCurrentPassword

  // MARK: - The database
  // MARK: - Files to import
  /// A file to import that cannot be opened or read.
  /// `missing`: there is no file at `path` (else it cannot be read).
  case unreadableFile(path: String, missing: Bool = false)
  /// A CSV file mostly invalid as UTF-8 and as GBK/GB18030: `bad` of `nonASCII` records with non-ASCII text.
  case badCSVEncoding(file: String?, bad: Int, nonASCII: Int, firstLine: Int?)
  /// A text file in UTF-16 (its byte-order mark: what Excel saves as "Unicode text"), which the import does not read.
  case utf16Text(file: String?)
  /// A password-protected workbook or an old `.xls` given as `.xlsx`.
  case protectedWorkbook(path: String)
  /// A workbook that cannot be read (`why`: what was found wrong, as the reader found it).
  case damagedWorkbook(path: String, why: String)
  /// `--sheet NAME` that the workbook does not have.
  case noSuchSheet(path: String, sheet: String, sheets: [String])

  /// `coach backup|restore FILE` naming the database itself.
  case sameFile(path: String)
  /// A backup or restore path that is one of the database's own files beside it (`-wal`, `-shm`, `-journal`).
  case databaseCompanion(path: String, db: String)
  /// `coach reassign` by someone who may not move these leads; `ownTeam`: the acting team lead's team (nil for
  /// a consultant).
  case reassignNotAllowed(actor: String, from: String, to: String, ownTeam: String??)
  /// `coach demo` into a database that holds leads other than the demo's.
  case demoOverRealLeads
  /// A backup file (`coach restore FILE`, `coach backup --check FILE`) that is not there.
  case backupMissing(path: String)
  /// A file that is not SQLite, or that SQLite cannot open (`detail`: its message); `backup`: given as a backup.
  case notADatabase(path: String, backup: Bool, detail: String? = nil)
  /// A lead given (`--consultant`, `--to`) to a user whose role owns no leads (a trainer, an admin).
  case cannotOwnLeads(option: String, name: String, role: String, owners: [String])
  /// A database path whose file is there but empty (0 bytes): a truncated database is not an empty dealership.
  case emptyDatabaseFile(path: String)
  /// A SQLite file without the tables every coach database has.
  case notACoachDatabase(path: String, missing: [String])
  /// `--db` names another program's SQLite database (tables, none of coach's): coach does not write into it.
  case foreignDatabase(path: String, tables: [String])
  /// A PostgreSQL database (`url`, its password hidden) that holds tables of another program and none of coach's.
  case foreignPostgresDatabase(url: String, tables: [String])
  /// A backup failing SQLite's integrity check (its first findings).
  case corruptBackup(path: String, findings: [String])
  /// A backup whose users include no admin (`users`: how many): restored, it would lock every admin out.
  case backupWithoutAdmin(path: String, users: Int)
  /// The database of `--db` too damaged to read.
  case damagedDatabase(detail: String)
  /// The database of `--db` cannot be opened or read (`detail`: SQLite's message, when it said one).
  case databaseUnreadable(path: String, detail: String?)
  /// The database of `--db` cannot be created (`reason`: the system's).
  case databaseUnwritable(path: String, reason: String)
  /// No database file at `path` for a command that checks or copies one (`doctor`, `backup`): nothing is created.
  case databaseMissing(path: String, command: String)
  /// The database carries schema versions newer than this binary knows.
  case schemaTooNew(database: String?, versions: [String], newest: String?)

  // MARK: - Records
  case unknownTopic(topic: Int64, leadID: LeadID, open: [String])
  case topicResolved(topic: Int64, leadID: LeadID)
  case etaNotApplicable(leadID: LeadID, stage: Stage)
  case duplicateUser(name: String)
  // MARK: - Stores of a dealer group
  case duplicateStore(code: String)
  /// `--store S` naming no store (`known`: the codes there are).
  case unknownStore(code: String, known: [String])
  /// A store code that is not 1–32 letters, digits, `-` or `_`.
  case badStoreCode(code: String)
  /// A user name that cannot be typed back as `--as` or shown in a list: too long, control characters, `/` `\` `<` `>`.
  case badUserName(name: String)
  /// A deactivated user acting (`--as`), owning leads, or named to own them.
  case userDeactivated(name: String)
  /// `user deactivate` of a user who still owns leads (`count`): they would fall out of every queue.
  case stillOwnsLeads(name: String, count: Int)
  /// `user deactivate` of oneself: an admin deactivates others, so an active admin is always left.
  case cannotDeactivateSelf(name: String)
  /// `user edit --role` of oneself: an admin changes others' roles, so an admin is always left.
  case cannotChangeOwnRole(name: String)
  /// `user edit --role` to or from `group_admin` (`current` the user's role): a group admin spans every store and
  /// belongs to none, so a store's user does not become one, nor one a store's user.
  case groupAdminRoleFixed(name: String, current: Role)
  /// `user edit --role R` of a user who owns leads (`count`) to a role that owns none (`role`).
  case ownsLeadsForRole(name: String, count: Int, role: Role)
  /// A store's admin, lead or user acting on another store.
  case otherStore(actor: String, store: String)
  /// `--store` on a `group_admin`, who spans every store.
  case groupAdminHasNoStore
  /// `coach migrate`: showroom user names that users of another store (or of none) have here.
  case movedNameTaken(names: [String], store: String)
  /// `coach migrate`: external ids of the showroom's leads that leads here already have.
  case movedExternalIDsTaken(ids: [String])
  /// `coach migrate`: a row of the showroom naming a row that is not there (a damaged source).
  case movedRowDangling(table: String, column: String, id: Int64)
  /// `coach migrate`: the rows counted here after the copy are not the source's.
  case movedCountDiffers(table: String, source: Int, target: Int)
  /// `coach migrate` of a file into a store that holds another showroom's rows: a user moved before under another
  /// name, or a lead moved before created at another time, than the same id has in this file.
  case movedFromAnotherShowroom(store: String, detail: MovedMismatch)
  /// A `--tag` or `--profile` holding `;`, which separates tags and facts in an export (`given` as typed).
  case listSeparatorInValue(option: String, given: String)
  /// `coach migrate --from` naming something else than a showroom's coach SQLite file (another program's file, a
  /// text file, a PostgreSQL URL).
  case notAShowroom(given: String)
  /// `coach migrate --to` naming no PostgreSQL database.
  case migrateNeedsPostgres(given: String)
  case emptyUserName
  case sameUser(name: String)
  case noModel(leadID: LeadID)
  case leadModelNotInCatalog(leadID: LeadID, model: String)
  case unwritable(path: String)
  /// An output path (`--out`, a backup's file) that is a folder.
  case outputIsFolder(path: String)
  /// `coach snooze --until D` with D today or earlier: a hold needs a day still ahead.
  case snoozeNotAhead(until: LocalDate, today: LocalDate)
  /// A snooze past its longest (`days`: the latest day accepted is `latest`).
  case snoozeTooLong(until: LocalDate, latest: LocalDate, days: Int)
  /// `coach snooze ID --clear` on a lead nothing holds.
  case notSnoozed(leadID: LeadID)
  case noPlaybookFolder(dir: String)
  case noLanguageFolder(language: String, found: [String])
  /// A playbook that does not load: its first error, at file:line:column.
  case invalidPlaybook(LintFinding)

  /// Why a file is not the showroom moved into a store before, for `movedFromAnotherShowroom`.
  public enum MovedMismatch: Sendable, Hashable {
    /// The file's user `id` is named `there`; the user moved from id `id` before is named `here`.
    case user(id: Int64, there: String, here: String)
    /// The file's lead `id` was created at another time than the lead moved from id `id` before.
    case lead(id: Int64)
  }

  /// What a role may not do, for `notAllowed`.
  public enum Permission: Sendable, Hashable {
    case teamView, audit, addUsers, unmasked, backup, restore
    /// `coach user deactivate|activate`.
    case deactivateUsers
    /// `coach user edit`: a user's role or team.
    case editUsers
    /// `coach migrate`: a group's administrator only.
    case moveStores
    /// `coach store add`, and adding a `group_admin`: a group's administrator only.
    case addStores
  }

  /// What is wrong with a new password, for `badPassword`.
  public enum PasswordProblem: Sendable, Hashable {
    case tooShort(minimum: Int)
    /// bcrypt reads no more than `maximumBytes` bytes: a longer password is refused rather than silently cut.
    case tooLong(maximumBytes: Int)
    case controlCharacter
    /// Blank, a few characters repeated, a run of consecutive ones, the user's name, or a common password.
    case tooEasy
  }

  /// A secret a user sets for themself (or an admin for anyone), for `secretOfOther`.
  public enum UserSecret: Sendable, Hashable {
    case password, calendarFeed
  }

  /// `{"error": {"code": …}}`: the same in every language.
  public var code: String {
    switch self {
    case .deliveryDateInFuture: return "delivery_date_in_future"
    case .etaInPast: return "eta_in_past"
    case .writtenBeforeHistory: return "before_history"
    case .deliveryDateBeforeHistory: return "delivery_date_before_history"
    case .badAmount: return "bad_amount"
    case .blankText(let option, _): return option == "--name" ? "empty_name" : "blank_text"
    case .textTooLong: return "text_too_long"
    case .duplicatePhone, .duplicatePhoneOfOther, .duplicatePhoneOfOtherStore: return "duplicate_phone"
    case .illegalStageChange: return "illegal_stage_change"
    case .missingAmount: return "missing_amount"
    case .missingETA: return "missing_eta"
    case .missingReason: return "missing_reason"
    case .missingNote: return "missing_note"
    case .unexpectedReason: return "unexpected_reason"
    case .unknownLead, .badLeadID: return "unknown_lead"
    case .notYourLead: return "not_your_lead"
    case .unknownModel: return "unknown_model"
    case .unknownObjection: return "unknown_objection"
    case .unknownLever: return "unknown_lever"
    case .nextInPast: return "next_in_past"
    case .badPhone: return "bad_phone"
    case .badDate, .badTime, .noActingUser, .badZone, .badNow, .badLanguage, .negativeLimit, .fromAfterTo,
      .fromAfterDefaultTo,
      .windowTooLong, .nothingToChange,
      .badProfile, .badPassword, .badMap:
      return "usage"
    case .unknownUser, .unknownConsultant, .notAConsultant: return "unknown_user"
    case .badGender: return "bad_gender"
    case .badEmail: return "bad_email"
    case .notAllowed, .consultantAddsOwnLeads, .onlyLeadsMoveLeads, .teamLeadOwnTeam, .auditOtherTeam, .listOtherTeam,
      .secretOfOther:
      return "forbidden"
    case .wrongCurrentPassword: return "wrong_password"
    case .schemaTooNew: return "schema_too_new"
    case .demoOverRealLeads: return "not_empty"
    case .sameFile, .databaseCompanion: return "same_file"
    case .unreadableFile: return "unreadable_file"
    case .badCSVEncoding, .utf16Text: return "bad_csv_encoding"
    case .protectedWorkbook, .damagedWorkbook: return "bad_xlsx"
    case .noSuchSheet: return "no_such_sheet"
    case .reassignNotAllowed: return "forbidden"
    case .backupMissing: return "not_found"
    case .notADatabase, .emptyDatabaseFile: return "not_a_database"
    case .nextTooFar: return "next_too_far"
    case .outcomeNotOnChannel: return "outcome_not_on_channel"
    case .futureBirthday: return "future_birthday"
    case .cannotOwnLeads: return "cannot_own_leads"
    case .notACoachDatabase: return "not_a_coach_database"
    case .foreignDatabase, .foreignPostgresDatabase, .notAShowroom: return "not_a_coach_database"
    case .listSeparatorInValue: return "bad_value"
    case .corruptBackup: return "corrupt_backup"
    case .backupWithoutAdmin: return "backup_without_admin"
    case .damagedDatabase: return "damaged"
    case .databaseUnreadable: return "db_unreadable"
    case .databaseUnwritable: return "db_unwritable"
    case .databaseMissing: return "no_database"
    case .unknownTopic: return "unknown_topic"
    case .topicResolved: return "topic_resolved"
    case .etaNotApplicable: return "eta_not_applicable"
    case .duplicateUser: return "duplicate_user"
    case .duplicateStore: return "duplicate_store"
    case .unknownStore: return "unknown_store"
    case .badStoreCode: return "bad_store_code"
    case .badUserName: return "bad_user_name"
    case .userDeactivated: return "user_deactivated"
    case .stillOwnsLeads: return "still_owns_leads"
    case .cannotDeactivateSelf: return "cannot_deactivate_self"
    case .cannotChangeOwnRole: return "cannot_change_own_role"
    case .groupAdminRoleFixed: return "bad_role"
    case .ownsLeadsForRole: return "still_owns_leads"
    case .otherStore: return "not_your_store"
    case .groupAdminHasNoStore: return "bad_store"
    case .movedNameTaken: return "user_name_taken"
    case .movedExternalIDsTaken: return "external_id_taken"
    case .movedRowDangling: return "damaged_source"
    case .movedCountDiffers: return "copy_mismatch"
    case .movedFromAnotherShowroom: return "another_showroom"
    case .migrateNeedsPostgres: return "bad_database_url"
    case .emptyUserName: return "bad_user"
    case .sameUser: return "same_user"
    case .noModel: return "no_model"
    case .leadModelNotInCatalog: return "unknown_model"
    case .unwritable, .outputIsFolder: return "unwritable"
    case .snoozeNotAhead: return "snooze_not_ahead"
    case .snoozeTooLong: return "snooze_too_long"
    case .notSnoozed: return "not_snoozed"
    case .badDatabaseURL: return "bad_database_url"
    case .databaseUnreachable, .databasePasswordNeeded: return "db_unreachable"
    case .notYetOnPostgres: return "not_yet_on_postgres"
    case .backupByServer: return "backup_by_server"
    case .readOnlyDatabase: return "read_only_database"
    case .noPlaybookFolder, .noLanguageFolder, .invalidPlaybook: return "invalid_playbook"
    }
  }

  /// A bad command line (64) rather than input the store rejects (65).
  public var isUsage: Bool {
    switch self {
    case .badAmount, .blankText, .textTooLong, .badDate, .badTime, .noActingUser, .badZone, .badNow, .badLanguage,
      .negativeLimit,
      .fromAfterTo, .fromAfterDefaultTo, .windowTooLong, .nothingToChange, .badProfile, .badMap, .badDatabaseURL,
      .badStoreCode,
      .badPassword, .badUserName, .listSeparatorInValue,
      .groupAdminHasNoStore,
      .migrateNeedsPostgres:
      return true
    default: return false
    }
  }

  /// What was wrong and what is accepted, in one or two lines.
  public func text(_ l: UILanguage) -> String {
    switch self {
    case .deliveryDateInFuture(let d, let today):
      return l.pick(
        "交车日期 --date \(d) 晚于今天 (\(today))：车交了才记录交车，日期不能晚于今天；不写 --date 即为今天",
        "--date \(d) is after today (\(today)): record a delivery once the car is handed over, on or before today; without --date it is today"
      )
    case .writtenBeforeHistory(let at, let record, let stageChange):
      let zh = stageChange ? "最后一次阶段变更" : "建档时间"
      let en = stageChange ? "last stage change" : "creation"
      return l.pick(
        "这次记录的时间 \(at) 早于这条线索的\(zh) \(record)：记录按时间先后保存，不能写到那之前 (检查 --now)",
        "this write is dated \(at), before the lead's \(en) at \(record): history is kept in order (check --now)")
    case .deliveryDateBeforeHistory(let d, let since):
      return l.pick(
        "交车日期 --date \(d) 早于这条线索建档或签约待交车的日子 (\(since))：请写实际交车的日期",
        "--date \(d) is before the lead was created or began waiting for delivery (\(since)): give the day the car was handed over"
      )
    case .etaInPast(let d, let today):
      return l.pick(
        "预计交车日期 --eta \(d) 早于今天 (\(today))：请给出今天或以后的日期 (YYYY-MM-DD)",
        "--eta \(d) is before today (\(today)): a promised delivery day is today or later (YYYY-MM-DD)")
    case .badAmount(let given):
      return l.pick(
        "--amount \"\(given)\" 不是大于 0、小于 100000000 (1 亿) 的金额：请写实际收取的定金金额，例如 --amount 5000",
        "--amount \"\(given)\" is not an amount above 0 and below 100,000,000: give the deposit paid, e.g. --amount 5000"
      )
    case .textTooLong(let option, let maximum):
      let name = option == "TEXT" ? l.pick("客户说的话", "the objection text") : l == .zh ? Self.zhOption(option) : option
      return l.pick(
        "\(name) 太长：最多 \(maximum) 个字，请只写要点", "\(name) is too long: at most \(maximum) characters, write the gist")
    case .blankText(let option, let required):
      if option == "TEXT" {
        return l.pick(
          "客户说的话不能为空：例如 coach objection \"别家有现车，凭什么要我等\"",
          "the objection text (what the customer said) must not be empty: e.g. coach objection \"why should I wait\"")
      }
      if required {
        return l.pick(
          "\(Self.zhOption(option)) 不能为空：请写上内容", "\(option) must not be empty or blank: write something")
      }
      return l.pick(
        "\(Self.zhOption(option)) 不能为空：请写上内容，或不写这个选项",
        "\(option) must not be empty or blank: write something, or leave the option out")
    case .duplicatePhone(let phone, let id):
      return l.pick(
        "电话 \(phone) 已属于线索 \(id) (coach lead show \(id))；确是同一客户或家人共用的号码请加 --allow-duplicate",
        "phone \(phone) already belongs to lead \(id) (coach lead show \(id)); add --allow-duplicate if it is the same customer or a shared phone"
      )
    case .duplicatePhoneOfOtherStore(let phone):
      return l.pick(
        "电话 \(phone) 已属于集团另一家门店的线索：请集团管理员协调由哪家门店跟进；确是另一位客户 (如家人共用的号码) 请加 --allow-duplicate",
        "phone \(phone) already belongs to a lead of another store of the group: the group admin can settle which store "
          + "follows the customer up; add --allow-duplicate if it is another customer (a shared phone)")
    case .duplicatePhoneOfOther(let phone):
      return l.pick(
        "电话 \(phone) 已属于另一位顾问的线索：你的销售经理可以帮你核实；确是家人共用的号码请加 --allow-duplicate",
        "phone \(phone) already belongs to a lead of another consultant: your team lead can help sort it out; add --allow-duplicate if it is a shared phone"
      )
    case .illegalStageChange(let from, let to, let legal):
      let next = legal.map(\.rawValue).joined(separator: ", ")
      // In Chinese each stage by its name, with the code `coach stage` takes: `已交定金 (deposit)`.
      let named = { (s: Stage) in "\(UIText.stage(s).text(l)) (\(s.rawValue))" }
      let nextNamed = legal.map(named).joined(separator: "、")
      return l.pick(
        "线索不能从 \(named(from)) 变为 \(named(to))；可变为：\(legal.isEmpty ? "无 (\(named(from)) 是最终阶段)" : nextNamed)",
        "cannot move a lead from \(from.rawValue) to \(to.rawValue); legal next stages: \(legal.isEmpty ? "none: \(from.rawValue) is final" : next)"
      )
    case .missingAmount:
      return l.pick(
        "改为 deposit 需要 --amount (收取的定金，例如 5000)", "a change to deposit needs --amount (the deposit paid, e.g. 5000)")
    case .missingETA:
      return l.pick(
        "改为 waiting_for_delivery 需要 --eta YYYY-MM-DD (承诺的交车日期)",
        "a change to waiting_for_delivery needs --eta YYYY-MM-DD (the promised delivery day)")
    case .missingReason:
      let codes = ChurnReason.allCases.map(\.rawValue).joined(separator: ", ")
      return l.pick("改为 churned 需要 --reason，可选：\(codes)", "a change to churned needs --reason, one of: \(codes)")
    case .missingNote:
      return l.pick("流失原因 other 需要 --note 写明为什么流失", "churn reason other needs --note saying why the lead was lost")
    case .unexpectedReason:
      return l.pick("--reason 只用于改为 churned", "--reason is only for a change to churned")
    case .unknownLead(let id):
      return l.pick("没有编号为 \(id) 的线索；coach lead list 列出编号", "no lead with id \(id); `coach lead list` shows the ids")
    case .badLeadID(let id):
      return l.pick(
        "\"\(id)\" 不是线索编号：编号是 coach lead list 显示的数字",
        "lead id \"\(id)\" is not a lead id: ids are the numbers `coach lead list` shows")
    case .notYourLead(let id, let ofTeam):
      return ofTeam
        ? l.pick(
          "线索 \(id) 不在你的组：主管只能查看和修改本组的线索",
          "lead \(id) is not your team's: a team lead may see and change only their team's leads")
        : l.pick(
          "线索 \(id) 属于另一位顾问：你只能查看和修改自己的线索",
          "lead \(id) belongs to another consultant: you may see and change only your own leads")
    case .unknownModel(let code, let known):
      return l.pick(
        "车型 \"\(code)\" 不在车型目录里；可用代码：\(known.joined(separator: ", "))",
        "model \"\(code)\" is not in the catalog; known codes: \(known.joined(separator: ", "))")
    case .unknownObjection(let code, let known):
      return l.pick(
        "异议代码 \"\(code)\" 不在话术库里；可用代码：\(known.joined(separator: ", "))",
        "objection \"\(code)\" is not in the playbook; codes: \(known.joined(separator: ", "))")
    case .unknownLever(let code, let known):
      return l.pick(
        "换车理由 \"\(code)\" 不是话术库的换车理由代码；可用代码：\(known.joined(separator: ", "))",
        "lever \"\(code)\" is not a switch lever of the playbook; codes: \(known.joined(separator: ", "))")
    case .nextInPast(let given):
      return l.pick("--next \(given) 早于现在：请约定一个将来的时间", "--next \(given) is before now: agree a future time")
    case .badPhone(let given):
      return l.pick(
        "\"\(given)\" 不是电话号码：请写手机号如 13812345678 (可带 +86) 或带区号的座机如 010-12345678",
        "phone \"\(given)\" is not a phone number: use a mobile like 13812345678 (+86 allowed) or a landline like 010-12345678"
      )
    case .badDate(let option, let given):
      return l.pick(
        "\(option) \"\(given)\" 不是日期：请用 YYYY-MM-DD (存在的日期)",
        "\(option) \"\(given)\" is not a date: use YYYY-MM-DD (a day that exists)")
    case .badTime(let option, let given):
      return l.pick(
        "\(option) \"\(given)\" 不是时间：请用 ISO 8601 (2025-07-10T15:00:00+08:00，或按 --tz 的 2025-07-10T15:00) 或 YYYY-MM-DD",
        "\(option) \"\(given)\" is not a time: use ISO 8601 (2025-07-10T15:00:00+08:00 or 2025-07-10T15:00 in --tz) or YYYY-MM-DD"
      )
    case .noActingUser:
      return l.pick(
        "这个数据库已有用户：请用 --as 姓名 或 COACH_USER 说明是谁在操作",
        "this database has users: say who is acting with --as NAME or COACH_USER")
    case .unknownUser(let name, let suggestion):
      // The users are not listed: whoever mistypes --as may not be one of them.
      if let suggestion {
        return l.pick("没有名为 \(name) 的用户；是不是 \(suggestion)？", "no user named \(name); did you mean \(suggestion)?")
      }
      return l.pick(
        "没有名为 \(name) 的用户：请检查拼写，或请管理员用 coach user add 添加",
        "no user named \(name): check the spelling, or ask an admin to add you with coach user add")
    default:
      return moreText(l)
    }
  }

  /// English's article before a role's code (`an admin`, `a consultant`).
  static func article(_ role: String) -> String { role.first.map { "aeiou".contains($0) } == true ? "an" : "a" }

  private static func zhOption(_ option: String) -> String {
    switch option {
    case "--note": return "备注 --note"
    case "--bury": return "埋下的话题 --bury"
    case "--name": return "姓名 --name"
    case "--issue": return "问题 --issue"
    case "--reason": return "原因 --reason"
    case "TEXT": return "客户说的话"
    default: return option
    }
  }
}

extension CoachError {
  /// A refusal from the catalog: exit 64 or 65 as the case says.
  public static func refused(_ text: ErrorText) -> CoachError { .said(text) }
}
