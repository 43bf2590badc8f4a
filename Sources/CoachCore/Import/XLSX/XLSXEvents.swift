/// The elements of a worksheet or shared-string part that its readers act on; any other is `other`.
enum XLSXElement: Sendable {
  case row, c, v, t, `is`, rPh, si, other

  /// The element of a local name (after any `x:` prefix), as `XMLParser` gives it.
  init(_ local: Substring) {
    switch local {
    case "row": self = .row
    case "c": self = .c
    case "v": self = .v
    case "t": self = .t
    case "is": self = .is
    case "rPh": self = .rPh
    case "si": self = .si
    default: self = .other
    }
  }

  /// The element of a local name given as UTF-8 bytes (the scanner's), without building a string.
  init(_ name: UnsafeBufferPointer<UInt8>) {
    switch name.count {
    case 1:
      switch name[0] {
      case 0x63: self = .c
      case 0x76: self = .v
      case 0x74: self = .t
      default: self = .other
      }
    case 2:
      if name[0] == 0x69 && name[1] == 0x73 {
        self = .is
      } else if name[0] == 0x73 && name[1] == 0x69 {
        self = .si
      } else {
        self = .other
      }
    case 3:
      if name[0] == 0x72 && name[1] == 0x6F && name[2] == 0x77 {
        self = .row
      } else if name[0] == 0x72 && name[1] == 0x50 && name[2] == 0x68 {
        self = .rPh
      } else {
        self = .other
      }
    default: self = .other
    }
  }
}

/// What reads a part's XML, whichever parser drives it (`XMLParser` through the reader's delegate methods, or
/// `XLSXSheetScanner`): the same three events, so that both paths give the same answers.
protocol XLSXEvents: AnyObject {
  /// An element starts: `attribute` gives its attributes by name (asked only for those the reader needs).
  func start(_ element: XLSXElement, attribute: (String) -> String?)
  /// Text inside the current element.
  func characters(_ string: String)
  /// An element ends; what the reader throws stops the parse.
  func end(_ element: XLSXElement) throws
}
