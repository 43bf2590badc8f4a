extension ErrorText {
  /// The wording of the options, permissions and records refusals (split from `text` to keep files short).
  func moreText(_ l: UILanguage) -> String {
    switch self {
    case .badZone(let given):
      return l.pick(
        "--tz \"\(given)\" 不是 IANA 时区 (例如 Asia/Shanghai, Europe/Berlin, UTC)",
        "--tz \"\(given)\" is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC)")
    case .badNow(let given):
      return l.pick(
        "--now \"\(given)\" 不是时间：请用带时区的 ISO 8601 (2025-07-10T10:00:00+08:00) 或 YYYY-MM-DD",
        "--now \"\(given)\" is not a time: use ISO 8601 with an offset or Z (2025-07-10T10:00:00+08:00) or YYYY-MM-DD")
    case .badLanguage(let given):
      return l.pick("不支持 --lang \"\(given)\"：请用 zh-CN 或 en", "--lang \"\(given)\" is not supported: use zh-CN or en")
    case .badDatabaseURL(let url, let problem):
      return l.pick(
        "--db / COACH_DB \(url) 不是可用的 PostgreSQL 地址：\(problem.text(l))；可用：postgres://用户[:密码]@主机[:端口]/数据库，postgresql://…，或加 ?host=/套接字目录 走 unix 套接字，?sslmode=require 或 verify-full 加密；或者给一个 SQLite 文件路径",
        "--db / COACH_DB \(url) is not a usable PostgreSQL URL: \(problem.text(l)); accepted: postgres://user[:password]@host[:port]/database, postgresql://…, ?host=/socket/dir for a unix socket, ?sslmode=require or verify-full for TLS; or a SQLite file path"
      )
    case .databaseUnreachable(let url, let server, let reason):
      return l.pick(
        "无法连接 PostgreSQL 服务器 \(server) (\(url))：\(reason)；请确认服务器在运行、地址/端口/用户/数据库正确，或给一个 SQLite 文件路径",
        "cannot connect to the PostgreSQL server at \(server) (\(url)): \(reason); check that the server runs and the host, port, user and database are right, or give a SQLite file path"
      )
    case .databasePasswordNeeded(let url, let server, let user, let file, let problem):
      let passedOver: String
      switch problem {
      case nil: passedOver = ""
      case .openToOthers?:
        passedOver = l.pick(
          " (\(file) 未读取：别人也能打开它，请 chmod 600 \(file))",
          " (\(file) was passed over: others may open it; chmod 600 \(file))")
      case .notAFile?: passedOver = l.pick(" (\(file) 不是文件，未读取)", " (\(file) was passed over: it is not a file)")
      }
      return l.pick(
        "PostgreSQL 服务器 \(server) (\(url)) 要求用户 \(user) 的密码，但没有给出\(passedOver)：请设置 PGPASSWORD，或在 \(file) 中加一行 主机:端口:数据库:用户:密码 (只有你能读：chmod 600)，或写进地址 (postgres://用户:密码@…)",
        "the PostgreSQL server at \(server) (\(url)) asks for the password of \(user) and none was given\(passedOver): set PGPASSWORD, or add a line host:port:database:user:password to \(file) (readable by you alone: chmod 600), or write it in the URL (postgres://user:password@…)"
      )
    case .notYetOnPostgres(let what, let instead):
      return l.pick(
        "\(what) 还不能在 PostgreSQL 上运行 (在 SQLite 上可以)\(instead.map { "；在 PostgreSQL 上请用 \($0)" } ?? "；请用 SQLite 数据库文件运行它")",
        "\(what) does not run on PostgreSQL yet (it does on SQLite)\(instead.map { "; on PostgreSQL use \($0)" } ?? "; run it on a SQLite database file")"
      )
    case .backupByServer(let restore, let file, let url):
      if restore {
        return l.pick(
          "coach restore \(file): coach restore 只替换 SQLite 数据库文件；PostgreSQL 数据库 \(url) 由服务器恢复：pg_restore --clean --if-exists -d '\(url)' 备份.dump (pg_dump -Fc 的备份)，或按时间点恢复 (PITR)；见 docs/OPERATIONS.md",
          "coach restore \(file): coach restore replaces a SQLite database file; the PostgreSQL database \(url) is restored by its server: pg_restore --clean --if-exists -d '\(url)' BACKUP.dump (made by pg_dump -Fc), or point-in-time recovery; see docs/OPERATIONS.md"
        )
      }
      return l.pick(
        "coach backup \(file): coach backup 只复制 SQLite 数据库文件；PostgreSQL 数据库 \(url) 由服务器备份：pg_dump -Fc -f 备份.dump '\(url)'，或基础备份加 WAL 归档 (可按时间点恢复)；见 docs/OPERATIONS.md",
        "coach backup \(file): coach backup copies a SQLite database file; the PostgreSQL database \(url) is backed up by its server: pg_dump -Fc -f BACKUP.dump '\(url)', or base backups with WAL archiving for point-in-time recovery; see docs/OPERATIONS.md"
      )
    case .readOnlyDatabase(let url, let server):
      return l.pick(
        "PostgreSQL 服务器 \(server) (\(url)) 只读 (热备副本或只读数据库)，不接受写入：写入请连主库；副本上可以运行 next, alerts, audit, lead list/show (见 docs/OPERATIONS.md)",
        "the PostgreSQL server at \(server) (\(url)) is read-only (a hot standby or a read-only database) and takes no writes: run this against the primary; next, alerts, audit and lead list/show run on a replica (docs/OPERATIONS.md)"
      )
    case .negativeLimit:
      return l.pick("--limit 必须是 0 或更大的数", "--limit must be 0 or more")
    case .fromAfterTo(let from, let to):
      return l.pick(
        "--from \(from) 晚于 --to \(to)：开始日期要早于或等于结束日期",
        "--from \(from) is after --to \(to): give a first day on or before the last")
    case .fromAfterDefaultTo(let from, let today):
      return l.pick(
        "--from \(from) 晚于今天 (\(today))，而不写 --to 时结束日期就是今天：请同时给出 --to",
        "--from \(from) is after today (\(today)), the last day when --to is left out: give --to as well")
    case .windowTooLong(let days, let max):
      return l.pick(
        "--from 到 --to 共 \(days) 天，审计一次最多 \(max) 天：请把时间段缩短 (例如按年分开看)",
        "--from to --to spans \(days) days; an audit covers at most \(max): give a shorter period (a year at a time)")
    case .nothingToChange:
      return l.pick(
        "没有要修改的内容：至少给一个字段选项 (见 coach lead edit --help)",
        "nothing to change: give at least one field option (see coach lead edit --help)")
    case .badGender(let given):
      return l.pick(
        "性别 \"\(given)\"：请用 male、female 或 other (也可写 \(ImportVocabularyTable.genderWords.joined(separator: "、")))",
        "gender \"\(given)\": use male, female or other (or m, f)")
    case .badEmail(let given):
      return l.pick(
        "--email \"\(given)\" 不是邮箱地址：请写成 name@example.com 这样", "--email \"\(given)\" is not \(Email.accepted)")
    case .badProfile(let given):
      return l.pick(
        "--profile \"\(given)\" 必须写成 键=值，例如 hobby=钓鱼", "--profile \"\(given)\" must be key=value, e.g. hobby=钓鱼")
    case .badMap(let given, let field, let kind, let accepted, let otherKind):
      let fields = accepted.joined(separator: ", ")
      let zhKind = kind == "leads" ? "线索" : "跟进记录"
      guard let field else {
        return l.pick(
          "--map \"\(given)\" 应写成 列名=字段，如 --map '意向金额=profile'；字段可用：\(fields) (ignore：不读这一列)",
          "--map \"\(given)\": expected HEADER=FIELD, like --map '意向金额=profile'; FIELD is one of: \(fields) "
            + "(ignore: skip the column)")
      }
      let why =
        otherKind
        ? l.pick("\"\(field)\" 是另一种文件的字段，不是\(zhKind)文件的", "\"\(field)\" is not a field of a \(kind) file")
        : l.pick("没有字段 \"\(field)\"", "there is no field \"\(field)\"")
      return l.pick(
        "--map \"\(given)\"：\(why)；\(zhKind)文件的字段：\(fields) (ignore：不读这一列)",
        "--map \"\(given)\": \(why); the fields of a \(kind) file: \(fields) (ignore: skip the column)")
    case .notAllowed(let what, let user, let roleCode):
      let role = l == .zh ? Role(rawValue: roleCode).map(DoneText.zhRole) ?? roleCode : roleCode
      switch what {
      case .teamView:
        return l.pick(
          "--team 只给主管和管理员用；\(user) 的角色是 \(role)", "--team is for team leads and admins; \(user) is a \(role)")
      case .audit:
        return l.pick(
          "coach audit 只给主管和管理员用；\(user) 的角色是 \(role)",
          "coach audit is for team leads and admins; \(user) is a \(role)")
      case .addUsers:
        return l.pick("只有管理员能添加用户；\(user) 的角色是 \(role)", "only an admin may add users; \(user) is a \(role)")
      case .deactivateUsers:
        return l.pick(
          "只有管理员能停用或恢复用户；\(user) 的角色是 \(role)", "only an admin may deactivate or reactivate users; \(user) is a \(role)"
        )
      case .moveStores:
        return l.pick(
          "只有集团管理员 (或不属于任何门店的管理员) 能把展厅搬进门店；\(user) 的角色是 \(role)",
          "only a group admin (or an admin of no store) may move a showroom into a store; \(user) is "
            + "\(Self.article(role)) \(role)")
      case .editUsers:
        return l.pick(
          "只有管理员能改用户的角色或组；\(user) 的角色是 \(role)", "only an admin may change a user's role or team; \(user) is a \(role)")
      case .unmasked:
        return l.pick("--unmasked 只给管理员用；\(user) 的角色是 \(role)", "--unmasked is for admins; \(user) is a \(role)")
      case .backup:
        return l.pick("只有管理员能备份；\(user) 的角色是 \(role)", "only an admin may make a backup; \(user) is a \(role)")
      case .restore:
        return l.pick("只有管理员能恢复备份；\(user) 的角色是 \(role)", "only an admin may restore; \(user) is a \(role)")
      case .addStores:
        return l.pick(
          "只有集团管理员 (或不属于任何门店的管理员) 能添加门店和集团管理员；\(user) 的角色是 \(role)",
          "only a group admin (or an admin of no store) may add stores and group admins; \(user) is \(Self.article(role)) \(role)"
        )
      }
    case .notAConsultant(let name, let known):
      let list = known.isEmpty ? l.pick("无", "none") : known.joined(separator: l.pick("、", ", "))
      return l.pick(
        "--consultant \(name) 不在审计之列 (审计名下有线索的顾问和主管)；可审计：\(list)",
        "--consultant \(name) is not among those audited (consultants and team leads who hold leads): \(list)")
    case .auditOtherTeam(let name, let team):
      return l.pick(
        "--consultant \(name) 不在你的组 (\(team ?? "无"))；主管只审计本组",
        "--consultant \(name) is not in your team \(team ?? "(none)"); a team lead audits their own team")
    case .secretOfOther(let secret, let name, let actor, let roleCode):
      let what =
        switch secret {
        case .password: l.pick("设置密码", "set a password")
        case .calendarFeed: l.pick("生成日历订阅", "make a calendar feed")
        }
      guard let actor else {
        return l.pick(
          "\(what)：请用 --as 说明是谁在操作 (管理员，或 \(name) 本人)",
          "\(what): say who is acting with --as (an admin, or \(name))")
      }
      let role = l == .zh ? Role(rawValue: roleCode).map(DoneText.zhRole) ?? roleCode : roleCode
      return l.pick(
        "只有管理员或 \(name) 本人能为 \(name) \(what); \(actor) 的角色是 \(role)",
        "only an admin or \(name) may \(what) for \(name); \(actor) is a \(role)")
    case .badPassword(.tooShort(let minimum)):
      return l.pick("密码太短：至少 \(minimum) 个字符", "the password is too short: give at least \(minimum) characters")
    case .badPassword(.tooLong(let maximum)):
      return l.pick(
        "密码太长：最多 \(maximum) 字节 (bcrypt 只读这么多；一个汉字占 3 字节)",
        "the password is too long: give at most \(maximum) bytes (bcrypt reads no more)")
    case .badPassword(.tooEasy):
      return l.pick(
        "密码太容易猜：不要只用空格、重复或连续的字符 (11111111、12345678)、常见密码或自己的名字",
        "the password is too easy to guess: not only spaces, repeated or consecutive characters (11111111, 12345678), "
          + "a common password or your own name")
    case .badPassword(.controlCharacter):
      return l.pick(
        "密码含控制字符：请输入一行可打印的文字", "the password holds a control character: give one line of printable text")
    case .wrongCurrentPassword:
      return l.pick(
        "当前密码不对：密码没有改。请输入你现在登录用的密码",
        "the current password is wrong: nothing was changed; type the one you log in with now")
    case .unreadableFile(let path, let missing):
      return missing
        ? l.pick("\(path) 不存在：请检查文件名和所在文件夹", "\(path) does not exist: check the file's name and folder")
        : l.pick("无法读取 \(path)：请检查路径和权限", "cannot read \(path): check the path and permissions")
    case .badCSVEncoding(let file, let bad, let nonASCII, let firstLine):
      let name = file ?? l.pick("CSV 文件", "the CSV file")
      return l.pick(
        "\(name)：既不是 UTF-8 也不是 GBK/GB18030 (含非 ASCII 文字的 \(nonASCII) 条记录中 \(bad) 条无效"
          + (firstLine.map { "，第一条在第 \($0) 行" } ?? "") + ")；请另存为 UTF-8 或 GBK",
        "\(name): neither UTF-8 nor GBK/GB18030 (\(bad) of \(nonASCII) records with non-ASCII text are invalid"
          + (firstLine.map { ", first at line \($0)" } ?? "") + "); save it as UTF-8 or GBK")
    case .protectedWorkbook(let path):
      return l.pick(
        "\(path)：这是加密的工作簿或旧的 .xls 文件：请在 Excel 或 WPS 中打开，去掉密码后另存为 .xlsx (或 CSV)",
        "\(path): password-protected workbook or old .xls file: open it in Excel or WPS, remove the password and save as .xlsx (or CSV)"
      )
    case .damagedWorkbook(let path, let why):
      return l.pick(
        "\(path)：无法读取这个表格 (\(why))；请在 Excel 或 WPS 中重新另存为 .xlsx (或 CSV)",
        "\(path): cannot read the spreadsheet: \(why); save it again from Excel or WPS as .xlsx (or CSV)")
    case .noSuchSheet(let path, let sheet, let sheets):
      let list = sheets.joined(separator: ", ")
      return l.pick(
        "\(path) 没有名为 \"\(sheet)\" 的工作表；已有工作表：\(list)",
        "\(path) has no sheet named \"\(sheet)\"; its sheets: \(list)")
    case .cannotOwnLeads(let option, let name, let role, let owners):
      let list = owners.isEmpty ? l.pick("无", "none") : owners.joined(separator: l.pick("、", ", "))
      let zhRole = Role(rawValue: role).map(DoneText.zhRole) ?? role
      return l.pick(
        "\(option) \(name) 的角色是\(zhRole)，名下不能有客户：请交给顾问或主管 (\(list))",
        "\(option) \(name) is \(Self.article(role)) \(role) and cannot own leads: give them to a consultant or a team lead (\(list))"
      )
    case .nextTooFar(let given, let latest, let days):
      return l.pick(
        "--next \(given) 太远：下次联系最多约在 \(days) 天内 (最晚 \(latest))；更远的打算写进备注，到时候再约",
        "--next \(given) is too far ahead: a next contact is at most \(days) days away (until \(latest)); note a later "
          + "plan and agree the time nearer then")
    case .outcomeNotOnChannel(let channel, let outcome):
      return l.pick(
        "--outcome \(outcome) 只用于到店或试驾 (--channel visit、test_drive)，不是 \(channel)：电话、短信、微信、邮件的结果是 reached、no_answer 或 declined",
        "--outcome \(outcome) goes only with a visit or a test drive (--channel visit, test_drive), not \(channel): a "
          + "call, SMS, WeChat or email is reached, no_answer or declined")
    case .futureBirthday(let given, let today):
      return l.pick(
        "--birthday \(given) 晚于今天 (\(today))：生日不能在将来",
        "--birthday \(given) is after today (\(today)): a birthday cannot be in the future")
    case .emptyDatabaseFile(let path):
      return l.pick(
        "\(path) 是空文件 (0 字节)，不是 coach 数据库：如果它本该存着店里的数据，请用 coach restore 恢复备份；要重新开始，先删掉这个文件",
        "\(path) is an empty file (0 bytes), not a coach database: if it should hold the dealership's data, restore a "
          + "backup with `coach restore`; to start afresh, delete it first")
    case .sameFile(let path):
      return l.pick("\(path) 就是数据库本身：请给另一个路径", "\(path) is the database itself: give another path")
    case .databaseCompanion(let path, let db):
      return l.pick(
        "\(path) 是数据库 \(db) 自己的文件 (SQLite 在它旁边记日志，关闭时会删掉或改写它)：请给另一个路径",
        "\(path) is one of the database \(db)'s own files (SQLite keeps its log there and deletes or rewrites it): "
          + "give another path")
    case .reassignNotAllowed(let actor, let from, let to, let ownTeam):
      let why =
        if let team = ownTeam {
          l.pick(
            "主管只能在本组用户之间转移线索 (\(team ?? "无"))",
            "a team lead may move leads only between users of their own team (\(team ?? "none"))")
        } else {
          l.pick("只有管理员或双方的主管能转移线索", "only an admin or the team lead of both users may reassign leads")
        }
      return l.pick(
        "\(actor) 不能把 \(from) 的线索转给 \(to): \(why)", "\(actor) may not move \(from)'s leads to \(to): \(why)")
    case .demoOverRealLeads:
      return l.pick(
        "这个数据库里有真实线索：演示数据请用一个新的 --db 路径", "this database holds real leads: give the demo a new --db path")
    case .backupMissing(let path):
      return l.pick(
        "\(path) 不存在：请给出 coach backup 生成的备份文件路径", "\(path) does not exist: give the path of a coach backup")
    case .notADatabase(let path, let backup, let detail):
      if let detail {
        return l.pick("无法打开 \(path): \(detail)", "cannot open \(path): \(detail)")
      }
      return backup
        ? l.pick(
          "\(path) 不是 SQLite 数据库：请给出 coach backup 生成的文件",
          "\(path) is not a SQLite database: give a file made by `coach backup`")
        : l.pick(
          "\(path) 不是 SQLite 数据库：--db 请给 coach 数据库文件或一个新路径",
          "\(path) is not a SQLite database; give --db a coach database file or a new path")
    case .foreignDatabase(let path, let tables):
      let list = tables.prefix(5).joined(separator: ", ")
      return l.pick(
        "\(path) 是别的程序的 SQLite 数据库 (有 \(list) 表，没有 coach 的表)：coach 不会往里写；--db 请给 coach 数据库文件或一个新路径",
        "\(path) is another program's SQLite database (tables \(list), none of coach's): coach does not write into it; give --db a coach database file or a new path"
      )
    case .utf16Text(let file):
      return l.pick(
        "\(file ?? "文件") 是 UTF-16 文本 (Excel 的“Unicode 文本”)，导入读不了：请在 Excel 里另存为“CSV UTF-8 (逗号分隔)”再导入",
        "\(file ?? "the file") is UTF-16 text (Excel's \"Unicode Text\"), which the import does not read: save it from Excel as "
          + "\"CSV UTF-8 (Comma delimited)\" and import that")
    case .listSeparatorInValue(let option, let given):
      return l.pick(
        "\(option) \"\(given)\" 含有分号：导出文件用 ; 分隔标签和资料，导回时会拆开；请改用 、 或空格",
        "\(option) \"\(given)\" holds a semicolon, which separates tags and profile facts in an export (imported back it "
          + "would split): use a comma or a space instead")
    case .notAShowroom(let given):
      return l.pick(
        "\(given) 不是展厅的 coach 数据库：--from 请给展厅用的 SQLite 文件 (它平时 --db 用的那个)",
        "\(given) is not a showroom's coach database: give --from the SQLite file the showroom runs on (its --db)")
    case .foreignPostgresDatabase(let url, let tables):
      let list = tables.prefix(5).joined(separator: ", ")
      return l.pick(
        "\(url) 里是别的程序的表 (\(list)，没有 coach 的表)：coach 不会往里写；--db 请给 coach 的数据库，或一个新建的空库 (CREATE DATABASE coach)",
        "\(url) holds another program's tables (\(list), none of coach's): coach does not write into it; give --db "
          + "coach's database or a new empty one (CREATE DATABASE coach)")
    case .notACoachDatabase(let path, let missing):
      let tables = missing.joined(separator: ", ")
      return l.pick(
        "\(path) 不是 coach 数据库 (没有 \(tables) 表)：请给出 coach backup 生成的文件",
        "\(path) is not a coach database (no \(tables) table): give a file made by `coach backup`")
    case .backupWithoutAdmin(let path, let users):
      return l.pick(
        "\(path) 有 \(users) 个用户，却没有管理员 (admin)：恢复后没有人能管理用户和备份，所以没有恢复；"
          + "请给出有管理员的备份 (或没有任何用户的备份)",
        "\(path) has \(users) users but no admin: restored, nobody could manage users or backups again, so nothing "
          + "was restored; give a backup that has an admin (or one with no users at all)")
    case .corruptBackup(let path, let findings):
      let list = findings.prefix(3).joined(separator: "; ")
      return l.pick("\(path) 未通过完整性检查：\(list)", "\(path) fails the integrity check: \(list)")
    case .damagedDatabase(let detail):
      return l.pick(
        "数据库已损坏：\(detail)；请用 coach restore 文件 恢复备份",
        "the database is damaged: \(detail); restore a backup with `coach restore FILE`")
    case .databaseUnreadable(let path, let detail):
      guard let detail else {
        return l.pick("无法读取数据库 \(path)", "cannot read the database at \(path)")
      }
      return l.pick("无法把 \(path) 作为 coach 数据库打开：\(detail)", "cannot open \(path) as a coach database: \(detail)")
    case .databaseMissing(let path, let command):
      return l.pick(
        "\(path) 没有数据库，\(command) 无事可做 (什么也没创建)：请检查 --db / COACH_DB；数据库由第一次写入创建 (coach demo、lead add、import)",
        "there is no database at \(path), so \(command) has nothing to do (nothing was created): check --db / COACH_DB; a database is created by its first write (coach demo, lead add, import)"
      )
    case .databaseUnwritable(let path, let reason):
      return l.pick(
        "无法在 \(path) 创建数据库：\(reason)；请检查文件夹存在且可写",
        "cannot create the database at \(path): \(reason); check the folder exists and is writable")
    case .schemaTooNew(let database, let versions, let newest):
      let list = versions.joined(separator: ", ")
      return l.pick(
        "\(database ?? "数据库") 的结构版本 \(list) 比这个 coach 认识的 (最新 \(newest ?? "无")) 更新：请升级 coach",
        "\(database ?? "the database") has schema \(list), newer than this coach knows (up to \(newest ?? "none")): upgrade coach"
      )
    case .consultantAddsOwnLeads:
      return l.pick(
        "顾问只能给自己添加线索；请去掉 --consultant", "a consultant adds leads for themselves only; leave out --consultant")
    case .onlyLeadsMoveLeads:
      return l.pick("只有主管或管理员能把线索转给其他顾问", "only a team lead or admin may move a lead to another consultant")
    case .listOtherTeam(let name, let team):
      return l.pick(
        "--consultant \(name) 不在你的组 (\(team ?? "无"))：主管只能查看本组的线索",
        "--consultant \(name) is not in your team \(team ?? "(none)"): a team lead sees their own team's leads")
    case .teamLeadOwnTeam(let team):
      return l.pick(
        "主管只能把线索转给本组的用户 (\(team ?? "无"))",
        "a team lead may give leads only to users of their own team (\(team ?? "none"))")
    case .unknownConsultant(let name, let known):
      let list = known.isEmpty ? l.pick("无", "none") : known.joined(separator: ", ")
      return l.pick(
        "没有名为 \(name) 的用户；请先用 coach user add 添加 (已有用户：\(list))",
        "no user named \(name); add one with `coach user add` (users: \(list))")
    case .unknownTopic(let topic, let id, let open):
      let list = open.isEmpty ? l.pick("无", "none") : open.joined(separator: ", ")
      return l.pick(
        "话题 \(topic) 不是线索 \(id) 的话题；未了结的话题：\(list)",
        "topic \(topic) is not a topic of lead \(id); open topics: \(list)")
    case .topicResolved(let topic, let id):
      return l.pick("线索 \(id) 的话题 \(topic) 已经了结", "topic \(topic) of lead \(id) is already resolved")
    case .etaNotApplicable(let id, let stage):
      return l.pick(
        "线索 \(id) 处于\(UIText.stage(stage).text(l))阶段：只有\(UIText.stage(.deposit).text(l))或\(UIText.stage(.waitingForDelivery).text(l))的线索能设置预计交车日期 (--eta)",
        "lead \(id) is \(stage.rawValue): an ETA is set only for deposit or waiting_for_delivery leads")
    case .duplicateUser(let name):
      return l.pick("已有名为 \(name) 的用户", "a user named \(name) already exists")
    case .duplicateStore(let code):
      return l.pick("已有代码为 \(code) 的门店", "a store with code \(code) already exists")
    case .unknownStore(let code, let known):
      let list =
        known.isEmpty
        ? l.pick("无 (先用 coach store add 添加)", "none (add one with coach store add)") : known.joined(separator: ", ")
      return l.pick("没有代码为 \(code) 的门店；已有门店：\(list)", "no store has code \(code); stores: \(list)")
    case .userDeactivated(let name):
      return l.pick(
        "\(name) 已停用：不能再操作、登录或负责线索 (管理员可用 coach user activate \(name) 恢复)",
        "\(name) is deactivated: they may no longer act, log in or own leads (an admin can undo it with "
          + "coach user activate \(name))")
    case .stillOwnsLeads(let name, let count):
      return l.pick(
        "\(name) 名下还有 \(count) 条线索：先用 coach lead reassign --from \(name) --to 顾问 转给别人，再停用",
        "\(name) still owns \(count) leads: move them first with coach lead reassign --from \(name) --to USER, then "
          + "deactivate")
    case .cannotDeactivateSelf(let name):
      return l.pick("不能停用自己 (\(name))：请另一位管理员操作", "you cannot deactivate yourself (\(name)): ask another admin")
    case .cannotChangeOwnRole(let name):
      return l.pick(
        "不能改自己的角色 (\(name))：请另一位管理员操作；自己的 --team 可以改",
        "you cannot change your own role (\(name)): ask another admin (your own --team you may change)")
    case .groupAdminRoleFixed(let name, let current):
      return current == .groupAdmin
        ? l.pick(
          "\(name) 是集团管理员，不属于任何门店，角色不能改；需要门店里的角色请另建用户 (coach user add … --store 门店)",
          "\(name) is a group admin, who belongs to no store: that role cannot be changed; for a role in a store add "
            + "another user (coach user add … --store S)")
        : l.pick(
          "不能把 \(name) 改成集团管理员：集团管理员不属于任何门店，请另建用户 (coach user add … --role group_admin)",
          "\(name) cannot become a group admin, who belongs to no store: add another user "
            + "(coach user add … --role group_admin)")
    case .ownsLeadsForRole(let name, let count, let role):
      return l.pick(
        "\(name) 名下还有 \(count) 条线索，\(DoneText.zhRole(role))不负责线索：先用 coach lead reassign --from \(name) --to 顾问 "
          + "转给别人，再改角色",
        "\(name) still owns \(count) leads and a \(role.rawValue) owns none: move them first with coach lead reassign "
          + "--from \(name) --to USER, then change the role")
    case .badUserName(let name):
      return l.pick(
        "用户名 \"\(TerminalText.visible(name))\" 无效：请用 1 到 40 个字，不含控制字符和 / \\ < >，例如 李娜 或 Li Na",
        "user name \"\(TerminalText.visible(name))\" is not valid: use 1 to 40 characters without control characters "
          + "or / \\ < >, e.g. Li Na")
    case .badStoreCode(let code):
      return l.pick(
        "门店代码 \"\(code)\" 无效：请用 1 到 32 个字母、数字、- 或 _，例如 SH-01",
        "store code \"\(code)\" is not valid: use 1 to 32 letters, digits, - or _, e.g. SH-01")
    case .otherStore(let actor, let store):
      return l.pick(
        "\(actor) 属于门店 \(store)，只能管理本门店的用户和线索",
        "\(actor) belongs to store \(store) and may act only on that store's users and leads")
    case .movedFromAnotherShowroom(let store, let detail):
      let why: String
      switch detail {
      case .user(let id, let there, let here):
        why = l.pick(
          "这个文件的 #\(id) 用户是 \(there)，之前搬进来的 #\(id) 用户是 \(here)",
          "user #\(id) of this file is \(there); user #\(id) moved before was \(here)")
      case .lead(let id):
        why = l.pick(
          "这个文件的 #\(id) 线索与之前搬进来的 #\(id) 线索建档时间不同",
          "lead #\(id) of this file was created at another time than lead #\(id) moved before")
      }
      return l.pick(
        "门店 \(store) 里已经是另一个展厅 (或重新开始的数据库) 搬来的数据：\(why)；一个门店只搬一个展厅，请为它另建门店 "
          + "(coach store add)；什么都没有写入",
        "store \(store) holds another showroom's rows (or those of a database started anew): \(why); a store takes one "
          + "showroom: add another store for this one (coach store add); nothing was written")
    case .movedNameTaken(let names, let store):
      let list = names.joined(separator: l.pick("、", ", "))
      return l.pick(
        "这些用户名在集团数据库中已属于 \(store) 以外的门店 (或不属于任何门店)：\(list)；请先改名其中一方，什么都没有写入",
        "these user names belong to users of a store other than \(store) (or of none) here: \(list); rename one side "
          + "first; nothing was written")
    case .movedExternalIDsTaken(let ids):
      return l.pick(
        "这些 external_id 在集团数据库中已被其他线索使用：\(ids.joined(separator: ", "))；什么都没有写入",
        "these external ids are already used by other leads here: \(ids.joined(separator: ", ")); nothing was written")
    case .movedRowDangling(let table, let column, let id):
      return l.pick(
        "源数据库已损坏：\(table).\(column) 指向不存在的 \(id)；请先运行 coach doctor，什么都没有写入",
        "the source database is damaged: \(table).\(column) names \(id), which is not there; run coach doctor on it "
          + "first; nothing was written")
    case .movedCountDiffers(let table, let source, let target):
      return l.pick(
        "复制后核对失败：\(table) 源有 \(source) 行，这里有 \(target) 行；什么都没有写入",
        "the check after copying failed: \(table) has \(source) rows there and \(target) here; nothing was written")
    case .migrateNeedsPostgres(let given):
      return l.pick(
        "--to 需要 PostgreSQL 数据库地址 (postgres://用户@主机:端口/库)，而不是 \(given)",
        "--to takes a PostgreSQL database URL (postgres://user@host:port/db), not \(given)")
    case .groupAdminHasNoStore:
      return l.pick(
        "group_admin (集团管理员) 管理所有门店：请不要给 --store", "a group_admin spans every store: leave out --store")
    case .emptyUserName:
      return l.pick("用户名不能为空", "a user needs a non-empty name")
    case .sameUser(let name):
      return l.pick("--from 和 --to 都是 \(name)：请写两个不同的用户", "--from and --to are both \(name): name two different users")
    case .noModel(let id):
      return l.pick(
        "线索 \(id) 没有意向车型：请用 coach lead edit \(id) --model 代码 设置",
        "lead \(id) has no model of interest: set one with `coach lead edit \(id) --model CODE`")
    case .leadModelNotInCatalog(let id, let model):
      return l.pick(
        "线索 \(id) 的车型 \(model) 不在车型目录里 (coach models)",
        "lead \(id)'s model \(model) is not in the catalog (`coach models`)")
    case .unwritable(let path):
      return l.pick("无法写入 \(path)：请检查文件夹存在且可写", "cannot write \(path): check the folder exists and is writable")
    case .outputIsFolder(let path):
      // The example names no kind of file: the audit, an export and a backup all write here.
      let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
      return l.pick(
        "\(path) 是一个文件夹：请给一个文件的路径 (如 \(folder)/文件名)",
        "\(path) is a folder: give the path of a file (e.g. \(folder)/NAME)")
    case .snoozeNotAhead(let until, let today):
      return l.pick(
        "--until \(until) 不晚于今天 (\(today))：暂停跟进要到将来的某一天 (YYYY-MM-DD，最早明天)；取消暂停用 --clear",
        "--until \(until) is not after today (\(today)): a snooze holds follow-ups until a later day (YYYY-MM-DD, tomorrow at the earliest); --clear lifts one"
      )
    case .snoozeTooLong(let until, let latest, let days):
      return l.pick(
        "--until \(until) 太远：暂停跟进最长 \(days) 天，最晚到 \(latest)；客户要更久以后才方便，就到期后再暂停一次 (主管每次都能看到)",
        "--until \(until) is too far ahead: a snooze lasts at most \(days) days, until \(latest) at the latest; if the "
          + "customer needs longer, snooze again when it ends (the team lead sees each one)")
    case .notSnoozed(let id):
      return l.pick(
        "线索 \(id) 没有暂停跟进，无需取消", "lead \(id) is not snoozed: there is nothing to clear")
    case .noPlaybookFolder(let dir):
      return l.pick(
        "话术库文件夹 \(dir) 不存在：--playbooks 要指向含 zh-CN/ 和 en/ 的文件夹",
        "playbook folder \(dir) does not exist: give --playbooks a folder holding zh-CN/ and en/")
    case .noLanguageFolder(let language, let found):
      return l.pick(
        "话术库没有 \(language)/ 文件夹；现有语言：\(found.joined(separator: ", "))",
        "the playbook has no \(language)/ folder; languages found: \(found.joined(separator: ", "))")
    case .invalidPlaybook(let finding):
      return finding.location + finding.message(in: l)
    default:
      return code  // every case is worded in `text` or here; a code is better than nothing if one is not
    }
  }
}

extension ErrorText {
  /// Why a PostgreSQL password file was passed over (as libpq passes it over).
  public enum PasswordFileProblem: Sendable, Hashable {
    /// Its group or others may open it (libpq wants mode 0600 or less).
    case openToOthers
    /// It is a folder or another thing that is no regular file.
    case notAFile
  }

  /// What is wrong with a `postgres://` URL.
  public enum DatabaseURLProblem: Sendable, Hashable {
    case notAURL, noUser, noHost, noDatabase
    case badPort(given: String)
    case badSocketFolder(given: String)
    case unknownParameter(name: String)
    /// `sslmode=` with a value coach does not know (`given`).
    case badSSLMode(given: String)
    /// `sslrootcert=` naming no readable file, or given with an `sslmode` that verifies nothing.
    case badRootCert(given: String)
    /// A URL of another kind (`mysql://…`, `sqlite://…`): never taken for a file name.
    case otherScheme(scheme: String)

    func text(_ l: UILanguage) -> String {
      switch self {
      case .notAURL: return l.pick("无法解析这个地址", "it cannot be parsed as a URL")
      case .noUser: return l.pick("缺少用户名 (user@)", "the user name (user@) is missing")
      case .noHost:
        return l.pick("缺少主机 (或 ?host=/套接字目录)", "the host (or ?host=/socket/dir) is missing")
      case .noDatabase: return l.pick("缺少数据库名 (/数据库)", "the database name (/database) is missing")
      case .badPort(let given):
        return l.pick("端口 \"\(given)\" 不是 1-65535 的数", "the port \"\(given)\" is not a number from 1 to 65535")
      case .badSocketFolder(let given):
        return l.pick(
          "?host=\(given) 不是绝对路径的目录", "?host=\(given) is not an absolute folder path (the unix socket's folder)")
      case .unknownParameter(let name):
        return l.pick(
          "不支持参数 \(name) (只支持 host、sslmode 和 sslrootcert)",
          "the parameter \(name) is not supported (only host, sslmode and sslrootcert are)")
      case .badSSLMode(let given):
        return l.pick(
          "sslmode=\(given) 无效：请用 disable、prefer、require、verify-ca 或 verify-full",
          "sslmode=\(given) is not valid: use disable, prefer, require, verify-ca or verify-full")
      case .badRootCert(let given):
        return l.pick(
          "sslrootcert=\(given) 无效：请给一个可读的 PEM 证书文件，并配合 sslmode=verify-ca 或 verify-full",
          "sslrootcert=\(given) is not usable: give a readable PEM certificate file, with sslmode=verify-ca or "
            + "verify-full")
      case .otherScheme(let scheme):
        return l.pick(
          "\(scheme):// 不是 coach 能用的数据库 (coach 只用 SQLite 文件或 PostgreSQL 服务器)",
          "\(scheme):// is not a database coach runs on (it runs on a SQLite file or a PostgreSQL server)")
      }
    }
  }
}
