import CoachCore
import Foundation
import Testing

/// Sheets as dealerships keep them: title rows above the header, a header in two rows, row numbers filled in down
/// the sheet, a totals row at the foot.
@Suite struct ImportSheetLayoutTests {
  static func parse(_ lines: [String]) throws -> ImportBatch<ImportedLead> {
    let vocabulary = try #require(Self.vocabulary)
    let text = lines.joined(separator: "\n") + "\n"
    return try CSVImport.leads(
      Array(text.utf8),
      options: ImportOptions(zone: LeadImportTests.shanghai, fileName: "sheet.csv", vocabulary: vocabulary))
  }

  static let vocabulary: ImportVocabulary? = (try? DefaultPlaybook.load()).map {
    ImportVocabulary(playbooks: ["zh-CN", "en"].compactMap($0.playbook))
  }

  @Test("title rows that name no column stand above the header; lines stay the file's")
  func titleRows() throws {
    let batch = try Self.parse([
      "东店客户登记表,,,,导出日期：2026-11-24",
      "客户信息,,销售信息,,",
      "客户姓名,手机号,意向车型,销售顾问,建档时间",
      "王小明,13800000001,X60,李娜,2026-11-01",
    ])
    #expect(batch.errors.isEmpty)
    let lead = try #require(batch.rows.first)
    #expect(lead.line == 4)
    #expect(lead.name == "王小明")
    #expect(lead.consultant == "李娜")
  }

  @Test("a file whose first rows name no column is refused at its first row, as before")
  func noHeader() throws {
    for count in [2, 8] {
      let rows = (1...count).map { "王小明\($0),1380000000\($0 % 10),X60" }
      #expect {
        try Self.parse(rows)
      } throws: { error in
        "\(error)".contains("sheet.csv:1:")
      }
    }
  }

  @Test("a header that names a column but not name and phone is refused, not skipped as a title")
  func headerMissingAColumn() throws {
    #expect {
      try Self.parse(["客户姓名,意向车型", "王小明,X60"])
    } throws: { error in
      "\(error)".contains("sheet.csv:1:")
    }
  }

  @Test("rows with only a row number, and a totals row, are blank rows; a row with something read is still told of")
  func numberedAndTotalsRows() throws {
    let batch = try Self.parse([
      "序号,客户编号,客户姓名,手机号,意向车型",
      "1,K1,王小明,13800000001,X60",
      "2,,,,",
      "3,,,,",
      "合计,,,,",
      ",合计,,,",
      "4,K9,,,X40",
    ])
    #expect(batch.rows.map(\.line) == [2])
    #expect(batch.errors.map(\.line) == [7])
  }
}

/// Consultants' names as sheets write them.
@Suite struct ImportConsultantNameTests {
  @Test("a Chinese name padded with spaces to line up is the consultant it names")
  func paddedNames() throws {
    #expect(UserName.unpadded("李 娜") == "李娜")
    #expect(UserName.unpadded("王\u{3000}芳") == "王芳")
    #expect(UserName.unpadded("欧阳  娜娜") == "欧阳娜娜")
    #expect(UserName.unpadded("Li Na") == "Li Na")
    #expect(UserName.unpadded("李娜 Lina") == "李娜 Lina")
    #expect(UserName.unpadded("李娜") == "李娜")
    let batch = try ImportSheetLayoutTests.parse(["客户姓名,手机号,销售顾问", "王小明,13800000001, 李 娜 "])
    #expect(batch.rows.first?.consultant == "李娜")
  }
}

/// Values as people type them into a sheet.
@Suite struct ImportTypedValueTests {
  @Test("full-width letters, more stage and gender words, a birthday without separators, tags by commas")
  func typedValues() throws {
    let batch = try ImportSheetLayoutTests.parse([
      "客户姓名,手机号,级别,价值等级,客户状态,性别,出生日期,标签",
      "王小明,13800000001,Ｈ级,Ａ,交定金,男士,19900101,\"vip, warning\"",
      "李红,13800000002,ａ 级,Ｂ,战败客户,女士,1988/7/8,大客户、二胎家庭",
      "张三,13800000003,B,C,已付定金,男,19900230,",
    ])
    #expect(batch.rows.count == 2)
    let first = try #require(batch.rows.first)
    #expect(first.grade == .h)
    #expect(first.tier == .a)
    #expect(first.stage == .deposit)
    #expect(first.gender == "male")
    #expect(first.birthday == LocalDate(year: 1990, month: 1, day: 1))
    #expect(first.tags == ["vip", "warning"])
    let second = try #require(batch.rows.last)
    #expect(second.grade == .a)
    #expect(second.stage == .churned)
    #expect(second.tags == ["fleet", "二胎家庭"])
    // 1990-02-30 is no day, written either way.
    #expect(batch.errors.map(\.line) == [4])
    #expect(ImportVocabulary.halfWidth("Ｘ６０") == "X60")
    #expect(ImportVocabulary.halfWidth("极光 X60") == "极光 X60")
  }
}

/// Extra columns of a sheet kept as customer facts.
@Suite struct ImportProfileColumnsTests {
  @Test("several columns mapped to profile each give facts named by their headers")
  func severalProfileColumns() throws {
    let text = "客户名,客户手机,意向金额,爱好,备注\n王小明,13800000001,20万,钓鱼,\n李红,13800000002,,摄影;骑行,x\n"
    let options = ImportOptions(
      zone: LeadImportTests.shanghai, fileName: "t.csv",
      headerMap: try ImportOptions.headerMap(
        ["客户名=name", "客户手机=phone", "意向金额=profile", "爱好=profile", "备注=ignore"], schema: .leads))
    let batch = try CSVImport.leads(Array(text.utf8), options: options)
    #expect(batch.errors.isEmpty)
    #expect(batch.rows.first?.profile == [ProfileFact(key: "意向金额", value: "20万"), ProfileFact(key: "爱好", value: "钓鱼")])
    #expect(batch.rows.last?.profile == [ProfileFact(key: "爱好", value: "摄影"), ProfileFact(key: "爱好", value: "骑行")])
  }
}
