import Foundation
import Testing

@testable import CoachCore

/// Workbooks an import must refuse whole (65, a message, nothing written, memory bounded), sheets laid out as
/// people lay them out, and the import's report in both languages.
@Suite struct SpreadsheetRefusalCLITests {
  static let header =
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>客户姓名</t></is></c>"
    + "<c r=\"B1\" t=\"inlineStr\"><is><t>手机号</t></is></c></row>"

  static func sheet(_ rows: String, tail: String = "", prolog: String = "") -> Data {
    Data(
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(prolog)<worksheet xmlns=\"http://schemas.openxmlformats.org/"
        + "spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>\(tail)</worksheet>").utf8)
  }

  /// Runs `import leads` on `data` written to `name`; the database must be as it was before.
  static func refused(_ cli: CLI, _ name: String, _ data: Data, says: String) throws {
    let before = try SpreadsheetImportCLITests.dump(cli.db)
    let path = cli.dir.appendingPathComponent(name)
    try data.write(to: path)
    let r = try cli.run(["import", "leads", path.path], env: ["COACH_USER": "李娜"])
    #expect(r.status == 65, "\(name): \(r.stdout) \(r.stderr)")
    #expect(r.stderr.contains(path.path) && r.stderr.contains(says), "\(name): \(r.stderr)")
    #expect(try SpreadsheetImportCLITests.dump(cli.db) == before, "\(name)")
  }

  @Test("a sheet whose XML is broken (in a sound zip) is refused with 65, nothing written")
  func brokenXML() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", SpreadsheetImportCLITests.fixture("dealership-utf8.csv")]).status == 0)
    let row = "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>王芳</t></is></c><c r=\"B2\"><v>13812345678</v></c></row>"
    let broken: [(String, Data)] = [
      ("unclosed", Self.sheet(Self.header + row + "<row r=\"3\"><c r=\"A3\">")),
      ("mismatched", Self.sheet(Self.header + row.replacingOccurrences(of: "</c></row>", with: "</row></c>"))),
      ("entity", Self.sheet(Self.header + row.replacingOccurrences(of: "王芳", with: "王&bogus;芳"))),
      ("doctype", Self.sheet(Self.header + row, prolog: "<!DOCTYPE x [<!ENTITY a \"b\">]>")),
      ("truncated", Self.sheet(Self.header + row).prefix(150)),
    ]
    for (name, xml) in broken {
      let book = try XLSXWriter.workbook(sheetName: "客户", sheetXML: xml)
      try Self.refused(cli, "\(name).xlsx", book, says: "is not well-formed XML")
    }
  }

  @Test("a shared-string table past 64 MB is refused with 65 before it is all held, memory bounded")
  func hugeSharedStrings() throws {
    let cli = try CLI()
    #expect(try cli.run(["import", "leads", SpreadsheetImportCLITests.fixture("dealership-utf8.csv")]).status == 0)
    let item = "<si><t>" + String(repeating: "长", count: 1000) + "</t></si>"  // 3 kB of text each
    var table = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst>".utf8)
    let chunk = Data(String(repeating: item, count: 1000).utf8)
    for _ in 0..<24 { table.append(chunk) }  // 72 MB
    table.append(Data("</sst>".utf8))
    let book = try XLSXWriter.workbook(
      sheetName: "客户", sheetXML: Self.sheet(Self.header), extraParts: [("xl/sharedStrings.xml", table)])
    try Self.refused(cli, "strings.xlsx", book, says: "64 MB")
    // The largest child this test process has waited for (every `coach` run so far, of any test): an upper bound.
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #expect(usage.ru_maxrss < 400 * 1024, "peak RSS \(usage.ru_maxrss) kB")
  }

  @Test("a header cell merged across two columns, a title above and styled empty rows below: the rows go in")
  func mergedHeaderAndTrailingRows() throws {
    let cli = try CLI()
    let rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>2026年11月 客户登记</t></is></c></row>"
      + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>客户姓名</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>手机号</t>"
      + "</is></c><c r=\"C2\" s=\"1\"/><c r=\"D2\" t=\"inlineStr\"><is><t>意向车型</t></is></c></row>"
      + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>王芳</t></is></c><c r=\"B3\"><v>13812345678</v></c>"
      + "<c r=\"D3\" t=\"inlineStr\"><is><t>X60</t></is></c></row>"
      + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>张伟</t></is></c><c r=\"B4\" t=\"inlineStr\"><is><t>+86 139 1234 5678</t>"
      + "</is></c></row>"
      + "<row r=\"5\"><c r=\"A5\" s=\"1\"/><c r=\"B5\" s=\"1\"/></row><row r=\"6\" customHeight=\"1\"/>"
    let merges = "<mergeCells count=\"2\"><mergeCell ref=\"A1:D1\"/><mergeCell ref=\"B2:C2\"/></mergeCells>"
    let path = cli.dir.appendingPathComponent("merged.xlsx")
    try XLSXWriter.workbook(sheetName: "客户", sheetXML: Self.sheet(rows, tail: merges)).write(to: path)
    let r = try cli.run(["import", "leads", path.path, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try r.json()
    #expect(json["imported"] as? Int == 2)
    #expect((json["skipped"] as? [Any])?.isEmpty == true)
    #expect(r.stderr.contains("column 3 has no name"))
  }

  @Test("bad rows and the dry run speak the run's language; the English words are unchanged")
  func reportLanguages() throws {
    let cli = try CLI()
    let xlsx = SpreadsheetImportCLITests.fixture("dealership.xlsx")
    let zh = try cli.run(["import", "leads", xlsx, "--dry-run", "--lang", "zh-CN"])
    #expect(zh.status == 0, "\(zh.stderr)")
    #expect(zh.stdout.hasPrefix("试运行，未写入任何内容：将导入 5 条线索 (xlsx)；跳过 1 行"), "\(zh.stdout)")
    #expect(zh.stdout.contains("  第 8 行：意向车型 (model) \"极光 S50\" 有歧义"), "\(zh.stdout)")
    #expect(zh.stdout.contains("识别的列：客户编号 → external_id"))
    #expect(zh.stdout.contains("忽略的列：备注"))
    #expect(zh.stdout.contains("将新建顾问：李娜、赵敏"))
    #expect(zh.stderr.contains("不认识的列 \"备注\" (第 11 列) 已忽略"), "\(zh.stderr)")
    let zhJSON = try cli.run(["import", "leads", xlsx, "--dry-run", "--json", "--lang", "zh-CN"]).json()
    let reason = (zhJSON["skipped"] as? [[String: Any]])?.first?["reason"] as? String
    #expect(reason?.contains("有歧义") == true, "\(reason ?? "")")
    let en = try cli.run(["import", "leads", xlsx, "--dry-run", "--lang", "en"])
    #expect(en.stdout.hasPrefix("dry run, nothing written: would import 5 leads (xlsx); skipped 1"))
    #expect(en.stdout.contains("  line 8: 意向车型 (model) \"极光 S50\" is ambiguous: it names"), "\(en.stdout)")
    #expect(en.stderr.contains("unknown column \"备注\" (column 11) ignored"), "\(en.stderr)")
    let headerless = cli.dir.appendingPathComponent("headerless.csv")
    try Data("王芳,13812345678\n".utf8).write(to: headerless)
    let refused = try cli.run(["import", "leads", headerless.path, "--lang", "zh-CN"])
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("表头缺少 name 和 phone；线索文件需要一行表头"), "\(refused.stderr)")
    let strict = try cli.run(["import", "leads", xlsx, "--strict", "--lang", "zh-CN"])
    #expect(strict.status == 65)
    #expect(strict.stderr.contains("--strict: 1 行有误，什么都没有导入"), "\(strict.stderr)")
    #expect(try SpreadsheetImportCLITests.dump(cli.db).contains("INSERT INTO lead") == false)
  }
}
