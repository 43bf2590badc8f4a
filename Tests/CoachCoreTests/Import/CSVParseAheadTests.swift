import Foundation
import Testing

@testable import CoachCore

/// Parsing on a second thread hands over the same outcomes, in the same order, as parsing on one, whatever the
/// batch size and queue length; an error on either side stops both.
@Suite struct CSVParseAheadTests {
  static let options = ImportOptions(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, fileName: "p.csv")

  /// What a record became, comparable.
  enum Seen: Equatable {
    case row(ImportedLead)
    case bad(RowError)
  }

  /// A leads file of `count` records: good rows, bad cells, repeated external ids, blank and short rows.
  static func file(_ count: Int) -> [UInt8] {
    var text = "external_id,name,phone,grade,stage\n"
    for i in 0..<count {
      switch i % 9 {
      case 3: text += "E\(i),客户\(i),1,A,prospect\n"  // bad phone
      case 5: text += "E\(i - 5),重复\(i),13812345678,B,deposit\n"  // repeats an earlier id
      case 6: text += ",,,,\n"  // blank: no outcome
      case 7: text += "E\(i),短\n"  // too few fields
      default: text += "E\(i),客户\(i),138\(String(format: "%08d", i)),\(["A", "H", "b"][i % 3]),delivered\n"
      }
    }
    return Array(text.utf8)
  }

  /// The outcomes of one thread: the whole-file reader.
  static func serial(_ bytes: [UInt8]) throws -> [Seen] {
    let batch = try CSVImport.leads(try CSVReader.read(bytes, fileName: "p.csv"), options: options)
    return
      (batch.rows.map { (line: $0.line, seen: Seen.row($0)) } + batch.errors.map { (line: $0.line, seen: .bad($0)) })
      .sorted { $0.line < $1.line }.map(\.seen)
  }

  static func ahead(_ bytes: [UInt8], batch: Int, queued: Int, chunk: Int) throws -> [Seen] {
    var seen: [Seen] = []
    let end = try CSVParseAhead.run(
      CSVBytes(bytes, chunkSize: chunk), schema: .leads, options: options, mode: nil, batchSize: batch, queued: queued,
      read: { LeadRow.read(&$0, knownModels: nil) }
    ) { outcome in
      switch outcome {
      case .none: Issue.record("a .none outcome was handed over")
      case .header: break
      case .row(let row): seen.append(.row(row))
      case .bad(let error): seen.append(.bad(error))
      }
    }
    #expect(end.mode == (bytes.allSatisfy { $0 < 0x80 } ? nil : .utf8))
    #expect(try end.header.get().fieldCount == 5)
    return seen
  }

  @Test("any batch size and queue length: the outcomes of one thread, in order")
  func sameOutcomes() throws {
    for count in [0, 1, 8, 9, 300] {
      let bytes = Self.file(count)
      let expected = try Self.serial(bytes)
      #expect(expected.count == count - count / 9 - (count % 9 > 6 ? 1 : 0))
      for (batch, queued, chunk) in [(1, 1, 1 << 20), (2, 1, 7), (3, 2, 64), (64, 4, 5), (512, 4, 1 << 20)] {
        #expect(
          try Self.ahead(bytes, batch: batch, queued: queued, chunk: chunk) == expected, "\(count) \(batch) \(queued)")
      }
    }
  }

  struct Refused: Error, Equatable { let at: Int }

  @Test("the consumer's error is thrown after the parse has stopped, whatever is still unread")
  func consumerError() throws {
    let bytes = Self.file(2_000)
    for stopAt in [0, 1, 5, 700] {
      var taken = 0
      #expect(throws: Refused(at: stopAt)) {
        _ = try CSVParseAhead.run(
          CSVBytes(bytes, chunkSize: 13), schema: .leads, options: Self.options, mode: nil, batchSize: 4, queued: 1,
          read: { LeadRow.read(&$0, knownModels: nil) }
        ) { _ in
          if taken == stopAt { throw Refused(at: stopAt) }
          taken += 1
        }
      }
      #expect(taken == stopAt)
    }
  }

  /// A source that fails after `good` chunks.
  struct Failing: CSVByteSource {
    let bytes: [UInt8]
    let good: Int
    func read(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
      try bytes.withUnsafeBufferPointer { all in
        for i in 0..<good { try body(UnsafeBufferPointer(rebasing: all[(i * 10)..<(i * 10 + 10)])) }
      }
      throw Refused(at: -1)
    }
  }

  @Test("the parse's error is thrown after every outcome before it was handed over")
  func producerError() throws {
    let bytes = Self.file(50)
    var lines: [Int] = []
    #expect(throws: Refused(at: -1)) {
      _ = try CSVParseAhead.run(
        Failing(bytes: bytes, good: 20), schema: .leads, options: Self.options, mode: nil, batchSize: 3, queued: 1,
        read: { LeadRow.read(&$0, knownModels: nil) }
      ) { outcome in
        if case .row(let row) = outcome { lines.append(row.line) }
        if case .bad(let error) = outcome { lines.append(error.line) }
      }
    }
    // 200 bytes hold the header and the first rows; every record completed in them was handed over.
    let complete = String(decoding: bytes[..<200], as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .dropLast().count
    let expected = try Self.serial(bytes).compactMap { seen -> Int? in
      switch seen {
      case .row(let row): row.line
      case .bad(let error): error.line
      }
    }.filter { $0 <= complete }
    #expect(lines == expected)
    #expect(!lines.isEmpty)
  }
}
