import Foundation

/// Every failure a user can cause or meet, mapped once to an exit code in the executable.
public enum CoachError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// Bad command line (exit 64).
  case usage(String)
  /// Input rejected: unknown lead, illegal stage change, invalid playbook, bad import row (exit 65).
  case rejected(code: String, message: String)
  /// Something broke inside coach (exit 70).
  case internalError(String)
  /// A refusal from the message catalog, worded in the user's language when printed (exit 64 or 65).
  case said(ErrorText)

  public var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .rejected: return 65
    case .internalError: return 70
    case .said(let text): return text.isUsage ? 64 : 65
    }
  }

  /// Short machine code for `{"error": {"code": ...}}`.
  public var code: String {
    switch self {
    case .usage: return "usage"
    case .rejected(let code, _): return code
    case .internalError: return "internal"
    case .said(let text): return text.code
    }
  }

  public var message: String {
    switch self {
    case .usage(let m), .internalError(let m): return m
    case .rejected(_, let m): return m
    case .said(let text): return text.text(.en)
    }
  }

  /// The message in `language`: catalog refusals are worded in it, older messages stay as written.
  public func message(in language: UILanguage) -> String {
    if case .said(let text) = self { return text.text(language) }
    return message
  }

  public var description: String { message }
  public var errorDescription: String? { message }
}
