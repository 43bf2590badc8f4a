import Foundation
import Testing

@testable import CoachCore

/// Headers and values as people write them (`ImportVocabularyTable`): each rule of the table read through a real
/// parse of a file.
@Suite struct ImportVocabularyTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static let vocabulary = ImportVocabulary(
    playbooks: [DefaultPlaybook.decodedSet.playbook("zh-CN"), DefaultPlaybook.decodedSet.playbook("en")].compactMap {
      $0
    })
  static let models = vocabulary.models.map(\.code)

  static func leads(_ text: String, map: [String: String] = [:]) throws -> ImportBatch<ImportedLead> {
    try CSVImport.leads(
      Array(text.utf8),
      options: ImportOptions(
        zone: shanghai, fileName: "leads.csv", knownModels: models, vocabulary: vocabulary, headerMap: map))
  }

  static func touches(_ text: String) throws -> ImportBatch<ImportedTouch> {
    try CSVImport.touches(
      Array(text.utf8), options: ImportOptions(zone: shanghai, fileName: "touches.csv", vocabulary: vocabulary))
  }

  /// One lead row under `header` → the lead (or the reason it is bad).
  static func one(_ header: String, _ row: String) throws -> Result<ImportedLead, RowError> {
    let batch = try leads(header + "\n" + row + "\n")
    if let lead = batch.rows.first { return .success(lead) }
    return .failure(try #require(batch.errors.first))
  }

  @Test("every Chinese header of the contract names its column, case and spaces ignored")
  func chineseHeaders() throws {
    for (column, names) in ImportVocabularyTable.leadHeaders {
      for name in names {
        let others = ["name", "phone"].filter { $0 != column }
        let header = try ImportSchema.leads.bind(
          header: CSVRecord(line: 1, fields: [" \(name) "] + others), vocabulary: Self.vocabulary)
        #expect(header.index[column] == 0, "\(name)")
      }
    }
    for (column, names) in ImportVocabularyTable.touchHeaders {
      for name in names {
        let others = ["lead_external_id", "at"].filter { $0 != column }
        let header = try ImportSchema.touches.bind(
          header: CSVRecord(line: 1, fields: [name] + others), vocabulary: Self.vocabulary)
        #expect(header.index[column] == 0, "\(name)")
      }
    }
    let spaced = try ImportSchema.leads.bind(
      header: CSVRecord(line: 1, fields: ["客户 姓名", "手机\u{3000}号"]), vocabulary: Self.vocabulary)
    #expect(spaced.index == ["name": 0, "phone": 1])
    #expect(spaced.recognised.map(\.column) == ["name", "phone"])
  }

  @Test("--map names any other column, and wins over the table")
  func headerMap() throws {
    let map = try ImportOptions.headerMap(["意向金额=profile", "联系人=name", "Tel = phone"], schema: .leads)
    let batch = try Self.leads("联系人,Tel,意向金额\n王芳,13812345678,预算=20万\n", map: map)
    let lead = try #require(batch.rows.first)
    #expect(lead.name == "王芳")
    #expect(lead.phone == "13812345678")
    #expect(lead.profile == [ProfileFact(key: "预算", value: "20万")])
    #expect(throws: CoachError.self) { try ImportOptions.headerMap(["电话=mobile"], schema: .leads) }
    #expect(throws: CoachError.self) { try ImportOptions.headerMap(["no-equals"], schema: .leads) }
  }

  @Test("phones with +86, spaces and dashes; a number cell's digits")
  func phones() throws {
    for p in [
      "+86 138 1234 5678", "138-1234-5678", "+86-138-1234-5678", "0086 138 1234 5678", "8613812345678", "13812345678",
    ] {
      #expect(try Self.one("姓名,电话", "王芳,\(p)").get().phone == "13812345678", "\(p)")
    }
  }

  @Test("days in four forms, a time may follow")
  func dates() throws {
    let may3 = LocalDate(year: 1990, month: 5, day: 3)
    for d in ["1990-05-03", "1990/5/3", "1990.5.3", "1990年5月3日", "1990年05月03日", "1990/5/3 0:00"] {
      #expect(try Self.one("姓名,电话,生日", "王芳,13812345678,\(d)").get().birthday == may3, "\(d)")
    }
    let at = Date(timeIntervalSince1970: 1_793_667_900)  // 2026-11-03T09:05:00+08:00
    for t in ["2026-11-03T09:05:00+08:00", "2026/11/3 9:05", "2026.11.3 09:05", "2026年11月3日 9:05", "2026年11月3日9:05:00"]
    {
      #expect(try Self.one("姓名,电话,建档时间", "王芳,13812345678,\(t)").get().createdAt == at, "\(t)")
    }
    #expect(ImportDates.canonical("2026年2月30日").map(TimeParsing.day) ?? nil == nil)
    if case .failure(let e) = try Self.one("姓名,电话,生日", "王芳,13812345678,5/3/1990") {
      #expect(e.reason.contains("YYYY年M月D日"))
    } else {
      Issue.record("5/3/1990 should be refused")
    }
  }

  @Test("grades with 级, genders 男/女, stages as words and playbook labels")
  func words() throws {
    let h = "姓名,电话,级别,性别,客户状态"
    let cases: [(String, Grade, String, Stage)] = [
      ("H级", .h, "女", .prospect), ("a级", .a, "男", .churned), ("B 级", .b, "女士", .delivered),
      ("C类", .c, "male", .deposit),
    ]
    let stages = ["有望客户", "战败", "已交车", "已交定金"]
    for (i, c) in cases.enumerated() {
      let lead = try Self.one(h, "王芳,13812345678,\(c.0),\(c.2),\(stages[i])").get()
      #expect(lead.grade == c.1)
      #expect(lead.gender == (c.2 == "男" || c.2 == "male" ? "male" : "female"))
      #expect(lead.stage == c.3)
    }
    let words: [(String, Stage)] = [
      ("流失", .churned), ("Lost", .churned), ("Waiting for delivery", .waitingForDelivery), ("待交车", .waitingForDelivery),
      ("已战败", .churned), ("已签约", .waitingForDelivery),
    ]
    for (word, stage) in words {
      #expect(try Self.one("姓名,电话,阶段", "王芳,13812345678,\(word)").get().stage == stage, "\(word)")
    }
    // Any other gender was kept as written, and then stored; it is a bad row naming the codes and the words.
    if case .failure(let e) = try Self.one("姓名,电话,性别", "王芳,13812345678,未知") {
      #expect(
        e.reason
          == "性别 (gender) \"未知\": expected male, female or other (or 男, 男性, 男士, 先生, m (male); 女, 女性, 女士, f (female); 其他, 其它 (other))"
      )
    } else {
      Issue.record("未知 is no gender")
    }
    #expect(try Self.one("姓名,电话,性别", "王芳,13812345678,F").get().gender == "female")
    if case .failure(let e) = try Self.one("姓名,电话,阶段", "王芳,13812345678,考虑中") {
      #expect(e.reason.hasPrefix("阶段 (stage) \"考虑中\": expected prospect"))
    } else {
      Issue.record("考虑中 is no stage")
    }
  }

  @Test("models by code or catalog name; a name that fits two models is a bad row saying which")
  func models() throws {
    for (v, code) in [
      ("x60", "X60"), ("极光 X60", "X60"), ("极光X60", "X60"), ("Aurora E50", "E50"), ("极光 X70", "X70"),
      ("极光 S50N", "S50N"),
    ] {
      #expect(try Self.one("姓名,电话,车型", "王芳,13812345678,\(v)").get().model == code, "\(v)")
    }
    guard case .failure(let e) = try Self.one("姓名,电话,车型", "王芳,13812345678,极光 S50") else {
      Issue.record("极光 S50 is ambiguous")
      return
    }
    #expect(e.reason.contains("ambiguous") && e.reason.contains("S50N") && e.reason.contains("S50 ("))
    guard case .failure(let q) = try Self.one("姓名,电话,车型", "王芳,13812345678,Q7") else { return }
    #expect(q.reason.hasPrefix("车型 (model) \"Q7\": expected a catalog code or name"))
  }

  @Test("touches: channels and outcomes as words, times in the sheet forms")
  func touchWords() throws {
    let batch = try Self.touches(
      "客户编号,跟进时间,跟进方式,跟进结果,跟进内容\nK1,2026/11/10 10:00,电话,未接通,\nK1,2026年11月11日,到店,已到店,看车\n"
        + "K1,2026.11.12,微信,已接通,\nK1,2026-11-13,试驾,拒绝,\nK1,2026-11-14,Call,No answer,\n")
    #expect(batch.errors.isEmpty, "\(batch.errors)")
    #expect(batch.rows.map(\.channel) == [.call, .visit, .wechat, .testDrive, .call])
    #expect(batch.rows.map(\.outcome) == [.noAnswer, .visited, .reached, .declined, .noAnswer])
  }

  @Test("files in the contract's codes read exactly as before (the vocabulary is asked only after codes fail)")
  func codesUnchanged() throws {
    let text = "external_id,name,phone,gender,grade,stage,model\nE1,王芳,13812345678,男,H,deposit,X40\n"
    let plain = try CSVImport.leads(
      Array(text.utf8), options: ImportOptions(zone: Self.shanghai, knownModels: Self.models))
    let rich = try Self.leads(text)
    #expect(rich.rows == plain.rows)
    #expect(rich.rows.first?.gender == "male")
  }

  @Test("--map HEADER=ignore reads nothing from the column and does not warn; a --map header not in the file warns")
  func mapIgnore() throws {
    let map = try ImportOptions.headerMap(["备注=ignore", "Fax=phone"], schema: .leads)
    let batch = try Self.leads("姓名,电话,备注\n王芳,13812345678,老客户介绍\n", map: map)
    #expect(batch.rows.count == 1)
    #expect(batch.warnings == ["leads.csv:1: --map names \"fax\", which the header does not have"])
    let header = try ImportSchema.leads.bind(
      header: CSVRecord(line: 1, fields: ["姓名", "电话", "备注"]), vocabulary: Self.vocabulary, map: map)
    #expect(header.ignoredColumns == ["备注"])
    #expect(header.recognised.map(\.column) == ["name", "phone"])
  }

  @Test("a column read as profile may hold bare values, each a fact named by its header")
  func mapProfileValues() throws {
    let map = try ImportOptions.headerMap(["意向金额=profile"], schema: .leads)
    let batch = try Self.leads("姓名,电话,意向金额\n王芳,13812345678,20万\n张伟,13912345678,预算=30万\n", map: map)
    #expect(batch.errors.isEmpty)
    #expect(
      batch.rows.map(\.profile) == [[ProfileFact(key: "意向金额", value: "20万")], [ProfileFact(key: "预算", value: "30万")]])
  }

  @Test("a bad --map says what was wrong and names every field accepted, in the user's language")
  func badMap() throws {
    func message(_ arg: String, _ schema: ImportSchema, _ l: UILanguage = .en) -> String? {
      do { _ = try ImportOptions.headerMap([arg], schema: schema) } catch let e as CoachError {
        #expect(e.exitCode == 64)
        return e.message(in: l)
      } catch {}
      return nil
    }
    let fields = ImportSchema.leads.columns.joined(separator: ", ") + ", ignore"
    #expect(
      message("意向=profil", .leads)
        == "--map \"意向=profil\": there is no field \"profil\"; the fields of a leads file: \(fields) (ignore: skip the column)"
    )
    #expect(message("意向", .leads)?.hasPrefix("--map \"意向\": expected HEADER=FIELD") == true)
    #expect(message("=name", .leads)?.contains(fields) == true)
    #expect(message("X=profile", .touches)?.contains("\"profile\" is not a field of a touches file") == true)
    #expect(message("X=profile", .touches)?.contains("lead_external_id, at, channel, outcome, note, next_at") == true)
    #expect(message("X=profil", .leads, .zh)?.contains("没有字段 \"profil\"；线索文件的字段：") == true)
  }
}
