import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An `.xlsx` file opened for reading: the zip archive and the parts an import needs (workbook, relationships,
/// styles, shared strings). Every failure is a `bad_xlsx` rejection naming the file and what to do, never a crash.
struct XLSXPackage {
  /// The largest part unpacked (a zip bomb is refused, not unpacked).
  static let maxPartBytes: UInt64 = 1 << 30
  /// The most text the shared-string table may hold: memory stays bounded whatever the file claims.
  static let maxSharedStringBytes = 64 << 20

  let path: String
  let archive: Archive

  init(path: String) throws {
    self.path = path
    try Self.checkSignature(path)
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw Self.damaged(path, "it is not a readable zip archive (truncated or damaged)")
    }
  }

  /// A password-protected workbook is an OLE compound file, not a zip; so is an old `.xls`.
  private static func checkSignature(_ path: String) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw CoachError.refused(.unreadableFile(path: path, missing: !FileManager.default.fileExists(atPath: path)))
    }
    defer { try? handle.close() }
    let head = [UInt8]((try? handle.read(upToCount: 8)) ?? Data())
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw CoachError.refused(.protectedWorkbook(path: path))
    }
    guard head.starts(with: [0x50, 0x4B]) else {
      throw damaged(path, "it is not an .xlsx file (no zip signature)")
    }
  }

  static func damaged(_ path: String, _ why: String) -> CoachError {
    .refused(.damagedWorkbook(path: path, why: why))
  }

  /// Hands `part`'s bytes to `body` chunk by chunk as they are unpacked; false when there is no such part.
  func stream(_ part: String, _ body: (Data) throws -> Void) throws -> Bool {
    guard let entry = archive[part] else { return false }
    guard entry.uncompressedSize <= Self.maxPartBytes else {
      throw Self.damaged(path, "\(part) unpacks to more than 1 GB")
    }
    var written: UInt64 = 0
    var utf8 = UTF8Check()
    var crc = ZipCRC32()
    // What `body` throws (damage the scanner found, a refusal, a stop) is kept apart from the zip's own errors.
    var stopped: (any Error)?
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
        written += UInt64(chunk.count)
        guard written <= Self.maxPartBytes else { throw Self.damaged(path, "\(part) unpacks to more than 1 GB") }
        chunk.withUnsafeBytes { crc.update($0) }
        do {
          try utf8.check(chunk)
          try body(chunk)
        } catch {
          stopped = error
          throw error
        }
      }
    } catch {
      if let damage = stopped as? XLSXScanDamage {
        throw Self.damaged(path, "\(part) is not well-formed XML (\(damage.why))")
      }
      if stopped is UTF8Check.Invalid { throw Self.damaged(path, "\(part) is not UTF-8 text") }
      if let stopped { throw stopped }
      if let error = error as? CoachError { throw error }
      throw Self.damaged(path, "\(part) is damaged (\(error))")
    }
    guard utf8.isComplete else { throw Self.damaged(path, "\(part) is not UTF-8 text") }
    guard crc.value == entry.checksum else {
      throw Self.damaged(path, "\(part) does not match its checksum (the file is damaged)")
    }
    return true
  }

  /// Reads `part` with `XLSXSheetScanner`, streaming, into `sink`: false when there is no such part; `bad_xlsx`
  /// when it is damaged, or what the sink threw.
  func scan(_ part: String, _ sink: some XLSXEvents) throws -> Bool {
    var scanner = XLSXSheetScanner(sheet: sink, part: part)
    guard try stream(part, { try scanner.feed($0) }) else { return false }
    do { try scanner.finish() } catch let e as XLSXScanDamage {
      throw Self.damaged(path, "\(part) is not well-formed XML (\(e.why))")
    }
    return true
  }

  /// Unpacks `part` (a path inside the archive) into a temporary file and parses it with `delegate`, streaming:
  /// memory stays bounded by the parser's buffer whatever the part's size. Returns false when there is no such
  /// part; throws `bad_xlsx` when it is damaged, or what the delegate stopped with.
  @discardableResult
  func parse(_ part: String, _ delegate: XLSXDelegate) throws -> Bool {
    guard let entry = archive[part] else { return false }
    guard entry.uncompressedSize <= Self.maxPartBytes else {
      throw Self.damaged(path, "\(part) unpacks to more than 1 GB")
    }
    let temp = FileManager.default.temporaryDirectory.appendingPathComponent("coach-xlsx-\(UUID().uuidString).xml")
    defer { try? FileManager.default.removeItem(at: temp) }
    guard FileManager.default.createFile(atPath: temp.path, contents: nil, attributes: [.posixPermissions: 0o600]),
      let out = FileHandle(forWritingAtPath: temp.path)
    else { throw CoachError.internalError("cannot create a temporary file for \(part)") }
    // Checked as UTF-8 on the way: Foundation's XMLParser traps on some invalid bytes (in a comment) instead of
    // failing, and a damaged file must never crash the import.
    do {
      defer { try? out.close() }
      _ = try stream(part) { out.write($0) }
    }
    guard let stream = InputStream(fileAtPath: temp.path) else {
      throw CoachError.internalError("cannot read back the temporary file for \(part)")
    }
    let parser = XMLParser(stream: stream)
    parser.delegate = delegate
    let ok = parser.parse()
    if let stop = delegate.stop { throw stop }
    guard ok else {
      let line = parser.lineNumber
      throw Self.damaged(path, "\(part) is not well-formed XML near line \(line)")
    }
    return true
  }
}

/// A parser delegate that may stop the parse with an error (`stop`), thrown after `parse()` returns. Subclasses
/// override these methods: on Linux the protocol's defaults live in an extension, so a method declared only in a
/// subclass would never be called.
class XLSXDelegate: NSObject, XMLParserDelegate {
  var stop: (any Error)?

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {}

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}

  func parser(_ parser: XMLParser, foundCharacters string: String) {}

  /// `<![CDATA[…]]>` is text too.
  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
  }

  /// `x:row` → `row`: prefixes differ between writers.
  static func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
  }

  func fail(_ parser: XMLParser, _ error: any Error) {
    if stop == nil { stop = error }
    parser.abortParsing()
  }
}

/// Checks bytes given in chunks as UTF-8, a sequence split between chunks included.
struct UTF8Check {
  struct Invalid: Error {}
  /// The start of a sequence the last chunk ended in.
  private var pending: [UInt8] = []

  /// Whether the bytes so far ended on a whole character.
  var isComplete: Bool { pending.isEmpty }

  mutating func check(_ chunk: Data) throws {
    var bytes = pending
    bytes.append(contentsOf: chunk)
    // Hold back an unfinished sequence at the end (at most 3 bytes) for the next chunk.
    var end = bytes.count
    var back = 0
    while back < min(3, bytes.count) {
      let b = bytes[bytes.count - 1 - back]
      if b & 0xC0 != 0x80 {
        let need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        if need > back + 1 { end = bytes.count - 1 - back }
        break
      }
      back += 1
    }
    let ok = bytes.withUnsafeBufferPointer {
      String(validating: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) != nil
    }
    guard ok else { throw Invalid() }
    pending = Array(bytes[end...])
  }
}
