import Foundation

/// Every way an import file may name a column or write a value besides the contract's own words, in one table.
///
/// This is the one place to read (and extend) what `coach import` understands: a header or value not listed here
/// (nor a code, nor a playbook label or model name) is not understood. Headers and words are compared with
/// `ImportVocabulary.key`: case, white space (ASCII and full-width), `-` and `_` ignored.
/// Contract: "Spreadsheets as dealerships keep them".
public enum ImportVocabularyTable {
  // MARK: - Column names

  /// Leads: other names of each column (the contract's list).
  public static let leadHeaders: [String: [String]] = [
    "external_id": ["编号", "外部编号", "客户编号"],
    "name": ["姓名", "客户姓名", "客户"],
    "phone": ["电话", "手机", "手机号", "联系电话", "手机号码"],
    "wechat": ["微信", "微信号"],
    "email": ["邮箱", "电子邮箱"],
    "gender": ["性别"],
    "birthday": ["生日", "出生日期"],
    "city": ["城市"],
    "source": ["来源", "线索来源", "渠道"],
    "consultant": ["销售顾问", "顾问", "负责人"],
    "model": ["意向车型", "车型"],
    "grade": ["级别", "意向级别", "客户级别"],
    "tier": ["价值等级"],
    "tags": ["标签"],
    "stage": ["阶段", "状态", "客户状态"],
    "created_at": ["创建时间", "建档时间", "登记时间"],
    "profile": ["画像", "客户画像"],
  ]

  /// Touches: other names of each column (the contract's list).
  public static let touchHeaders: [String: [String]] = [
    "lead_external_id": ["客户编号", "编号", "外部编号"],
    "at": ["时间", "跟进时间"],
    "channel": ["方式", "跟进方式"],
    "outcome": ["结果", "跟进结果"],
    "note": ["备注", "跟进内容"],
    "next_at": ["下次联系", "下次跟进时间", "下次联系时间"],
    "levers": ["换车理由", "换车话术"],
  ]

  // MARK: - Values

  /// Common words for each stage, besides its code and the playbook's labels (`ui.stage_*`, both languages).
  public static let stages: [String: [String]] = [
    "prospect": ["有望客户", "潜在客户", "潜客", "意向客户", "跟进中", "新线索"],
    "deposit": [
      "定金", "已交定金", "交定金", "付定金", "已付定金", "订金", "已交订金", "交订金", "付订金", "已付订金", "已下定", "下定", "已订车",
      "订车",
    ],
    "waiting_for_delivery": ["待交车", "已签约", "已签约待交车", "等车", "waiting"],
    "delivered": ["已交车", "交车", "已提车", "提车", "成交", "已成交"],
    "churned": ["战败", "流失", "已流失", "已战败", "战败客户", "流失客户", "放弃", "已放弃", "lost"],
  ]

  /// Common words for each channel, besides its code and the playbook's labels (`ui.channel_*`).
  public static let channels: [String: [String]] = [
    "call": ["电话", "打电话", "去电", "来电", "phone"],
    "sms": ["短信", "text"],
    "wechat": ["微信"],
    "visit": ["到店", "来店", "拜访", "上门", "展厅"],
    "email": ["邮件", "电子邮件", "邮箱"],
    "test_drive": ["试驾", "试乘试驾"],
  ]

  /// Common words for each outcome, besides its code and the playbook's labels (`ui.outcome_*`).
  public static let outcomes: [String: [String]] = [
    "reached": ["已接通", "接通", "已联系", "通话"],
    "no_answer": ["未接通", "未接", "无人接听", "没接", "关机", "占线"],
    "declined": ["拒绝", "拒接", "挂断", "不感兴趣"],
    "visited": ["已到店", "到店", "来店"],
  ]

  /// The well-known tags (`KnownTag`) as people write them, besides their codes in any case (the playbooks' words
  /// for them: `warnings.*`, the labels `lead show` prints). A tag not listed is kept as written.
  public static let tags: [String: [String]] = [
    "warning": ["警示客户", "警示", "警告客户", "⚠ 警示", "warning customer"],
    "vip": ["VIP客户", "VIP 客户", "贵宾", "贵宾客户", "VIP customer"],
    "fleet": ["大客户", "集团客户", "集团采购", "大客户 (集团采购)", "fleet customer"],
    "difficult": ["难缠客户", "难缠", "difficult customer"],
  ]

  /// Genders: the contract's codes and how people write them. Any other value is a bad row.
  public static let genders: [String: [String]] = [
    "male": ["男", "男性", "男士", "先生", "m"],
    "female": ["女", "女性", "女士", "f"],
    "other": ["其他", "其它"],
  ]

  /// Grades and tiers may carry a suffix: `H级`, `A类`, `B 级`.
  public static let gradeSuffixes: [String] = ["级", "类"]

  /// Day forms besides `YYYY-MM-DD` (a time `H:MM[:SS]` may follow a space): how the day is cut into parts.
  /// `YYYY/M/D` (Excel, WPS), `YYYY.M.D`, `YYYY年M月D日`.
  public static let daySeparators: [Character] = ["/", ".", "年", "月"]
  /// Closes the `年月日` form (`日` or `号`).
  public static let dayEnds: [Character] = ["日", "号"]

  /// Models: the catalog's code (any case), or its name in any language with spaces and case ignored; a name
  /// that is the start of more than one catalog name (`极光 S50` of `极光 S50 (老款)` and `极光 S50N`) is
  /// ambiguous and makes the row bad.
  public static let modelRule = "a catalog code or name"
}

extension KnownTag {
  /// The well-known tag `text` names as people write it (`警示客户` → `warning`, `VIP客户` → `vip`, any case), else
  /// `text` as given: `lead add --tag` and `lead edit --tag/--untag` read tags as an import does.
  public static func code(for text: String) -> String {
    let folded = text.lowercased()
    if all.contains(folded) { return folded }
    for (code, words) in ImportVocabularyTable.tags where words.contains(where: { $0.lowercased() == folded }) {
      return code
    }
    return text
  }
}

extension ImportVocabularyTable {
  /// The gender codes in the order messages list them.
  public static let genderCodes = ["male", "female", "other"]

  /// Every word that stands for a gender, male's first, then female's and other's (a refusal lists them).
  public static var genderWords: [String] { genderCodes.flatMap { genders[$0] ?? [] } }

  /// The gender code `value` stands for: a code or one of its words, compared as an import compares a cell
  /// (`ImportVocabulary.key`: case, spaces, `-` and `_` aside); nil else. `lead add|edit --gender` reads it so.
  public static func gender(_ value: String) -> String? {
    let v = ImportVocabulary.key(value)
    return genderCodes.first { code in
      ImportVocabulary.key(code) == v || (genders[code] ?? []).contains { ImportVocabulary.key($0) == v }
    }
  }
}
