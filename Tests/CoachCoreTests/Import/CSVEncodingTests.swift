import CoachCore
import Foundation
import Testing

@Suite struct CSVEncodingTests {
  static let zhangWeiGBK: [UInt8] = [0xD5, 0xC5, 0xCE, 0xB0]  // 张伟
  static let liNaGBK: [UInt8] = [0xC0, 0xEE, 0xC4, 0xC8]  // 李娜
  static let beijingGBK: [UInt8] = [0xB1, 0xB1, 0xBE, 0xA9]  // 北京

  @Test("a GBK file is detected and decoded with names intact")
  func gbk() throws {
    let bytes =
      Array("name,phone,city\n".utf8) + Self.zhangWeiGBK + Array(",13812345678,".utf8) + Self.beijingGBK
      + Array("\n".utf8) + Self.liNaGBK + Array(",13912345678,".utf8) + Self.beijingGBK + Array("\n".utf8)
    let file = try CSVReader.read(bytes)
    #expect(file.encoding == .gb18030)
    #expect(
      file.records.map(\.fields) == [
        ["name", "phone", "city"], ["张伟", "13812345678", "北京"], ["李娜", "13912345678", "北京"],
      ])
    #expect(file.records.allSatisfy { $0.problem == nil })
  }

  @Test("a UTF-8 file with one invalid line reports exactly that line and reads the rest")
  func utf8WithOneBadLine() throws {
    let good = "name,phone\n张伟,13812345678\n李娜,13912345678\n"
    let bytes = Array(good.utf8) + [0xFF, 0xFE, 0x41] + Array(",13712345678\n王芳,13612345678\n".utf8)
    let file = try CSVReader.read(bytes)
    #expect(file.encoding == .utf8)
    #expect(file.records.filter { $0.problem != nil }.map(\.line) == [4])
    #expect(file.records[3].problem == CSVReader.invalidUTF8)
    #expect(file.records[4].fields == ["王芳", "13612345678"])
  }

  @Test("a file that is neither UTF-8 nor GB18030 is rejected naming the first bad line")
  func neither() throws {
    let bytes = Array("name,phone\n".utf8) + [0xFF, 0x80] + Array(",1\n".utf8) + [0x80, 0xFF] + Array(",2\n".utf8)
    #expect {
      try CSVReader.read(bytes, fileName: "x.csv")
    } throws: { error in
      guard let e = error as? CoachError else { return false }
      return e.code == "bad_csv_encoding" && e.message.contains("x.csv") && e.message.contains("line 2")
    }
  }

  @Test("a BOM means UTF-8 even when a line would read as GBK")
  func bomWins() throws {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("name\n张伟\n李娜\n".utf8) + Self.zhangWeiGBK + Array("\n".utf8)
    let file = try CSVReader.read(bytes)
    #expect(file.encoding == .utf8)
    #expect(file.records.map(\.problem) == [nil, nil, nil, CSVReader.invalidUTF8])
  }

  @Test("a pure ASCII file is UTF-8")
  func ascii() throws {
    #expect(try CSVReader.read(Array("a,b\n1,2\n".utf8)).encoding == .utf8)
  }

  @Test("GB18030 four-byte characters decode (U+20000 is 95 32 82 36)")
  func fourByte() throws {
    let bytes = Array("name\n".utf8) + [0x95, 0x32, 0x82, 0x36] + Self.zhangWeiGBK + Array("\n".utf8)
    let file = try CSVReader.read(bytes)
    #expect(file.encoding == .gb18030)
    #expect(file.records[1].fields == ["\u{20000}张伟"])
  }
}
