import CoachCore
import Foundation
import Testing

@Suite struct LeadImportTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
  static let header =
    "external_id,name,phone,wechat,email,gender,birthday,city,source,consultant,model,grade,tier,tags,stage,created_at"
  static let good =
    "E1,张伟,138 1234 5678,zw88,zw@example.com,男,1990-05-03,北京,车展,王芳,x40,H,A,vip; fleet,deposit,"
    + "2025-07-01T09:30:00+08:00"

  static func parse(_ rows: [String], header: String = header, models: [String]? = nil) throws -> ImportBatch<
    ImportedLead
  > {
    let text = ([header] + rows).joined(separator: "\n") + "\n"
    return try CSVImport.leads(
      Array(text.utf8), options: ImportOptions(zone: shanghai, fileName: "leads.csv", knownModels: models))
  }

  /// The single bad row of `row` placed at line 2.
  static func reason(_ row: String, models: [String]? = nil) throws -> String {
    let batch = try parse([row], models: models)
    #expect(batch.rows.isEmpty)
    #expect(batch.errors.map(\.line) == [2])
    return batch.errors.first?.reason ?? ""
  }

  @Test("a complete row becomes a typed lead")
  func goodRow() throws {
    let batch = try Self.parse([Self.good], models: ["S30", "X40"])
    #expect(batch.errors.isEmpty)
    let lead = try #require(batch.rows.first)
    #expect(lead.line == 2)
    #expect(lead.externalID == "E1")
    #expect(lead.name == "张伟")
    #expect(lead.phone == "13812345678")
    #expect(lead.birthday == LocalDate(year: 1990, month: 5, day: 3))
    #expect(lead.model == "X40")
    #expect(lead.grade == .h)
    #expect(lead.tier == .a)
    #expect(lead.tags == ["vip", "fleet"])
    #expect(lead.stage == .deposit)
    #expect(lead.createdAt == Date(timeIntervalSince1970: 1_751_333_400))
  }

  @Test("empty cells are not given: only name and phone are needed")
  func minimalRow() throws {
    let lead = try #require(Self.parse([",李娜,13912345678,,,,,,,,,,,,,"]).rows.first)
    #expect(lead.externalID == nil)
    #expect(lead.grade == nil)
    #expect(lead.stage == .prospect)
    #expect(lead.createdAt == nil)
    #expect(lead.tags.isEmpty)
  }

  @Test("each kind of bad cell names the column, the value and what is accepted")
  func badCells() throws {
    let base = Self.good.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    func with(_ column: Int, _ value: String) -> String {
      var cells = base
      cells[column] = value
      return cells.joined(separator: ",")
    }
    #expect(try Self.reason(with(1, "  ")) == "name is empty: every lead needs a name")
    #expect(try Self.reason(with(2, "12345")).hasPrefix("phone \"12345\": expected a mobile like 13812345678"))
    #expect(try Self.reason(with(2, "")).hasPrefix("phone is empty"))
    #expect(try Self.reason(with(4, "zw@")).hasPrefix("email \"zw@\": expected an address"))
    #expect(
      try Self.reason(with(6, "1990-02-30")).hasPrefix("birthday \"1990-02-30\": expected a real day as YYYY-MM-DD"))
    #expect(
      try Self.reason(with(11, "X")) == "grade \"X\": expected H, A, B or C (a suffix 级 or 类 is allowed, like H级)")
    #expect(try Self.reason(with(12, "E")) == "tier \"E\": expected A, B, C or D (a suffix 级 or 类 is allowed, like A级)")
    #expect(
      try Self.reason(with(14, "won")).hasPrefix("stage \"won\": expected prospect, deposit, waiting_for_delivery"))
    #expect(try Self.reason(with(15, "yesterday")).contains("created_at \"yesterday\": expected ISO 8601"))
    #expect(
      try Self.reason(with(10, "Q7"), models: ["S30", "X40"])
        == "model \"Q7\": expected a catalog code or name: S30 or X40")
    #expect(try Self.reason(with(5, "x")).hasPrefix("gender \"x\": expected male, female or other (or 男"))
  }

  @Test("a consultant's name that `coach user add` would refuse is a bad row; the cell is trimmed first")
  func consultantNames() throws {
    let base = Self.good.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    func with(_ name: String) -> String {
      var cells = base
      cells[9] = name
      return cells.joined(separator: ",")
    }
    let long = String(repeating: "王", count: 41)
    for name in ["a/b", "<script>", "a\\b", long, "王\u{7}芳"] {
      #expect(
        try Self.reason(with(name)).hasPrefix("consultant \"\(TerminalText.visible(name))\": a user name is 1 to 40"),
        "\(name)")
    }
    let ok = try Self.parse([with("  " + String(repeating: "王", count: 40) + " ")])
    #expect(ok.errors.isEmpty)
    #expect(ok.rows.first?.consultant == String(repeating: "王", count: 40))
  }

  @Test("several bad cells in one row are all named")
  func severalReasons() throws {
    let reason = try Self.reason(",,12,,,,,,,,,Z,,,,")
    #expect(reason.contains("name is empty"))
    #expect(reason.contains("phone \"12\""))
    #expect(reason.contains("grade \"Z\""))
  }

  @Test("a row shorter than the header has its missing cells empty, as spreadsheets write them")
  func shortRow() throws {
    let batch = try Self.parse(["E1,张伟,13812345678", "E2,李娜,13912345678,,,,,,,,,H"])
    #expect(batch.errors.isEmpty)
    #expect(batch.rows.map(\.externalID) == ["E1", "E2"])
    #expect(batch.rows.map(\.grade) == [nil, .h])
    #expect(batch.rows.first?.stage == .prospect)
  }

  @Test("cells past the header may be empty; one that holds a value is bad, naming its column and value")
  func longRow() throws {
    let empty = try Self.parse([",李娜,13912345678,,,,,,,,,,,,,,,  ,"])
    #expect(empty.errors.isEmpty && empty.rows.count == 1)
    #expect(
      try Self.reason(",李娜,13912345678,,,,,,,,,,,,,,, ,北京国际车展")
        == "column 19 \"北京国际车展\": the header has only 16 columns (a comma inside a value needs the value in quotes; "
        + "or name the column in the header)")
  }

  @Test("invalid UTF-8 in a UTF-8 file is a bad row at its line")
  func invalidUTF8() throws {
    let text = Self.header + "\n" + Self.good + "\n"
    let bytes = Array(text.utf8) + [0xC3, 0x28] + Array(",13812345679,,,,,,,,,,,,,,\n".utf8)
    let batch = try CSVImport.leads(bytes, options: ImportOptions(zone: Self.shanghai))
    #expect(batch.rows.count == 1)
    #expect(batch.errors == [RowError(line: 3, reason: CSVReader.invalidUTF8)])
  }

  @Test("a NUL character in a field is a bad row naming the field, not text cut short")
  func nulCharacter() throws {
    let text = Self.header + "\n" + Self.good + "\n"
    for (row, field) in [("E2,王\u{0}芳,13812345679,,,,,,,,,,,,,", 2), (",李娜,13912345678,,,,,,,,,,,,,\u{0}", 16)] {
      let batch = try CSVImport.leads(Array((text + row + "\n").utf8), options: ImportOptions(zone: Self.shanghai))
      #expect(batch.rows.count == 1)
      #expect(batch.errors.map(\.line) == [3])
      let header = field == 2 ? "name" : "created_at"
      #expect(batch.errors.first?.reason.hasPrefix("column \(field) (\(header)) contains a NUL character") == true)
    }
    // GB18030 files alike (张伟 in GBK, then NUL).
    let gb =
      Array((Self.header + "\nE2,").utf8) + [0xD5, 0xC5, 0x00, 0xCE, 0xB0] + Array(",13812345679,,,,,,,,,,,,,\n".utf8)
    let batch = try CSVImport.leads(gb, options: ImportOptions(zone: Self.shanghai))
    #expect(batch.errors.first?.reason.hasPrefix("column 2 (name) contains a NUL character") == true)
  }

  @Test("a repeated external_id is bad at its later line; ids in the database can be rejected too")
  func duplicates() throws {
    let other = ",李娜,13912345678,,,,,,,,,,,,,"
    let batch = try Self.parse([Self.good, other, Self.good.replacingOccurrences(of: "张伟", with: "张三")])
    #expect(batch.rows.map(\.line) == [2, 3])
    #expect(batch.errors == [RowError(line: 4, reason: "external_id \"E1\" repeats line 2")])
    let after = batch.rejectingExisting(externalIDs: ["E1"])
    #expect(after.rows.map(\.line) == [3])
    #expect(after.errors.map(\.line) == [2, 4])
    #expect(after.errors.first?.reason == "external_id \"E1\" already exists in the database")
  }

  @Test("header names ignore case, spaces and a BOM; unknown columns warn and are ignored")
  func headerNames() throws {
    let batch = try Self.parse(["张伟, 13812345678 ,whatever"], header: "\u{FEFF} Name ,PHONE,Hobby")
    #expect(batch.rows.first?.name == "张伟")
    #expect(batch.warnings.count == 1)
    #expect(batch.warnings.first?.contains("unknown column \"Hobby\" (column 3)") == true)
  }

  @Test("a header without name or phone rejects the file with bad_csv_header")
  func missingColumns() throws {
    #expect {
      try Self.parse(["张伟"], header: "name")
    } throws: { error in
      (error as? CoachError)?.code == "bad_csv_header" && (error as? CoachError)?.message.contains("phone") == true
    }
    #expect(throws: CoachError.self) { try CSVImport.leads([], options: ImportOptions(zone: .gmt)) }
    #expect(throws: CoachError.self) { try Self.parse([], header: "name,phone,name") }
  }

  @Test("profile takes key=value pairs and rejects a pair without =")
  func profile() throws {
    let ok = try Self.parse(["张伟,13812345678,hobby=钓鱼;career=教师"], header: "name,phone,profile")
    #expect(
      ok.rows.first?.profile == [ProfileFact(key: "hobby", value: "钓鱼"), ProfileFact(key: "career", value: "教师")])
    let bad = try Self.parse(["张伟,13812345678,钓鱼"], header: "name,phone,profile")
    #expect(bad.errors.first?.reason.hasPrefix("profile \"钓鱼\": expected key=value") == true)
  }

  @Test("all-empty rows are skipped; strict mode names the first bad line")
  func strict() throws {
    let batch = try Self.parse([",,,,,,,,,,,,,,,", "E1,张伟,1,,,,,,,,,,,,,", "x"])
    #expect(batch.errors.map(\.line) == [3, 4])
    let error = try #require(batch.strictError(fileName: "leads.csv"))
    #expect(error.code == "bad_csv_row")
    #expect(error.message.hasPrefix("leads.csv:3: phone \"1\""))
    #expect(error.message.contains("1 more"))
  }

  @Test("an unclosed quote refuses the whole file (bad_csv_quote) naming the line it opened on, streamed or not")
  func unclosedQuote() throws {
    let text = Self.header + "\n" + Self.good + "\n" + "E2,\"李娜,13912345678\n" + "E3,王芳,13712345678\n"
    func refusal(_ parse: () throws -> Any) -> CoachError? {
      do { _ = try parse() } catch let e as CoachError { return e } catch {}
      return nil
    }
    let options = ImportOptions(zone: Self.shanghai, fileName: "leads.csv")
    for e in [
      refusal { try CSVImport.leads(Array(text.utf8), options: options) },
      refusal { try CSVImport.leads(try CSVReader.read(Array(text.utf8), fileName: "leads.csv"), options: options) },
    ] {
      #expect(e?.code == "bad_csv_quote")
      #expect(
        e?.message.hasPrefix("leads.csv:3: the quote opened on line 3 is never closed") == true,
        "\(String(describing: e))")
      #expect(e?.message.contains("nothing imported") == true)
    }
  }

  @Test("a lead created after --now is a bad row naming the column, the value and now")
  func createdInTheFuture() throws {
    var options = ImportOptions(zone: Self.shanghai)
    options.now = Date(timeIntervalSince1970: 1_751_333_400)  // 2025-07-01 09:30 +08:00
    let text = "name,phone,created_at\n张伟,13812345678,2025-07-01 09:30\n李娜,13912345678,2025-07-01 09:31\n"
    let batch = try CSVImport.leads(Array(text.utf8), options: options)
    #expect(batch.rows.map(\.line) == [2])
    #expect(
      batch.errors == [
        RowError(
          line: 3,
          reason: "created_at \"2025-07-01 09:31\" is after now (2025-07-01T09:30:00+08:00): it cannot be in the future"
        )
      ])
  }

  @Test("a bad cell's reason names the column as the file's header writes it")
  func reasonsNameTheHeader() throws {
    let batch = try Self.parse(["王芳,12,X,Y"], header: "客户姓名,手机号,Grade,价值等级")
    let reason = try #require(batch.errors.first?.reason)
    #expect(reason.hasPrefix("手机号 (phone) \"12\": expected"), "\(reason)")
    #expect(reason.contains("; Grade \"X\": expected H, A, B or C"), "\(reason)")
    #expect(reason.contains("; 价值等级 (tier) \"Y\": expected A, B, C or D"), "\(reason)")
  }

  @Test("the well-known tags as people write them read as their codes; other tags stay as written")
  func tagWords() throws {
    let batch = try Self.parse(["张伟,13812345678,警示客户;大客户;VIP;二胎家庭;warning"], header: "name,phone,tags")
    #expect(batch.rows.first?.tags == ["warning", "fleet", "vip", "二胎家庭"])
    let zh = try Self.parse(["张伟,13812345678,难缠客户；集团客户"], header: "name,phone,tags")
    #expect(zh.rows.first?.tags == ["difficult", "fleet"])
  }
}
