import CoachCore
import Foundation
import Testing

@Suite struct CSVReaderTests {
  static func read(_ text: String) throws -> CSVFile { try CSVReader.read(Array(text.utf8)) }

  @Test("quoted fields keep commas, doubled quotes and empty strings")
  func quotedFields() throws {
    let file = try Self.read("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n")
    #expect(file.records.map(\.fields) == [["a", "b", "c"], ["x,y", "say \"hi\"", ""]])
  }

  @Test("a newline inside quotes stays in the field and later records keep their physical line")
  func embeddedNewlines() throws {
    let file = try Self.read("h1,h2\n\"line one\nline two\",x\nnext,row\n\"a\r\nb\r\nc\",y\nlast,z\n")
    #expect(file.records.map(\.line) == [1, 2, 4, 5, 8])
    #expect(file.records[1].fields == ["line one\nline two", "x"])
    #expect(file.records[3].fields == ["a\r\nb\r\nc", "y"])
  }

  @Test("CRLF, LF and a missing final newline all end records; blank lines are skipped but counted")
  func lineEndings() throws {
    let file = try Self.read("h\r\n1\r\n\r\n2\n\n3")
    #expect(file.records.map(\.fields) == [["h"], ["1"], ["2"], ["3"]])
    #expect(file.records.map(\.line) == [1, 2, 4, 6])
  }

  @Test("a UTF-8 BOM is removed and reported")
  func bom() throws {
    let file = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("name,phone\n张伟,13812345678\n".utf8))
    #expect(file.hadBOM)
    #expect(file.encoding == .utf8)
    #expect(file.records[0].fields == ["name", "phone"])
    #expect(file.records[1].fields == ["张伟", "13812345678"])
  }

  @Test("empty trailing fields count as fields")
  func trailingEmpty() throws {
    let file = try Self.read("a,b,c\n1,,\n")
    #expect(file.records[1].fields == ["1", "", ""])
  }

  @Test("an unclosed quote makes the rest of the file one bad record at its start line")
  func unclosedQuote() throws {
    let file = try Self.read("h1,h2\nok,1\n\"broken,2\nmore,3\n")
    #expect(file.records.count == 3)
    #expect(file.records[2].line == 3)
    #expect(file.records[2].problem?.contains("line 3") == true)
    #expect(file.records[1].problem == nil)
  }

  @Test("an empty file has no records")
  func emptyFile() throws {
    #expect(try Self.read("").records.isEmpty)
  }

  @Test("whatever CSVWriter writes, CSVReader reads back the same fields (seeded random records)")
  func roundTrip() throws {
    var rng = SplitMix64(seed: 42)
    let alphabet: [String] = ["a", "Z", "9", ",", "\"", "\n", "\r\n", " ", "张", "伟", "é", "😀", ";", "="]
    for _ in 0..<200 {
      let width = Int(rng.next() % 5) + 1
      let records = (0..<Int(rng.next() % 6 + 1)).map { _ in
        (0..<width).map { _ in (0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % 14)] }.joined() }
      }
      // A record of one empty field is a blank line, which the reader skips by design.
      guard !records.contains(where: { $0 == [""] }) else { continue }
      for ending in [CSVWriter.LineEnding.lf, .crlf] {
        let text = CSVWriter.render(records, lineEnding: ending, bom: true)
        let file = try CSVReader.read(Array(text.utf8))
        #expect(file.records.map(\.fields) == records, "\(text.debugDescription)")
      }
    }
  }
}
