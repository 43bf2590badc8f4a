import CoachCore
import Foundation
import Testing

/// Random and mutated input never crashes a parser; every rejection is a `CoachError.rejected` (exit 65) naming the place.
@Suite struct ParserFuzzTests {
  let zone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

  static let leadsCSV = """
    external_id,name,phone,wechat,email,gender,birthday,city,source,consultant,model,grade,tier,tags,stage,created_at
    L1,王芳,13812345678,wf,wf@example.com,female,1985-04-12,上海,showroom,李娜,X60,H,A,vip;warning,prospect,2026-11-01T10:00:00+08:00
    L2,"Zhang, Wei",+86 139 8765 4321,,,男,1990/2/3,,web,张伟,E50,A,B,,deposit,2026-11-02 09:30
    L3,陈静,010-12345678,,,,,,phone,,,B,,fleet,churned,
    """

  static let touchesCSV = """
    lead_external_id,at,channel,outcome,note,next_at
    L1,2026-11-03T10:00:00+08:00,call,reached,"问了""等车""时间",2026-11-05T10:00:00Z
    L2,2026-11-04 15:00,wechat,no_answer,,
    """

  /// Physical lines of a file: LF, CRLF and a lone CR each end one.
  static func physicalLines(_ b: [UInt8]) -> Int {
    var n = 1
    for (i, c) in b.enumerated() where c == 0x0A || (c == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) { n += 1 }
    return n
  }

  /// Outcomes seen, so a test can show it reached good rows, bad rows and whole-file rejections.
  struct Tally {
    var rows = 0, badRows = 0, rejected = 0
  }

  /// Checks one parse outcome: bad rows name a real line after the header; a thrown error is a 65 naming the file.
  func checkCSV<Row>(_ bytes: [UInt8], _ parse: ([UInt8]) throws -> ImportBatch<Row>, seed: Int, tally: inout Tally) {
    let lines = Self.physicalLines(bytes)
    do {
      let batch = try parse(bytes)
      for e in batch.errors {
        #expect(e.line >= 2 && e.line <= lines, "seed \(seed): line \(e.line) of \(lines)")
        #expect(!e.reason.isEmpty, "seed \(seed)")
      }
      #expect(batch.rows.count + batch.errors.count < lines, "seed \(seed)")
      tally.rows += batch.rows.count
      tally.badRows += batch.errors.count
    } catch let error as CoachError {
      tally.rejected += 1
      #expect(error.exitCode == 65, "seed \(seed): \(error)")
      #expect(error.message.contains("fuzz.csv"), "seed \(seed): \(error.message)")
    } catch {
      Issue.record("seed \(seed): unexpected \(type(of: error)): \(error)")
    }
  }

  @Test func mutatedLeadAndTouchFilesAreParsedOrRejectedWithAPlace() {
    var rng = SeededRandom(seed: fuzzSeed(1))
    let options = ImportOptions(zone: zone, fileName: "fuzz.csv", knownModels: ["X60", "E50"])
    var tally = Tally()
    for i in 0..<fuzzIterations(300) {
      checkCSV(
        Mutate.bytes(Array(Self.leadsCSV.utf8), &rng), { try CSVImport.leads($0, options: options) }, seed: i,
        tally: &tally)
      checkCSV(
        Mutate.bytes(Array(Self.touchesCSV.utf8), &rng), { try CSVImport.touches($0, options: options) }, seed: i,
        tally: &tally)
    }
    #expect(tally.rows > 0 && tally.badRows > 0 && tally.rejected > 0, "\(tally)")
    print("fuzz: \(2 * fuzzIterations(300)) mutated CSV files: \(tally)")
  }

  @Test func randomCellsInValidFilesAreGoodRowsOrBadRowsWithALine() {
    var rng = SeededRandom(seed: fuzzSeed(2))
    let options = ImportOptions(zone: zone, fileName: "fuzz.csv", knownModels: ["X60"])
    let header = "external_id,name,phone,gender,birthday,consultant,model,grade,tier,tags,stage,created_at"
    var tally = Tally()
    for i in 0..<fuzzIterations(300) {
      let rows = (0..<3).map { _ in
        (0..<12).map { _ in "\"" + Mutate.text(&rng).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
          separator: ",")
      }
      checkCSV(
        Array(([header] + rows).joined(separator: "\n").utf8), { try CSVImport.leads($0, options: options) }, seed: i,
        tally: &tally)
    }
    #expect(tally.badRows > 0, "\(tally)")
    print("fuzz: \(fuzzIterations(300)) CSV files of random cells: \(tally)")
  }

  @Test func randomTextIsATimeADayOrNothing() {
    var rng = SeededRandom(seed: fuzzSeed(3))
    print("fuzz: \(fuzzIterations(3000)) random strings as times, days and dates")
    for _ in 0..<fuzzIterations(3000) {
      let s = Mutate.text(&rng)
      if let date = TimeParsing.instant(s, zone: zone) {
        let printed = TimeParsing.iso(date, zone: zone)
        // Known edge: 9999-12-31T23:59:60Z is accepted (leap second) and lands in year 10000, which prints with
        // five year digits that `instant` refuses. Only the four-digit years the contract speaks of must round-trip.
        if printed.prefix(5).last != "-" { continue }
        #expect(
          TimeParsing.instant(printed, zone: zone).map { abs($0.timeIntervalSince(date)) < 1 } == true,
          "\(s) -> \(printed)")
      }
      if let day = LocalDate(s) {
        #expect(LocalDate(day.description) == day, "\(s)")
        #expect(day.month >= 1 && day.month <= 12 && day.day >= 1 && day.day <= 31)
      }
      _ = TimeParsing.day(s)
    }
  }

  @Test func mutatedDatesNeverCrashAndNeverInventDays() {
    var rng = SeededRandom(seed: fuzzSeed(4))
    print("fuzz: \(fuzzIterations(3000)) mutated dates and times")
    let seeds = [
      "2026-11-24", "2024-02-29", "2026-11-24T09:00:00+08:00", "2026-11-24 09:00", "2026/1/5", "2026-11-24T09:00:00.5Z",
    ]
    for _ in 0..<fuzzIterations(3000) {
      let s = String(decoding: Mutate.bytes(Array(Mutate.pick(seeds, &rng).utf8), &rng), as: UTF8.self)
      _ = TimeParsing.instant(s, zone: zone)
      if let day = TimeParsing.day(s) { #expect(day.day <= LocalDate.daysIn(month: day.month, year: day.year), "\(s)") }
    }
  }

  @Test func phoneNormalizationIsIdempotentAndMaskingTotal() {
    var rng = SeededRandom(seed: fuzzSeed(5))
    print("fuzz: \(fuzzIterations(3000)) random and mutated phone numbers")
    let seeds = ["13812345678", "+86 138 1234 5678", "010-12345678", "0086-13812345678", "(021)6543 2109"]
    for _ in 0..<fuzzIterations(3000) {
      let s =
        Bool.random(using: &rng)
        ? Mutate.text(&rng) : String(decoding: Mutate.bytes(Array(Mutate.pick(seeds, &rng).utf8), &rng), as: UTF8.self)
      if let p = Phone.normalize(s) {
        #expect(Phone.normalize(p) == p, "\(s) -> \(p)")
        #expect(p.allSatisfy { $0.isASCII && $0.isNumber }, "\(s) -> \(p)")
        #expect(!Phone.mask(p).contains(p) || p.count < 4, "\(p) not masked")
      }
      _ = Phone.mask(s)
    }
  }
}
