/// Why one row of an import file is bad, in the user's language: the `reason` of a skipped row (`--json` too).
/// The English words are the ones the import has always printed; the Chinese say the same. A column is named as
/// the file's header names it (`ImportColumnNames`: `手机号 (phone)`), the value as it was written.
public enum ImportProblem: Sendable, Hashable {
  /// A column every row must fill is empty; `need` says why.
  case empty(column: String, need: Need)
  /// Not one of the codes (nor a word of the vocabulary).
  case badCode(column: String, value: String, accepted: [String])
  case badDay(column: String, value: String)
  case badInstant(column: String, value: String, zone: String)
  case badPhone(value: String)
  /// A contact as a masked export writes it (`138****8000`, `w**王`): not the customer's.
  case masked(column: String, value: String)
  case badEmail(value: String)
  /// A model name that fits more than one catalog entry (`names`: each as code and name).
  case ambiguousModel(value: String, names: [String])
  case unknownModel(value: String, known: [String])
  case badProfile(item: String)
  case nextBeforeAt(next: String, at: String)
  /// An outcome that cannot happen on the channel (`visited` by SMS).
  case outcomeNotOnChannel(channel: String, outcome: String)
  /// A birthday after today.
  case futureBirthday(value: String)
  case repeatedID(id: String, line: Int)
  /// A cell past the header's last column holds a value (`column` 1-based; the header has `header` columns).
  case extraCell(column: Int, value: String, header: Int)
  /// A time that has not come yet (`created_at`, a touch's `at`), `now` as `--now` in `--tz`.
  case afterNow(column: String, value: String, now: String)
  /// A lead row without `external_id` whose customer (same name and phone) has a lead already: a re-import.
  case sameCustomer(name: String, phone: String, lead: Int64)
  /// A touch row identical (lead, time, channel, outcome) to one in the database: a re-import.
  case sameTouch(lead: String, at: String, channel: String, outcome: String)
  /// A touch row identical (lead, time, channel, outcome) to the good row at `line` of the same file.
  case repeatedTouch(lead: String, at: String, channel: String, outcome: String, line: Int)
  /// The external id of a lead already in the database.
  case existingID(id: String)
  /// A consultant of another store than the importing user's.
  case otherStore(consultant: String)
  /// A consultant's import naming someone else as the consultant.
  case notOwnLead(consultant: String)
  /// A consultant nobody has added, in an import by someone who may not add users (not an admin).
  case unknownConsultant(name: String)
  /// A consultant who was deactivated (left): their leads would fall out of every queue.
  case deactivatedConsultant(name: String)
  /// A user whose role owns no leads (an admin, a trainer): `lead add --consultant` refuses them too.
  case cannotOwnLeads(name: String, role: Role)
  /// A consultant's name that breaks the user-name rule of `coach user add` (`UserName.isTypeable`).
  case badConsultantName(name: String)
  /// A touch naming no lead the importing user may see.
  case unknownLead(id: String)
  // Records that cannot be read at all.
  case invalidUTF8
  case invalidGB18030
  case unclosedQuote(line: Int)
  case nulCharacter(field: Int)
  case cellTooLong(column: Int)
  case missingSharedString(column: Int, index: Int)

  /// Why a required column must be filled.
  public enum Need: Sendable, Hashable {
    case leadName, leadPhone, touchLead, touchTime
    /// Channel or outcome: the codes accepted.
    case codes([String])
  }

  /// The reason in `l`, each column named by `names` (the file's headers).
  public func text(_ l: UILanguage, names: ImportColumnNames = .contract) -> String {
    let n = names.field
    switch self {
    case .empty(let column, let need):
      return l.pick("\(n(column)) 为空：\(need.text(l))", "\(n(column)) is empty: \(need.text(l))")
    case .badCode(let column, let value, let accepted):
      return l.pick(
        "\(n(column)) \"\(value)\"：应为 \(Self.oneOf(accepted, l))\(Self.hint(column, l))",
        "\(n(column)) \"\(value)\": expected \(Self.oneOf(accepted, l))\(Self.hint(column, l))")
    case .badDay(let column, let value):
      return l.pick(
        "\(n(column)) \"\(value)\"：应为真实的日期，写作 \(Self.days(l))",
        "\(n(column)) \"\(value)\": expected a real day as \(Self.days(l))")
    case .badInstant(let column, let value, let zone):
      return l.pick(
        "\(n(column)) \"\(value)\"：应为 ISO 8601 时间，如 2025-07-10T10:00:00+08:00 或 2025-07-10 10:00，"
          + "或日期 \(Self.days(l))，可带时间 (不带时差时按 \(zone))",
        "\(n(column)) \"\(value)\": expected ISO 8601 like 2025-07-10T10:00:00+08:00 or 2025-07-10 10:00, "
          + "or a day as \(Self.days(l)), a time may follow (without an offset: \(zone))")
    case .notOwnLead(let consultant):
      return l.pick(
        "\(n("consultant")) \"\(consultant)\"：顾问只能导入自己的线索 (这一列留空或写自己的名字)",
        "\(n("consultant")) \"\(consultant)\": a consultant imports their own leads only (leave the column empty or give your own name)"
      )
    case .unknownConsultant(let name):
      return l.pick(
        "\(n("consultant")) \"\(name)\"：没有这个用户；只有管理员导入时才会新建顾问 (或请管理员先 coach user add)",
        "\(n("consultant")) \"\(name)\": no such user; only an admin's import adds consultants (or ask an admin to run coach user add)"
      )
    case .deactivatedConsultant(let name):
      return l.pick(
        "\(n("consultant")) \"\(name)\"：这位用户已停用，不能再负责线索；请写一位在职的顾问",
        "\(n("consultant")) \"\(name)\": this user was deactivated and may not own leads; give an active consultant")
    case .cannotOwnLeads(let name, let role):
      return l.pick(
        "\(n("consultant")) \"\(name)\"：这位用户是\(DoneText.zhRole(role))，名下不能有客户；请写一位顾问或主管",
        "\(n("consultant")) \"\(name)\": this user is \(ErrorText.article(role.rawValue)) \(role.rawValue) and may not own leads; "
          + "give a consultant or a team lead")
    case .badConsultantName(let name):
      return l.pick(
        "\(n("consultant")) \"\(TerminalText.visible(name))\"：用户名应为 1 到 40 个字，不含控制字符和 / \\ < >，例如 李娜 或 Li Na",
        "\(n("consultant")) \"\(TerminalText.visible(name))\": a user name is 1 to 40 characters without control "
          + "characters or / \\ < >, e.g. Li Na")
    case .masked(let column, let value):
      return l.pick(
        "\(n(column)) \"\(value)\"：这是导出时遮挡过的值，不是客户的真实联系方式；请用管理员 --unmasked 导出的文件",
        "\(n(column)) \"\(value)\": this is a masked value from an export, not the customer's own; import a file an "
          + "admin exported with --unmasked")
    case .badPhone(let value):
      return l.pick(
        "\(n("phone")) \"\(value)\"：应为 \(Self.phones(l))", "\(n("phone")) \"\(value)\": expected \(Self.phones(l))")
    case .badEmail(let value):
      return l.pick(
        "\(n("email")) \"\(value)\"：应为邮箱地址，如 name@example.com",
        "\(n("email")) \"\(value)\": expected \(Email.accepted)")
    case .ambiguousModel(let value, let names):
      return l.pick(
        "\(n("model")) \"\(value)\" 有歧义：它可以指 \(Self.oneOf(names, l))；请写车型代码或完整名称",
        "\(n("model")) \"\(value)\" is ambiguous: it names \(Self.oneOf(names, l)); write the catalog code or the full name"
      )
    case .unknownModel(let value, let known):
      return l.pick(
        "\(n("model")) \"\(value)\"：应为车型目录中的代码或名称：\(Self.oneOf(known, l))",
        "\(n("model")) \"\(value)\": expected a catalog code or name: \(Self.oneOf(known, l))")
    case .badProfile(let item):
      return l.pick(
        "\(n("profile")) \"\(item)\"：应为用 ; 分隔的 key=value (如 hobby=钓鱼;career=教师)",
        "\(n("profile")) \"\(item)\": expected key=value pairs separated by ; (like hobby=钓鱼;career=教师)")
    case .nextBeforeAt(let next, let at):
      return l.pick(
        "\(n("next_at")) \"\(next)\" 早于 \(n("at")) \"\(at)\"：下次联系应在这次之后",
        "\(n("next_at")) \"\(next)\" is before \(n("at")) \"\(at)\": the next contact comes later")
    case .repeatedID(let id, let line):
      return l.pick(
        "\(n("external_id")) \"\(id)\" 与第 \(line) 行重复", "\(n("external_id")) \"\(id)\" repeats line \(line)")
    case .extraCell(let column, let value, let header):
      return l.pick(
        "第 \(column) 列 \"\(value)\"：表头只有 \(header) 列 (值里的逗号要用引号括起来；或在表头给这一列起名)",
        "column \(column) \"\(value)\": the header has only \(header) columns (a comma inside a value needs the value in "
          + "quotes; or name the column in the header)")
    case .outcomeNotOnChannel(let channel, let outcome):
      return l.pick(
        "\(n("outcome")) \"\(outcome)\" 只用于到店或试驾 (visit、test_drive)，\(n("channel")) 是 \"\(channel)\"：电话、短信、微信、邮件的结果是 reached、no_answer 或 declined",
        "\(n("outcome")) \"\(outcome)\" goes only with a visit or a test drive (visit, test_drive), not \(n("channel")) "
          + "\"\(channel)\": a call, SMS, WeChat or email is reached, no_answer or declined")
    case .futureBirthday(let value):
      return l.pick(
        "\(n("birthday")) \"\(value)\" 晚于今天：生日不能在将来",
        "\(n("birthday")) \"\(value)\" is after today: a birthday cannot be in the future")
    case .afterNow(let column, let value, let now):
      let next = column == "at" ? l.pick(" (约好的下次联系写在 next_at)", " (an agreed next contact goes in next_at)") : ""
      return l.pick(
        "\(n(column)) \"\(value)\" 晚于现在 (\(now))：不能是将来的时间\(next)",
        "\(n(column)) \"\(value)\" is after now (\(now)): it cannot be in the future\(next)")
    case .sameCustomer(let name, let phone, let lead):
      return l.pick(
        "\(n("name")) \"\(name)\"、\(n("phone")) \"\(phone)\"：已经导入过 (与线索 \(lead) 姓名和电话相同)；"
          + "若是这位客户的另一条线索，请写上 external_id",
        "\(n("name")) \"\(name)\", \(n("phone")) \"\(phone)\": already imported (same name and phone as lead \(lead)); "
          + "give the row an external_id if it is another lead of this customer")
    case .sameTouch(let lead, let at, let channel, let outcome):
      return l.pick(
        "\(n("lead_external_id")) \"\(lead)\"、\(n("at")) \"\(at)\"：这条跟进 (\(channel)，\(outcome)) 已在数据库中",
        "\(n("lead_external_id")) \"\(lead)\", \(n("at")) \"\(at)\": this touch (\(channel), \(outcome)) is already in "
          + "the database")
    case .repeatedTouch(let lead, let at, let channel, let outcome, let line):
      return l.pick(
        "\(n("lead_external_id")) \"\(lead)\"、\(n("at")) \"\(at)\"：这条跟进 (\(channel)，\(outcome)) 与第 \(line) 行相同；"
          + "同一条跟进只写一次",
        "\(n("lead_external_id")) \"\(lead)\", \(n("at")) \"\(at)\": this touch (\(channel), \(outcome)) repeats line "
          + "\(line); write each touch once")
    case .existingID(let id):
      return l.pick(
        "\(n("external_id")) \"\(id)\" 已在数据库中", "\(n("external_id")) \"\(id)\" is already in the database")
    case .otherStore(let name):
      return l.pick(
        "\(n("consultant")) \"\(name)\"：这位销售顾问属于另一家门店，只能导入本门店的线索",
        "\(n("consultant")) \"\(name)\" belongs to another store: import only your store's leads")
    case .unknownLead(let id):
      return l.pick(
        "\(n("lead_external_id")) \"\(id)\"：你能看到的线索里没有这个 external_id (跟进记录按线索文件的 external_id 找线索)：请先导入线索",
        "\(n("lead_external_id")) \"\(id)\": no lead you may see has this external_id (touches find their lead by the "
          + "leads file's external_id): import the leads first")
    case .invalidUTF8:
      return l.pick(
        "UTF-8 编码无效 (文件是 UTF-8；请另存为 UTF-8 或 GBK)", "invalid UTF-8 (file is UTF-8; save as UTF-8 or GBK)")
    case .invalidGB18030:
      return l.pick(
        "GBK/GB18030 字节无效 (文件是 GBK/GB18030；请另存为 UTF-8 或 GBK)",
        "invalid GBK/GB18030 bytes (file is GBK/GB18030; save as UTF-8 or GBK)")
    case .unclosedQuote(let line):
      return l.pick(
        "第 \(line) 行开始的引号没有闭合 (引号内的引号要写两次：\"\")",
        "quote opened on line \(line) is never closed (double a quote inside a quoted field: \"\")")
    case .nulCharacter(let field):
      return l.pick(
        "\(Self.column(field, names, l)) 含有 NUL 字符 (字节 0)，文本里不能有它：请删除",
        "\(Self.column(field, names, l)) contains a NUL character (byte 0), which text may not hold: remove it")
    case .cellTooLong(let column):
      return l.pick(
        "\(Self.column(column, names, l)) 的单元格超过 1 MB 文本",
        "a cell in \(Self.column(column, names, l)) holds more than 1 MB of text")
    case .missingSharedString(let column, let index):
      return l.pick(
        "\(Self.column(column, names, l)) 的单元格指向共享字符串 \(index)，文件里没有它",
        "cell in \(Self.column(column, names, l)) points to shared string \(index), which the file does not have")
    }
  }

  /// `column 3 (手机号)` (`第 3 列 (手机号)`): a column by its position, with its header when it has one.
  private static func column(_ position: Int, _ names: ImportColumnNames, _ l: UILanguage) -> String {
    let header = names.header(at: position).map { " (\($0))" } ?? ""
    return l.pick("第 \(position) 列\(header)", "column \(position)\(header)")
  }

  /// `a, b, c or d` (`a、b、c 或 d`).
  public static func oneOf(_ items: [String], _ l: UILanguage) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: l.pick("、", ", ")) + l.pick(" 或 ", " or ") + last
  }

  private static func days(_ l: UILanguage) -> String {
    l.pick("YYYY-MM-DD、YYYY/M/D、YYYY.M.D 或 YYYY年M月D日，如 2026-11-03 或 2026年11月3日", ImportDates.accepted)
  }

  private static func phones(_ l: UILanguage) -> String {
    l.pick("手机号如 13812345678 (可带 +86/0086) 或带区号的座机如 010-12345678", Phone.accepted)
  }

  /// ` (or 男, 男性, 先生, m (male); 女, 女性, 女士, f (female))`: the vocabulary's words for each gender.
  private static func genderWords(_ l: UILanguage) -> String {
    var parts: [String] = []
    for code in ImportVocabularyTable.genderCodes {
      let words: [String] = ImportVocabularyTable.genders[code] ?? []
      parts.append(words.joined(separator: l.pick("、", ", ")) + " (" + code + ")")
    }
    return l.pick(" (或 ", " (or ") + parts.joined(separator: l.pick("；", "; ")) + ")"
  }

  private static func hint(_ column: String, _ l: UILanguage) -> String {
    switch column {
    case "stage": l.pick(" (或剧本里的名称，如 战败、已交车)", " (or the playbook's name, like Lost or Delivered)")
    case "channel": l.pick(" (或剧本里的名称，如 电话、微信)", " (or the playbook's name, like Call or WeChat)")
    case "outcome": l.pick(" (或剧本里的名称，如 已接通、未接通)", " (or the playbook's name, like Reached or No answer)")
    case "grade": l.pick(" (可带后缀 级 或 类，如 H级)", " (a suffix 级 or 类 is allowed, like H级)")
    case "tier": l.pick(" (可带后缀 级 或 类，如 A级)", " (a suffix 级 or 类 is allowed, like A级)")
    case "gender": genderWords(l)
    default: ""
    }
  }
}

extension ImportProblem.Need {
  func text(_ l: UILanguage) -> String {
    switch self {
    case .leadName: l.pick("每条线索都要有姓名", "every lead needs a name")
    case .leadPhone:
      l.pick(
        "每条线索都要有电话：手机号如 13812345678 (可带 +86/0086) 或带区号的座机如 010-12345678",
        "every lead needs a phone: \(Phone.accepted)")
    case .touchLead: l.pick("每条跟进都要有它所属线索的 external_id", "every touch needs the external_id of its lead")
    case .touchTime:
      l.pick("每条跟进都要有时间，如 2025-07-10T10:00:00+08:00", "every touch needs its time, like 2025-07-10T10:00:00+08:00")
    case .codes(let codes): l.pick("应为 \(ImportProblem.oneOf(codes, l))", "expected \(ImportProblem.oneOf(codes, l))")
    }
  }
}

/// The lines of `coach import … --dry-run` and the `--strict` refusal, in the user's language.
public enum ImportReportText: Sendable {
  /// The first line: what would go in, in which format, and how many rows are bad.
  case dryRun(count: Int, noun: String, format: String, skipped: Int)
  /// One bad row, under the first line.
  case badRow(line: Int, reason: String)
  /// Header cell → field (`field` alone when the header is the field's own name).
  case columns([(header: String, field: String)])
  case ignoredColumns([String])
  case wouldCreate([String])
  /// `--strict` refused the file: how many bad rows, the first few as `file:line: reason`.
  case strictRefusal(count: Int, shown: [String])
  /// Leads imported at `delivered` (no column gives the delivery day): their creation is taken as the day.
  case deliveredWithoutDate(count: Int, dryRun: Bool)
  /// Leads imported with a phone an earlier lead has (`shown`: the first few, `sharedPhone` each), imported all the
  /// same: someone should check for one customer entered twice.
  case sharedPhones(count: Int, shown: [String], dryRun: Bool)
  /// One of them: the new lead (its external id, else its customer's name), the phone masked, and the earlier lead:
  /// a row of the same file (`.file`), a lead of the database with its consultant, or one the importing user may
  /// not open.
  case sharedPhone(line: Int, lead: String?, phone: String, earlier: SharedPhoneEarlier)

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .dryRun(let count, let noun, let format, let skipped):
      return l.pick(
        "试运行，未写入任何内容：将导入 \(count) \(DoneText.zhNoun(noun)) (\(format))；跳过 \(skipped) 行",
        "dry run, nothing written: would import \(count) \(noun) (\(format)); skipped \(skipped)")
    case .badRow(let line, let reason):
      return l.pick("  第 \(line) 行：\(reason)", "  line \(line): \(reason)")
    case .columns(let columns):
      let list = columns.map { $0.header == $0.field ? $0.field : "\($0.header) → \($0.field)" }
      return l.pick("识别的列：", "columns: ") + list.joined(separator: ", ")
    case .ignoredColumns(let names):
      return l.pick("忽略的列：", "ignored columns: ") + names.joined(separator: ", ")
    case .wouldCreate(let names):
      return l.pick("将新建顾问：", "would create consultants: ") + names.joined(separator: l.pick("、", ", "))
    case .strictRefusal(let count, let shown):
      let more =
        count > shown.count ? l.pick(" (还有 \(count - shown.count) 行)", " (and \(count - shown.count) more)") : ""
      return l.pick(
        "--strict: \(count) 行有误，什么都没有导入：\(shown.joined(separator: "; "))\(more)",
        "--strict: \(count) bad rows, nothing imported: \(shown.joined(separator: "; "))\(more)")
    case .sharedPhones(let count, let shown, let dryRun):
      let more = count > shown.count ? l.pick("；还有 \(count - shown.count) 条", "; and \(count - shown.count) more") : ""
      return l.pick(
        "\(count) 条线索的电话与已有的线索相同，\(dryRun ? "将" : "已")照样导入：请核实是不是同一位客户登记了两次 (两位顾问跟同一客户)："
          + shown.joined(separator: "；") + more,
        "\(count) \(count == 1 ? "lead" : "leads") \(dryRun ? "would be" : "were") imported with a phone an earlier lead "
          + "has: check whether one customer was entered twice (two consultants on one customer): "
          + shown.joined(separator: "; ") + more)
    case .sharedPhone(let line, let lead, let phone, let earlier):
      let row = l.pick("第 \(line) 行", "line \(line)") + (lead.map { " (\($0))" } ?? "")
      switch earlier {
      case .file(let earlierLine):
        return l.pick("\(row)：\(phone) 与第 \(earlierLine) 行相同", "\(row): \(phone) as on line \(earlierLine)")
      case .lead(let id, let consultant):
        let owner = consultant ?? l.pick("未分配", "no consultant")
        return l.pick("\(row)：\(phone) 也是线索 \(id) (\(owner)) 的电话", "\(row): \(phone) is also lead \(id)'s (\(owner))")
      case .hidden:
        return l.pick("\(row)：\(phone) 已在一条你无权查看的线索上", "\(row): \(phone) is on a lead you may not open")
      }
    case .deliveredWithoutDate(let count, let dryRun):
      return l.pick(
        "\(count) 条线索以已交车\(dryRun ? "导入时" : "导入，")没有交车日期 (文件里没有这一列)：交车日按建档时间 (created_at，为空时按现在) 算，"
          + "交车后的关怀 (3 天回访、交车周年) 从那天算起",
        "\(count) \(count == 1 ? "lead" : "leads") at delivered \(dryRun ? "would have" : "had") no delivery date (no "
          + "column gives it): delivery is taken as the lead's created_at (now when empty), and after-delivery care "
          + "(3-day callback, car birthday) counts from it")
    }
  }
}

/// The earlier lead of a `sharedPhone`.
public enum SharedPhoneEarlier: Sendable, Hashable {
  /// An earlier row of the same file, by its line.
  case file(line: Int)
  /// A lead of the database the importing user may open, with its consultant (nil: nobody's).
  case lead(Int64, consultant: String?)
  case hidden
}

/// What an import says about the header row: warnings for columns it ignores, and why it refuses a file without a
/// usable header (`bad_csv_header`) or one it cannot read to the end (`bad_csv_quote`), in the user's language.
public enum ImportHeaderText: Sendable, Hashable {
  case unnamedColumn(file: String, line: Int, column: Int)
  /// A quote opened on `line` is never closed: the rest of the file would be one cell, so the file is refused.
  case unclosedQuote(file: String, line: Int)
  /// `--map 'HEADER=…'` named a header the file does not have.
  case unusedMap(file: String, line: Int, header: String)
  case unknownColumn(file: String, line: Int, header: String, column: Int, known: [String])
  /// The file has no header row; `needs` lists the required columns, `kind` is `leads` or `touches`.
  case emptyFile(file: String, kind: String, needs: [String])
  case unreadableHeader(file: String, line: Int, problem: String)
  /// `header`: the second column's header as written (what `--map HEADER=ignore` would skip).
  case repeatedColumn(file: String, line: Int, name: String, first: Int, second: Int, header: String = "")
  /// A JSON file (`coach export leads --format json`, which is for other programs): not an import format.
  case jsonFile(file: String)
  /// After a header refusal of a workbook read without `--sheet`: the sheet read and the workbook's other sheets.
  case otherSheets(read: String, others: [String])
  /// `separator`: the tab or semicolon the header's one cell holds (a file separated by those, not by commas).
  case missingColumns(
    file: String, line: Int, kind: String, missing: [String], needs: [String], known: [String],
    separator: String? = nil)

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .unnamedColumn(let file, let line, let column):
      return l.pick("\(file):\(line): 第 \(column) 列没有列名；已忽略", "\(file):\(line): column \(column) has no name; ignored")
    case .unknownColumn(let file, let line, let header, let column, let known):
      return l.pick(
        "\(file):\(line): 不认识的列 \"\(header)\" (第 \(column) 列) 已忽略；认识的列：\(known.joined(separator: ", "))"
          + " (或它们的中文名；--map '列名=字段' 可指定其他列，--map '列名=ignore' 不再提示)",
        "\(file):\(line): unknown column \"\(header)\" (column \(column)) ignored; known columns: "
          + known.joined(separator: ", ")
          + " (or their Chinese names; --map 'HEADER=column' names any other, --map 'HEADER=ignore' silences this)")
    case .unclosedQuote(let file, let line):
      return l.pick(
        "\(file):\(line): 第 \(line) 行开始的引号到文件末尾都没有闭合，后面的内容都会被读成一个单元格，所以整个文件未导入："
          + "请补上引号 (引号内的引号要写两次：\"\")",
        "\(file):\(line): the quote opened on line \(line) is never closed, so the rest of the file would read as one "
          + "cell; nothing imported: close the quote (a quote inside a quoted field is written twice: \"\")")
    case .otherSheets(let read, let others):
      return l.pick(
        "；读的是工作表“\(read)”，这个文件还有：\(others.joined(separator: "、"))，用 --sheet 指定要读哪一个",
        "; sheet \"\(read)\" was read, and the workbook also has \(others.map { "\"\($0)\"" }.joined(separator: ", ")): "
          + "name the one to read with --sheet")
    case .unusedMap(let file, let line, let header):
      return l.pick(
        "\(file):\(line): 表头里没有 --map 指定的列 \"\(header)\"",
        "\(file):\(line): --map names \"\(header)\", which the header does not have")
    case .emptyFile(let file, let kind, let needs):
      return l.pick("\(file) 是空的：\(Self.needs(kind, needs, l))", "\(file) is empty: \(Self.needs(kind, needs, l))")
    case .unreadableHeader(let file, let line, let problem):
      return l.pick("\(file):\(line): 表头：\(problem)", "\(file):\(line): header: \(problem)")
    case .repeatedColumn(let file, let line, let name, let first, let second, let header):
      let skip = header.isEmpty ? "" : " --map '\(header)=ignore'"
      return l.pick(
        "\(file):\(line): 列 \(name) 出现了两次 (第 \(first) 和第 \(second) 列)；每列只能写一次"
          + (skip.isEmpty ? "" : "，或用\(skip) 跳过其中一列"),
        "\(file):\(line): column \(name) appears twice (columns \(first) and \(second)); name each column once"
          + (skip.isEmpty ? "" : ", or skip one with\(skip)"))
    case .jsonFile(let file):
      return l.pick(
        "\(file) 是 JSON：导入只读 CSV 和 .xlsx；请用 coach export leads (默认 CSV) 或 --format xlsx 导出的文件",
        "\(file) is JSON: the import reads CSV and .xlsx only; import a file exported as CSV (the default) or with "
          + "--format xlsx")
    case .missingColumns(let file, let line, let kind, let missing, let needs, let known, let separator):
      let hint =
        separator.map { sep in
          let zh = sep == "\t" ? "制表符" : "分号"
          let en = sep == "\t" ? "tabs" : "semicolons"
          return l.pick(
            "；这个文件用\(zh)分隔，导入读逗号分隔的 CSV：请另存为“CSV UTF-8 (逗号分隔)”",
            "; this file is separated by \(en), and the import reads comma-separated CSV: save it as \"CSV UTF-8 "
              + "(Comma delimited)\"")
        } ?? ""
      return l.pick(
        "\(file):\(line): 表头缺少 \(missing.joined(separator: " 和 "))；\(Self.needs(kind, needs, l)) "
          + "(列：\(known.joined(separator: ", ")))\(hint)",
        "\(file):\(line): header lacks \(missing.joined(separator: " and ")); \(Self.needs(kind, needs, l)) "
          + "(columns: \(known.joined(separator: ", ")))\(hint)")
    }
  }

  private static func needs(_ kind: String, _ needs: [String], _ l: UILanguage) -> String {
    l.pick(
      "\(kind == "leads" ? "线索" : "跟进记录")文件需要一行表头，写明 \(needs.joined(separator: " 和 "))",
      "a \(kind) file needs a header row naming \(needs.joined(separator: " and "))")
  }
}
