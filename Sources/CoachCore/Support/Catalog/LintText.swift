/// What `coach playbook lint` (and a refused playbook) says about a finding, in the user's language. Findings made
/// without one (new rules written with a plain message) print their English message.
public enum LintText: Sendable, Hashable {
  // MARK: - Files and YAML
  case noPlaybook(files: String)
  case fileMissing(files: String)
  case emptyFile(section: String)
  case unreadableYAML(detail: String)
  case expectedTopKey(section: String)
  case unknownTopKey(key: String, section: String)
  case unknownKey(path: String, key: String, allowed: String)
  /// `hint`: add how to fix indentation and quoting (for scanner and parser errors).
  case invalidYAML(detail: String, hint: Bool)
  case keyTwice(keys: String)
  case unreadableFile(detail: String)
  case missingKey(path: String, key: String)
  // MARK: - Ids
  case duplicate(what: String, id: String, firstLine: Int?)
  case missingInLanguage(what: String, id: String, other: String)
  // MARK: - Cadence
  case unknownCode(kind: String, code: String, known: String)
  case intervalTooShort(found: String)
  case noInterval(grade: String)
  case factorNotPositive(found: String)
  case mustBeAtLeastOne(found: String)
  /// `first_contact_escalate_hours` not after `first_contact_hours`: the team lead would hear before the consultant.
  case escalationNotAfterLimit(hours: Int, limit: Int)
  /// An escalation key left out: the default it falls back to.
  case noEscalation(key: String, fallback: String)
  // MARK: - Care, topics, models
  case holidayBadDay(id: String, given: String)
  case holidayBadDate(id: String, given: String)
  case holidayAllPast(id: String)
  case holidayNeedsOne(id: String)
  case holidayNoMessage(id: String, message: String)
  case missingBuriedKind(kind: String)
  case unknownArea(rule: String, area: String)
  case ruleNeedsProfileKey(rule: String)
  case notADate(given: String)
  case endsBeforeStart(id: String, from: String, to: String)
  case ended(id: String, on: String)
  /// Texts of a Chinese playbook with ASCII `, : ; ? !` among Chinese: how many, and the first as Chinese writes it.
  case asciiPunctuation(count: Int, typeset: String)
  case badRecurrence(given: String)
  case topicUnknownModel(id: String, code: String, known: String)
  case unknownSegment(code: String, segment: String, known: String)
  case badReplaces(code: String, old: String, known: String)
  case badPrestige(code: String, found: String)
  case badPriceOrWait(code: String)
  case badSeats(code: String, found: Int)
  case openerTakesNoPlaceholder(kind: String, field: String, found: String)
  // MARK: - Objections, messages, labels
  case noExamples(code: String)
  case noMessageFor(occasion: String)
  case careMessageSells(id: String, occasion: String, hits: String)
  case notAFact(id: String, name: String, facts: String)
  case emptySlot(id: String, always: String)
  case labelsMissing(section: String, keys: String, what: String)
  case unknownChannel(channel: String, known: String)

  public func text(_ l: UILanguage) -> String {
    switch self {
    case .noPlaybook(let files):
      return l.pick(
        "没有找到话术库；应有 zh-CN/ 和 en/ 这样的语言文件夹，各含 \(files)",
        "no playbook found; expected language folders such as zh-CN/ and en/ holding \(files)")
    case .fileMissing(let files):
      return l.pick("缺少这个文件；每个语言文件夹都需要 \(files)", "file is missing; every language folder needs \(files)")
    case .emptyFile(let section):
      return l.pick("文件是空的；应以 `\(section):` 开头", "the file is empty; it must start with `\(section):`")
    case .unreadableYAML(let detail):
      return l.pick("无法读取 YAML: \(detail)", "cannot read YAML: \(detail)")
    case .expectedTopKey(let section):
      return l.pick("顶层应是 `\(section):`，内容写在它下面", "expected the top-level key `\(section):` with the section under it")
    case .unknownTopKey(let key, let section):
      return l.pick(
        "未知的顶层键 `\(key)` 已忽略；这个文件只含 `\(section):`",
        "unknown top-level key `\(key)` is ignored; this file holds `\(section):`")
    case .unknownKey(let path, let key, let allowed):
      return l.pick(
        "\(path)：未知的键 `\(key)` 已忽略；这里可用的键：\(allowed)",
        "\(path): unknown key `\(key)` is ignored; keys allowed here: \(allowed)")
    case .invalidYAML(let detail, let hint):
      let zhHint = hint ? "；请检查缩进，含 `: ` 或以 `{`, `[`, `*`, `&` 开头的文字要加引号" : ""
      let enHint =
        hint
        ? "; check the indentation, and put texts containing `: ` or starting with `{`, `[`, `*` or `&` in quotes" : ""
      return l.pick("YAML 格式有误：\(detail)\(zhHint)", "invalid YAML: \(detail)\(enHint)")
    case .keyTwice(let keys):
      return l.pick(
        "同一层里的键写了两次：\(keys)；每个键只能出现一次", "key written twice in one mapping: \(keys); each key may appear once")
    case .unreadableFile(let detail):
      return l.pick("无法读取文件：\(detail)；文件必须是 UTF-8 文本", "cannot read the file: \(detail); files must be UTF-8 text")
    case .missingKey(let path, let key):
      return l.pick(
        "\(path)：缺少键 `\(key)`；请给这一项加上 `\(key):`", "\(path): missing key `\(key)`; add `\(key):` to this entry")
    case .duplicate(let what, let id, let firstLine):
      let zhFirst = firstLine.map { " (第一次在第 \($0) 行)" } ?? ""
      let enFirst = firstLine.map { " (first at line \($0))" } ?? ""
      return l.pick(
        "\(Self.zhWhat(what)) `\(id)` 重复\(zhFirst)；每个都必须唯一",
        "duplicate \(what) `\(id)`\(enFirst); each \(what) must be unique")
    case .missingInLanguage(let what, let id, let other):
      return l.pick(
        "\(Self.zhWhat(what)) `\(id)` 在 \(other) 里有，这里没有；每种语言的编号必须一致",
        "\(what) `\(id)` exists in \(other) but not here; every language must have the same ids")
    case .unknownCode(let kind, let code, let known):
      return l.pick(
        "未知的\(Self.zhWhat(kind)) `\(code)`；可用：\(known)",
        kind == "buried kind"
          ? "unknown buried kind `\(code)`; kinds are \(known)" : "unknown \(kind) `\(code)`; \(kind)s are \(known)")
    case .intervalTooShort(let found):
      return l.pick("间隔至少 1 天，现在是 \(found)", "interval must be at least 1 day, found \(found)")
    case .noInterval(let grade):
      return l.pick(
        "\(grade) 级没有设置间隔；使用 default_follow_up_days", "no interval for grade \(grade); default_follow_up_days is used")
    case .escalationNotAfterLimit(let hours, let limit):
      return l.pick(
        "first_contact_escalate_hours (\(hours)) 必须大于 first_contact_hours (\(limit))：先提醒顾问，再上报主管",
        "first_contact_escalate_hours (\(hours)) must be more than first_contact_hours (\(limit)): the consultant is alerted first, then the team lead"
      )
    case .noEscalation(let key, let fallback):
      return l.pick("没有设置 \(key)；使用 \(fallback)", "no \(key); \(fallback) is used")
    case .factorNotPositive(let found):
      return l.pick("系数必须大于 0，现在是 \(found)", "factor must be above 0, found \(found)")
    case .mustBeAtLeastOne(let found):
      return l.pick("至少为 1，现在是 \(found)", "must be at least 1, found \(found)")
    case .holidayBadDay(let id, let given):
      return l.pick(
        "节日 `\(id)`：`\(given)` 不是日期；请写 月-日，例如 \"10-01\"",
        "holiday `\(id)`: `\(given)` is not a day; write month-day like \"10-01\"")
    case .holidayBadDate(let id, let given):
      return l.pick(
        "节日 `\(id)`：`\(given)` 不是日期；请写 YYYY-MM-DD，例如 \"2026-02-17\"",
        "holiday `\(id)`: `\(given)` is not a date; write YYYY-MM-DD like \"2026-02-17\"")
    case .holidayAllPast(let id):
      return l.pick(
        "节日 `\(id)`：所有日期都已过去；请补上今后几年的日期", "holiday `\(id)`: every date is past; add the coming years' dates")
    case .holidayNeedsOne(let id):
      return l.pick(
        "节日 `\(id)` 需要且只需要 `fixed:` (月-日) 或 `dates:` (YYYY-MM-DD 列表) 之一",
        "holiday `\(id)` needs exactly one of `fixed:` (month-day) or `dates:` (a list of YYYY-MM-DD)")
    case .holidayNoMessage(let id, let message):
      return l.pick(
        "节日 `\(id)`: messages.yaml 里没有短信模板 `\(message)`",
        "holiday `\(id)`: no message template `\(message)` in messages.yaml")
    case .missingBuriedKind(let kind):
      return l.pick(
        "缺少埋下话题的类型 `\(kind)`；每种类型都需要 name、draft_phrase 和 how_to_raise",
        "missing buried kind `\(kind)`; every kind needs a name, draft_phrase and how_to_raise")
    case .unknownArea(let rule, let area):
      return l.pick(
        "规则 `\(rule)`：未知的范围 `\(area)`；请用 person, car 或 life",
        "rule `\(rule)`: unknown area `\(area)`; use person, car or life")
    case .ruleNeedsProfileKey(let rule):
      return l.pick("规则 `\(rule)` 至少需要一个档案键", "rule `\(rule)` needs at least one profile key")
    case .notADate(let given):
      return l.pick("`\(given)` 不是日期；请写 YYYY-MM-DD", "`\(given)` is not a date; write YYYY-MM-DD")
    case .endsBeforeStart(let id, let from, let to):
      return l.pick(
        "制造话题 `\(id)` 的结束日期 (\(to)) 早于开始日期 (\(from))", "created topic `\(id)` ends (\(to)) before it starts (\(from))")
    case .ended(let id, let on):
      return l.pick(
        "制造话题 `\(id)` 已于 \(on) 结束；请删掉或给出新的日期", "created topic `\(id)` ended on \(on); remove it or give it new dates")
    case .asciiPunctuation(let count, let typeset):
      return l.pick(
        "\(count) 段中文用了半角标点 (, : ; ? !)，简报和页面会照原样显示；第一段应写作：\(typeset)",
        "\(count) Chinese texts use ASCII punctuation (, : ; ? !), which the brief and the pages show as written; "
          + "the first, as Chinese writes it: \(typeset)")
    case .badRecurrence(let given):
      return l.pick(
        "`\(given)` 不是重复规则；请用 weekly:1-7 (1 是周一) 或 monthly:1-31",
        "`\(given)` is not a recurrence; use weekly:1-7 (1 Monday) or monthly:1-31")
    case .topicUnknownModel(let id, let code, let known):
      return l.pick(
        "制造话题 `\(id)`：车型 `\(code)` 不在 models.yaml 里；已有：\(known)",
        "created topic `\(id)`: model `\(code)` is not in models.yaml; known: \(known)")
    case .unknownSegment(let code, let segment, let known):
      return l.pick(
        "车型 `\(code)`：未知的级别 `\(segment)`；请用 \(known)", "model `\(code)`: unknown segment `\(segment)`; use \(known)")
    case .badReplaces(let code, let old, let known):
      return l.pick(
        "车型 `\(code)` 替代的 `\(old)` 不是目录里的另一个车型；已有：\(known)",
        "model `\(code)` replaces `\(old)`, which is not another model in the catalog; known: \(known)")
    case .badPrestige(let code, let found):
      return l.pick(
        "车型 `\(code)`：prestige 必须是 1, 2 或 3，现在是 \(found)",
        "model `\(code)`: prestige must be 1, 2 or 3, found \(found)")
    case .badPriceOrWait(let code):
      return l.pick(
        "车型 `\(code)`: price 必须大于 0, wait_weeks 必须是 0 或更多",
        "model `\(code)`: price must be above 0 and wait_weeks 0 or more")
    case .badSeats(let code, let found):
      return l.pick(
        "车型 `\(code)`：seats 必须是 1 或更多，现在是 \(found)", "model `\(code)`: seats must be 1 or more, found \(found)")
    case .openerTakesNoPlaceholder(let kind, let field, let found):
      return l.pick(
        "埋下话题类型 `\(kind)`：\(field) 是说给客户听或发给客户的，不能有占位符 (\(found))；顾问记下的原话只给顾问看",
        "buried kind `\(kind)`: \(field) is said or sent to the customer and takes no placeholder (\(found)); "
          + "the consultant's note stays internal")
    case .noExamples(let code):
      return l.pick(
        "异议 `\(code)` 没有例句；写几句客户的原话，匹配器靠它识别",
        "objection `\(code)` has no examples; add a few phrasings customers use, the matcher needs them")
    case .noMessageFor(let occasion):
      return l.pick(
        "没有场合为 `\(occasion)` 的短信模板；每个跟进动作、season 和 long_time_no_see 都需要一条",
        "no message with occasion `\(occasion)`; every action code, season and long_time_no_see needs one")
    case .careMessageSells(let id, let occasion, let hits):
      return l.pick(
        "短信 `\(id)` (\(occasion)) 提到了 \(hits)；关怀和问候短信 (节日、生日、车生日、换季、三日回访、问题处理) "
          + "只送祝福和关怀：不带促销、优惠和新车",
        "message `\(id)` (\(occasion)) mentions \(hits); care and greeting messages (holiday, birthday, car "
          + "birthday, season, 3-day callback, issue fix) carry wishes and care only: no promotions, offers or new models"
      )
    case .notAFact(let id, let name, let facts):
      return l.pick(
        "短信 `\(id)`：`{\(name)}` 不是短信可以用的事实；可用 \(facts) (备注和话题原文只给顾问看)",
        "message `\(id)`: `{\(name)}` is not a fact a message may carry; use \(facts) (notes and topic texts stay internal)"
      )
    case .emptySlot(let id, let always):
      return l.pick(
        "短信 `\(id)` 可能出现空着的地方：每种说法都用到了可能没有的事实；加一条只用 \(always) 的 fallbacks",
        "message `\(id)` can render an empty slot: every wording needs a fact that may be unknown; add a fallback "
          + "that uses only \(always)")
    case .labelsMissing(let section, let keys, let what):
      return l.pick(
        "labels.\(section) 缺少 \(keys)；每个\(what)都需要一段文字",
        "labels.\(section) is missing \(keys); every \(what) needs a text")
    case .unknownChannel(let channel, let known):
      return l.pick("未知的联系方式 `\(channel)`；请用 \(known)", "unknown channel `\(channel)`; use \(known)")
    }
  }

  /// The Chinese name of a kind of id or code in the messages above.
  static func zhWhat(_ what: String) -> String {
    [
      "holiday id": "节日编号", "dug_up id": "挖掘话题规则编号", "created topic id": "制造话题编号", "model code": "车型代码",
      "objection": "异议", "model": "车型", "message": "短信模板", "holiday": "节日", "created topic": "制造话题",
      "dug_up rule": "挖掘话题规则", "buried kind": "埋下话题类型", "grade": "级别", "tier": "价值等级", "stage": "阶段",
      "objection code": "异议代码", "message id": "短信模板编号",
    ][what] ?? what
  }
}
