import CoachCore
import Foundation
import Testing

@Suite struct CSVWriterTests {
  @Test("fields are quoted only when they need it, inner quotes doubled")
  func quoting() {
    #expect(
      CSVWriter.line(["plain", "a,b", "say \"hi\"", "two\nlines", " pad", "张伟", ""])
        == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",张伟,")
  }

  @Test("BOM and CRLF are applied when asked")
  func bomAndCRLF() {
    let text = CSVWriter.render([["a", "b"], ["1", "2"]], lineEnding: .crlf, bom: true)
    #expect(Array(text.utf8).prefix(3) == [0xEF, 0xBB, 0xBF])
    #expect(text == "\u{FEFF}a,b\r\n1,2\r\n")
    #expect(CSVWriter.render([["a"]]) == "a\n")
  }

  @Test("a lead export starts with the import columns, masks phones and imports back")
  func exportImportsBack() throws {
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    let lead = LeadSnapshot(
      id: 1, externalID: "E1", name: "张伟", phone: "13812345678", birthday: LocalDate(year: 1990, month: 5, day: 3),
      city: "北京, 朝阳", grade: .a, tags: ["vip", "fleet"], profile: [ProfileFact(key: "hobby", value: "钓鱼")],
      stage: .deposit, createdAt: Date(timeIntervalSince1970: 1_751_333_400))
    #expect(Array(LeadExport.header.prefix(16)) == Array(ImportSchema.leads.columns.prefix(16)))
    let masked = LeadExport.row(lead, zone: zone, maskPhone: true)
    #expect(masked[2] == "138****5678")
    #expect(masked[15] == "2025-07-01T09:30:00+08:00")
    let text = LeadExport.csv([lead], zone: zone, maskPhone: false)
    let batch = try CSVImport.leads(Array(text.utf8), options: ImportOptions(zone: zone))
    #expect(batch.errors.isEmpty)
    #expect(batch.warnings.isEmpty)  // the trailing id column is accepted and ignored
    let back = try #require(batch.rows.first)
    #expect(back.name == "张伟")
    #expect(back.city == "北京, 朝阳")
    #expect(back.tags == ["vip", "fleet"])
    #expect(back.profile == lead.profile)
    #expect(back.stage == .deposit)
    #expect(back.createdAt == lead.createdAt)
  }

  @Test("a cell that starts like a formula is exported with a ' in front and imported back without it")
  func formulaCellsAreDefused() throws {
    let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    #expect(CSVWriter.defused("=1+1") == "'=1+1")
    #expect(CSVWriter.defused("+86") == "'+86")
    #expect(CSVWriter.defused("-x") == "'-x")
    #expect(CSVWriter.defused("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVWriter.defused("\tx") == "'\tx")
    #expect(CSVWriter.defused("\rx") == "'\rx")
    #expect(CSVWriter.defused("张伟") == "张伟")
    #expect(CSVWriter.defused("'quoted") == "'quoted")
    let name = "=HYPERLINK(\"http://x\",\"y\")"
    let lead = LeadSnapshot(
      id: 1, name: name, phone: "13812345678", city: "-北京", tags: ["@vip"], stage: .prospect,
      createdAt: Date(timeIntervalSince1970: 1_751_333_400))
    let text = LeadExport.csv([lead], zone: zone, maskPhone: false)
    #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
    #expect(!text.contains(",=") && !text.contains("\n="))
    let batch = try CSVImport.leads(Array(text.utf8), options: ImportOptions(zone: zone))
    #expect(batch.errors.isEmpty)
    let back = try #require(batch.rows.first)
    #expect(back.name == name)
    #expect(back.city == "-北京")
    #expect(back.tags == ["@vip"])
    // A ' before anything else is the cell's own.
    let own = try CSVImport.leads(Array("name,phone\n'Lao Wang,13812345678\n".utf8), options: ImportOptions(zone: zone))
    #expect(own.rows.first?.name == "'Lao Wang")
  }
}
