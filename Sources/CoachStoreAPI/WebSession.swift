import CoachCore
import Foundation

/// A browser session of `coach serve`, found by the hash of its cookie.
public struct WebSession: Sendable, Hashable {
  public var user: User
  /// The token every change made in this session must echo (`X-CSRF-Token`, or the form's `csrf_token`).
  public var csrfToken: String
  public var expiresAt: Date

  public init(user: User, csrfToken: String, expiresAt: Date) {
    self.user = user
    self.csrfToken = csrfToken
    self.expiresAt = expiresAt
  }
}

// MARK: - Passwords, sessions and calendar tokens (schema v7-serve)
