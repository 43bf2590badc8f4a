import Foundation

/// A file's records read, decoded and checked on a second thread while the caller writes the rows it already has:
/// the outcomes come back in file order, in batches through a bounded queue (memory stays bounded), so the caller
/// sees exactly the sequence a single thread makes. Parsing a leads file is about a third of an import's CPU time.
enum CSVParseAhead {
  /// What the parse found at the end of the file: the encoding tally and the header (or why it is unusable).
  struct End: Sendable {
    var mode: CSVEncoding?
    var tally: EncodingTally
    var header: Result<ImportHeader, Error>
  }

  /// Parses `source` on another thread, calling `body` on this one with each record's outcome (`.none` left out)
  /// in file order; returns what the parse found at the end. The first error thrown, by the parse or by `body`, in
  /// file order, is thrown, after the other thread has stopped.
  static func run<Row: ImportedRow>(
    _ source: some ImportSource, schema: ImportSchema, options: ImportOptions, mode: CSVEncoding?,
    batchSize: Int = 512, queued: Int = 4, read: @escaping @Sendable (inout RowReader) -> Row?,
    _ body: (RecordOutcome<Row>) throws -> Void
  ) throws -> End {
    let channel = Channel<Row>(capacity: max(1, queued))
    let size = max(1, batchSize)
    DispatchQueue.global(qos: .userInitiated).async {
      channel.finish(
        Result {
          var processor = RowProcessor(schema: schema, options: options, read: read)
          var batch: [RecordOutcome<Row>] = []
          batch.reserveCapacity(size)
          let decoder: ImportRecordsEnd
          do {
            decoder = try source.records(mode: mode) { record in
              let outcome = processor.take(record)
              if case .none = outcome { return }
              batch.append(outcome)
              if batch.count == size {
                guard channel.put(batch) else { throw Stopped() }
                batch.removeAll(keepingCapacity: true)
              }
            }
          } catch {
            // What came before the error is handed over first, as one thread would have written it.
            if !(error is Stopped), !batch.isEmpty { _ = channel.put(batch) }
            throw error
          }
          if !batch.isEmpty { guard channel.put(batch) else { throw Stopped() } }
          return End(mode: decoder.mode, tally: decoder.tally, header: Result { try processor.finish() })
        })
    }
    defer { channel.stop() }
    while let batch = channel.take() {
      for outcome in batch { try body(outcome) }
    }
    return try channel.end()
  }

  /// The consumer stopped taking (it threw): the parse ends without reading further.
  private struct Stopped: Error {}

  /// Batches from the parsing thread to the caller's, at most `capacity` waiting, then the parse's end.
  private final class Channel<Row: ImportedRow>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[RecordOutcome<Row>]] = []
    private var result: Result<End, Error>?
    private var stopped = false

    init(capacity: Int) { self.capacity = capacity }

    /// Producer: queues `batch`, waiting while the queue is full; false when the consumer has stopped.
    func put(_ batch: [RecordOutcome<Row>]) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      while batches.count >= capacity && !stopped { condition.wait() }
      guard !stopped else { return false }
      batches.append(batch)
      condition.broadcast()
      return true
    }

    /// Producer: the parse is over (every batch put).
    func finish(_ end: Result<End, Error>) {
      condition.lock()
      result = end
      condition.broadcast()
      condition.unlock()
    }

    /// Consumer: the next batch in order, waiting for it; nil once the parse is over and every batch taken.
    func take() -> [RecordOutcome<Row>]? {
      condition.lock()
      defer { condition.unlock() }
      while batches.isEmpty && result == nil { condition.wait() }
      guard !batches.isEmpty else { return nil }
      condition.broadcast()
      return batches.removeFirst()
    }

    /// Consumer: how the parse ended (after `take` gave nil).
    func end() throws -> End {
      condition.lock()
      defer { condition.unlock() }
      guard let result else { throw CoachError.internalError("the import's parse has not ended") }
      return try result.get()
    }

    /// Consumer, on leaving: tells the producer to stop and waits until it has.
    func stop() {
      condition.lock()
      stopped = true
      condition.broadcast()
      while result == nil { condition.wait() }
      condition.unlock()
    }
  }
}
