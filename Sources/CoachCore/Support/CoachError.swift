import Foundation

/// Every failure a user can cause or meet, mapped once to an exit code in the executable.
public enum CoachError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  /// Bad command line (exit 64).
  case usage(String)
  /// Input rejected: unknown lead, illegal stage change, invalid playbook, bad import row (exit 65).
  case rejected(code: String, message: String)
  /// Something broke inside coach (exit 70).
  case internalError(String)

  public var exitCode: Int32 {
    switch self {
    case .usage: return 64
    case .rejected: return 65
    case .internalError: return 70
    }
  }

  /// Short machine code for `{"error": {"code": ...}}`.
  public var code: String {
    switch self {
    case .usage: return "usage"
    case .rejected(let code, _): return code
    case .internalError: return "internal"
    }
  }

  public var message: String {
    switch self {
    case .usage(let m), .internalError(let m): return m
    case .rejected(_, let m): return m
    }
  }

  public var description: String { message }
  public var errorDescription: String? { message }
}
