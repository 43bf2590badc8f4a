import CoachCore
import Foundation
import Testing

@Suite struct TouchImportTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

  static func parse(_ rows: [String], header: String = "lead_external_id,at,channel,outcome,note,next_at") throws
    -> ImportBatch<ImportedTouch>
  {
    let text = ([header] + rows).joined(separator: "\r\n")
    return try CSVImport.touches(Array(text.utf8), options: ImportOptions(zone: shanghai))
  }

  @Test("a touch row is typed; a time without offset is in the import zone")
  func goodRow() throws {
    let batch = try Self.parse(["E1,2025-07-10 10:00,Test-Drive,reached,\"试驾,很满意\",2025-07-12T10:00:00Z"])
    let touch = try #require(batch.rows.first)
    #expect(touch.leadExternalID == "E1")
    #expect(touch.at == Date(timeIntervalSince1970: 1_752_112_800))
    #expect(touch.channel == .testDrive)
    #expect(touch.outcome == .reached)
    #expect(touch.note == "试驾,很满意")
    #expect(touch.nextAt == Date(timeIntervalSince1970: 1_752_314_400))
  }

  @Test("channel and outcome are required; bad codes list what is accepted")
  func codes() throws {
    let batch = try Self.parse([
      "E1,2025-07-10T10:00:00+08:00,,reached,,", "E1,2025-07-10T10:00:00+08:00,fax,maybe,,",
    ])
    #expect(batch.errors.map(\.line) == [2, 3])
    #expect(batch.errors[0].reason == "channel is empty: expected call, sms, wechat, visit, email or test_drive")
    #expect(batch.errors[1].reason.contains("channel \"fax\": expected call, sms"))
    #expect(batch.errors[1].reason.contains("outcome \"maybe\": expected reached, no_answer, declined or visited"))
  }

  @Test("bad or missing times and a next contact before the touch are bad rows")
  func times() throws {
    let batch = try Self.parse([
      ",2025-07-10,call,reached,,", "E1,10/07/2025,call,reached,,",
      "E1,2025-07-10T10:00:00+08:00,call,reached,,2025-07-09",
    ])
    #expect(batch.errors.map(\.line) == [2, 3, 4])
    #expect(batch.errors[0].reason.hasPrefix("lead_external_id is empty"))
    #expect(batch.errors[1].reason.hasPrefix("at \"10/07/2025\": expected ISO 8601"))
    #expect(batch.errors[1].reason.contains("Asia/Shanghai"))
    #expect(batch.errors[2].reason.hasPrefix("next_at \"2025-07-09\" is before at"))
  }

  @Test("a touch identical to an earlier good row of the file is bad at its later line, naming that line")
  func repeatedTouch() throws {
    let batch = try Self.parse([
      "E1,2025-07-10 10:00,call,reached,first,",
      "E1,2025-07-10T10:00:00+08:00,电话,接通,the same touch written again,",
      "E1,2025-07-10 10:00,sms,reached,,",
      "E2,2025-07-10 10:00,call,reached,,",
      "E1,2025-07-10 10:01,call,reached,,",
      "E1,2025-07-10 10:00,call,no_answer,,",
      "E1,2025-07-10 10:00,call,reached,,",
    ])
    #expect(batch.rows.map(\.line) == [2, 4, 5, 6, 7])
    #expect(batch.errors.map(\.line) == [3, 8])
    #expect(
      batch.errors.first?.reason
        == "lead_external_id \"E1\", at \"2025-07-10T10:00:00+08:00\": this touch (call, reached) repeats line 2; "
        + "write each touch once")
    #expect(batch.errors.last?.reason.hasSuffix("repeats line 2; write each touch once") == true)
  }

  @Test("a touches header needs lead_external_id and at")
  func header() throws {
    #expect {
      try Self.parse([], header: "lead_external_id,channel,outcome")
    } throws: { ($0 as? CoachError)?.code == "bad_csv_header" }
  }

  @Test("touches of unknown leads can be rejected by the store")
  func unknownLeads() throws {
    let batch = try Self.parse(["E1,2025-07-10,call,reached,,", "E2,2025-07-10,sms,no_answer,,"])
    let after = batch.rejectingUnknownLeads(knownExternalIDs: ["E2"])
    #expect(after.rows.map(\.leadExternalID) == ["E2"])
    #expect(after.errors == [RowError(line: 2, reason: "lead_external_id \"E1\": no lead has this external_id")])
  }

  @Test("a touch made after --now is a bad row; a next contact after now is what it is for")
  func touchInTheFuture() throws {
    var options = ImportOptions(zone: Self.shanghai)
    options.now = Date(timeIntervalSince1970: 1_752_112_800)  // 2025-07-10 10:00 +08:00
    let text =
      "lead_external_id,at,channel,outcome,next_at\nE1,2025-07-10 10:00,call,reached,2025-08-01\n"
      + "E1,2025-07-11,call,reached,\n"
    let batch = try CSVImport.touches(Array(text.utf8), options: options)
    #expect(batch.rows.map(\.line) == [2])
    #expect(batch.errors.map(\.line) == [3])
    #expect(
      batch.errors.first?.reason
        == "at \"2025-07-11\" is after now (2025-07-10T10:00:00+08:00): it cannot be in the future (an agreed next "
        + "contact goes in next_at)")
  }
}
