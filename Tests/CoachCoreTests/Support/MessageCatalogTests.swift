import Foundation
import Testing

@testable import CoachCore

/// Every message of the catalog exists in both languages: Chinese words under zh-CN, none under en, and the JSON
/// code the same whatever the language.
@Suite struct MessageCatalogTests {
  static let day = LocalDate(year: 2026, month: 11, day: 24)

  /// One value of every `ErrorText` case (a new case without both wordings fails here).
  static let errors: [ErrorText] = [
    .deliveryDateInFuture(date: day, today: day), .etaInPast(date: day, today: day), .badAmount(given: "-5"),
    .blankText(option: "--note"), .blankText(option: "--name"), .blankText(option: "--reason", required: true),
    .blankText(option: "TEXT"), .textTooLong(option: "--note", maximum: 2_000),
    .textTooLong(option: "TEXT", maximum: 2_000),
    .duplicatePhone(phone: "13812345678", leadID: 7), .duplicatePhoneOfOther(phone: "13812345678"),
    .duplicatePhoneOfOtherStore(phone: "13812345678"),
    .illegalStageChange(from: .delivered, to: .prospect, legal: []),
    .missingAmount, .missingETA, .missingReason, .missingNote, .unexpectedReason, .unknownLead(id: "9"),
    .badLeadID(id: "x"), .notYourLead(id: "9"), .notYourLead(id: "9", ofTeam: true),
    .unknownModel(code: "Z", known: ["X60"]),
    .unknownObjection(code: "z", known: ["wait_too_long"]),
    .unknownLever(code: "z", known: ["availability (Sooner delivery)"]), .nextInPast(given: "2026-01-01"),
    .badPhone(given: "12"),
    .badDate(option: "--eta", given: "x"), .badTime(option: "--next", given: "x"), .noActingUser,
    .unknownUser(name: "x", suggestion: "y"), .unknownUser(name: "x", suggestion: nil), .badZone(given: "Mars"),
    .badNow(given: "x"), .badLanguage(given: "fr"),
    .negativeLimit, .fromAfterTo(from: day, to: day), .fromAfterDefaultTo(from: day, today: day),
    .windowTooLong(days: 2000, max: 1096), .nothingToChange,
    .badGender(given: "x"), .badEmail(given: "x"), .badProfile(given: "x"),
    .notAllowed(.teamView, user: "a", role: "consultant"), .notAllowed(.audit, user: "a", role: "consultant"),
    .notAllowed(.addUsers, user: "a", role: "lead"), .notAllowed(.unmasked, user: "a", role: "lead"),
    .notAllowed(.deactivateUsers, user: "a", role: "lead"), .userDeactivated(name: "x"),
    .stillOwnsLeads(name: "x", count: 2), .cannotDeactivateSelf(name: "x"), .cannotChangeOwnRole(name: "x"),
    .groupAdminRoleFixed(name: "x", current: .groupAdmin), .groupAdminRoleFixed(name: "x", current: .lead),
    .ownsLeadsForRole(name: "x", count: 2, role: .trainer), .notAllowed(.editUsers, user: "a", role: "lead"),
    .notAllowed(.moveStores, user: "a", role: "admin"), .notAShowroom(given: "x.txt"),
    .listSeparatorInValue(option: "--tag", given: "a;b"), .utf16Text(file: "leads.txt"),
    .foreignPostgresDatabase(url: "postgres://a@h/db", tables: ["invoices"]),
    .movedFromAnotherShowroom(store: "SH", detail: .user(id: 1, there: "a", here: "b")),
    .movedFromAnotherShowroom(store: "SH", detail: .lead(id: 3)),
    .consultantAddsOwnLeads, .onlyLeadsMoveLeads, .teamLeadOwnTeam(team: nil), .unknownConsultant(name: "x", known: []),
    .unknownTopic(topic: 3, leadID: 1, open: []), .topicResolved(topic: 3, leadID: 1),
    .etaNotApplicable(leadID: 1, stage: .prospect), .duplicateUser(name: "x"), .duplicateStore(code: "SH"),
    .unknownStore(code: "X", known: ["SH"]), .unknownStore(code: "X", known: []), .badStoreCode(code: "a b"),
    .otherStore(actor: "a", store: "SH"), .groupAdminHasNoStore, .movedNameTaken(names: ["a"], store: "SH"),
    .movedExternalIDsTaken(ids: ["E1"]), .movedRowDangling(table: "lead", column: "customerId", id: 3),
    .movedCountDiffers(table: "lead", source: 3, target: 2), .migrateNeedsPostgres(given: "x.sqlite"),
    .notAllowed(.addStores, user: "a", role: "admin"),
    .emptyUserName, .sameUser(name: "x"),
    .noModel(leadID: 1), .leadModelNotInCatalog(leadID: 1, model: "Z"), .unwritable(path: "/x"),
    .noPlaybookFolder(dir: "/x"), .noLanguageFolder(language: "fr", found: ["en"]),
    .notAllowed(.backup, user: "a", role: "lead"), .notAllowed(.restore, user: "a", role: "consultant"),
    .notAConsultant(name: "x", known: ["a"]), .auditOtherTeam(name: "x", team: "A"),
    .listOtherTeam(name: "x", team: "A"),
    .secretOfOther(.password, name: "x", actor: nil, role: ""),
    .secretOfOther(.calendarFeed, name: "x", actor: "a", role: "consultant"), .demoOverRealLeads,
    .badPassword(.tooShort(minimum: 8)), .badPassword(.tooLong(maximumBytes: 72)), .badPassword(.controlCharacter),
    .badPassword(.tooEasy),
    .wrongCurrentPassword,
    .schemaTooNew(database: "/x", versions: ["v99"], newest: "v12"),
    .schemaTooNew(database: nil, versions: ["v99"], newest: nil), .backupMissing(path: "/x"), .sameFile(path: "/x"),
    .databaseCompanion(path: "/x-wal", db: "/x"), .emptyDatabaseFile(path: "/x"), .badUserName(name: "a/b"),
    .nextTooFar(given: "2099-01-01", latest: LocalDate(year: 2027, month: 11, day: 24), days: 365),
    .outcomeNotOnChannel(channel: "sms", outcome: "visited"),
    .futureBirthday(given: LocalDate(year: 2030, month: 1, day: 1), today: LocalDate(year: 2026, month: 11, day: 24)),
    .cannotOwnLeads(option: "--to", name: "t", role: "trainer", owners: ["a"]),
    .snoozeTooLong(
      until: LocalDate(year: 2099, month: 1, day: 1), latest: LocalDate(year: 2027, month: 2, day: 1), days: 90),
    .unreadableFile(path: "/x"), .unreadableFile(path: "/x", missing: true),
    .badCSVEncoding(file: "a.csv", bad: 3, nonASCII: 4, firstLine: 2),
    .badCSVEncoding(file: nil, bad: 3, nonASCII: 4, firstLine: nil), .protectedWorkbook(path: "/x.xlsx"),
    .damagedWorkbook(path: "/x.xlsx", why: "no sheet"), .noSuchSheet(path: "/x.xlsx", sheet: "s", sheets: ["a"]),
    .reassignNotAllowed(actor: "a", from: "b", to: "c", ownTeam: .some("A")),
    .reassignNotAllowed(actor: "a", from: "b", to: "c", ownTeam: nil),
    .notADatabase(path: "/x", backup: true), .notADatabase(path: "/x", backup: false),
    .notADatabase(path: "/x", backup: true, detail: "file is not a database"),
    .notACoachDatabase(path: "/x", missing: ["lead"]), .corruptBackup(path: "/x", findings: ["row 3 missing"]),
    .backupWithoutAdmin(path: "/x", users: 3),
    .damagedDatabase(detail: "disk image is malformed"), .databaseUnreadable(path: "/x", detail: nil),
    .databaseUnreadable(path: "/x", detail: "disk I/O error"),
    .databaseUnwritable(path: "/x", reason: "Permission denied"), .databaseMissing(path: "/x", command: "coach doctor"),
  ]

  static let words: [UIText] = [
    .stageChanged(leadID: 1, from: .prospect, to: .deposit),
    .touchRecorded(touchID: 1, leadID: 1, topics: [2], issues: [3]), .noNextAgreed, .leadUpdated(leadID: 1),
    .days(7.94), .overdueBy(7.94), .tag("warning"), .tag("fleet"), .tag("difficult"), .moreAlerts(3), .leadCount(2),
    .lintSeverity(.error), .lintSeverity(.warning), .lintSummary(errors: 1, warnings: 2, files: 3),
    .lintFailed(errors: 1, warnings: 2, files: 3), .stage(.waitingForDelivery),
    .badCommandLine(ParserComplaint(parsing: "Error: Missing value for '--note <note>'\nUsage: coach touch <id>")),
    .eventNote("eta changed"), .eventNote("imported at deposit"), .noSwitchAfterDelivery, .earlierEdits(2),
    .userStatus(deactivatedSince: "2026-11-24 09:00"), .userStatus(deactivatedSince: nil),
    .badCommandLine(
      ParserComplaint(
        kind: .unknownCommand(word: "nxt", commands: ["next"], suggestion: "next"), help: nil, command: "coach")),
  ]
  static let severities: [UIText] = Severity.allCases.map { UIText.severity($0) }
  static let labels: [UIText] = UIText.Label.allCases.map { UIText.label($0) }
  static let codes: [UIText] = Channel.allCases.map { UIText.channel($0) } + Outcome.allCases.map { UIText.outcome($0) }
  static var texts: [UIText] { words + severities + labels + codes }

  static let confirmations: [DoneText] = [
    .databaseReady(path: "/x", users: 1), .userAdded(role: .lead, name: "x", team: "一组"),
    .actingAs(name: "x", role: .admin, savedIn: "/x"), .demoLoaded(leads: 1, users: ["x"], path: "/x"),
    .demoTry(path: "/x", user: "x"), .imported(count: 1, noun: "leads", encoding: "utf-8", skipped: 0),
    .skippedLine(line: 2, reason: "bad"), .newConsultants(["x"]), .exported(count: 1, path: "/x", unmasked: false),
    .movedLeads(count: 1, from: "a", to: "b"), .passwordSet(name: "x"),
    .userActive(name: "x", active: false, changed: true), .userActive(name: "x", active: false, changed: false),
    .userActive(name: "x", active: true, changed: true), .userActive(name: "x", active: true, changed: false),
    .userEdited(name: "x", role: .lead, team: "A", changed: true),
    .userEdited(name: "x", role: .consultant, team: nil, changed: false),
    .backedUp(leads: 1, touches: 1, schema: "v6", file: "/x"),
    .restored(leads: 1, touches: 1, schema: "v6", file: "/x"), .replacedKept(path: "/x"),
  ]

  static func isChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  @Test func everyRefusalIsWordedInBothLanguagesWithOneCode() {
    for e in Self.errors {
      let zh = e.text(.zh)
      let en = e.text(.en)
      #expect(Self.isChinese(zh), "\(e) has no Chinese wording: \(zh)")
      #expect(!Self.isChinese(en.replacingOccurrences(of: "钓鱼", with: "")), "\(e) has Chinese in English: \(en)")
      #expect(zh != e.code && en != e.code, "\(e) falls back to its code")
      let error = CoachError.refused(e)
      #expect(error.code == e.code)
      #expect(error.message(in: .zh) == zh && error.message(in: .en) == en && error.message == en)
      #expect(error.exitCode == (e.isUsage ? 64 : 65))
    }
  }

  @Test func everyInterfaceWordAndConfirmationIsInBothLanguages() {
    var all: [(String, String, String)] = Self.texts.map { t in (t.text(UILanguage.zh), t.text(UILanguage.en), "\(t)") }
    for c in Self.confirmations { all.append((c.text(UILanguage.zh), c.text(UILanguage.en), "\(c)")) }
    for (zh, en, name) in all {
      let digitsOnly = zh.allSatisfy { !$0.isLetter }
      #expect(
        Self.isChinese(zh) || digitsOnly || zh == en && ["VIP", "·"].contains(where: zh.contains), "\(name): \(zh)")
      #expect(!Self.isChinese(en.replacingOccurrences(of: "一组", with: "")), "\(name): \(en)")
    }
    #expect(UIText.days(7.94).text(.zh) == "7.9 天" && UIText.days(7.94).text(.en) == "7.9 days")
    #expect(UIText.overdueBy(7.94).text(.zh) == "逾期 7.9 天")
    // As the reason beside it says it: `已超期 20 天`, not 20.0.
    #expect(UIText.overdueBy(20.02).text(.zh) == "逾期 20 天")
    #expect(UIText.overdueBy(1.01).text(.en) == "1 day overdue")
    #expect(UIText.overdueBy(2.96).text(.en) == "3 days overdue")
  }

  /// One value of every `OptionRuleText` case: a command's own checks of its options, said in both languages.
  static let optionRules: [OptionRuleText] = [
    .userEditNeedsAChange, .teamOrNoTeam,
    .required(option: "--name"), .required(option: "--phone"), .clearAlone, .snoozeNeedsUntilAndReason,
    .buryKindsPastTopics(kinds: 2, topics: 1), .saidPastObjections(said: 2, objections: 1), .port, .sessionSeconds,
    .negativeLimit, .limitFromOne, .xlsxNeedsOut, .passwordOnStdin, .demoLeads, .jsonWithFormat(format: "csv"),
    .listNotHTML,
    .compareWithList, .noPasswordOnStdin(name: "ann"), .sheetOfCSV(path: "a.csv"),
  ]

  @Test func everyOptionRuleIsWordedInBothLanguages() {
    for rule in Self.optionRules {
      #expect(Self.isChinese(rule.text(.zh)), "\(rule) has no Chinese wording: \(rule.text(.zh))")
      #expect(!Self.isChinese(rule.text(.en)), "\(rule) has Chinese in English: \(rule.text(.en))")
    }
  }

  @Test func refusalsOutsideTheCatalogKeepTheirMessage() {
    let old = CoachError.rejected(code: "x", message: "as written")
    #expect(old.message(in: .zh) == "as written")
  }
}
