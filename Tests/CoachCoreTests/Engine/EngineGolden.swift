import Foundation

@testable import CoachCore

/// Text dumps of everything the engine decides for demo data sets, and short digests of them.
enum EngineGolden {
  /// One data set and clock.
  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var seed: UInt64
    var leads: Int
    var now: String
    var zone: String
    var language: String
    var description: String { name }
  }

  /// The 200-lead demo and larger sets of other seeds, at clocks that stress the day arithmetic
  /// (a leap day near midnight, DST changes at 02:00 and at midnight, the demo's own clock).
  static let cases: [Case] = [
    Case(
      name: "s42-shanghai", seed: 42, leads: 200, now: "2026-11-24T09:00:00+08:00", zone: "Asia/Shanghai",
      language: "zh-CN"),
    Case(
      name: "s42-newyork", seed: 42, leads: 200, now: "2025-03-09T12:00:00-04:00", zone: "America/New_York",
      language: "en"),
    Case(
      name: "s42-leapday", seed: 42, leads: 200, now: "2028-02-29T23:30:00+08:00", zone: "Asia/Shanghai",
      language: "zh-CN"),
    Case(
      name: "s7-shanghai", seed: 7, leads: 1_200, now: "2026-11-24T09:00:00+08:00", zone: "Asia/Shanghai",
      language: "zh-CN"),
    Case(
      name: "s7-santiago", seed: 7, leads: 1_200, now: "2025-09-08T10:00:00-03:00", zone: "America/Santiago",
      language: "en"),
    Case(
      name: "s11-london", seed: 11, leads: 1_200, now: "2025-10-27T12:00:00Z", zone: "Europe/London",
      language: "en"),
  ]

  /// Lines per digest.
  static let block = 50

  static func dump(_ c: Case) throws -> [String] {
    let zone = TimeZone(identifier: c.zone) ?? .gmt
    let now = Fixture.at(c.now)
    guard let playbook = try DefaultPlaybook.load().playbook(c.language) else { return ["no playbook \(c.language)"] }
    let ctx = EngineContext(playbook: playbook, now: now, zone: zone, consultantName: "李娜")
    let leads = DemoData.generate(now: now, zone: zone, seed: c.seed, leads: c.leads).leads
    let today = LocalDate(now, in: zone)
    let windows = [
      try AuditWindow.lastDays(30, endingOn: today, zone: zone),
      try AuditWindow(from: today.adding(days: -119), to: today.adding(days: -60), zone: zone),
    ]
    // Leads are named by their demo reference (DEMO-0001), as the digests were taken when that was their id.
    let ref = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0.externalID ?? $0.id.description) })
    var lines: [String] = []
    for lead in leads {
      let id = ref[lead.id] ?? ""
      lines.append(id + " next " + (FollowUpEngine.nextAction(for: lead, in: ctx).map(text) ?? "-"))
      for (i, w) in windows.enumerated() {
        for r in FollowUpEngine.followUps(for: lead, in: ctx, from: w.start, to: w.end) {
          lines.append(id + " w\(i) " + text(r))
        }
      }
    }
    for entry in Queue.build(leads: leads, ctx: ctx, limit: 40) {
      lines.append("queue \(ref[entry.leadID] ?? "") \(entry.action.rawValue) \(entry.priority) \(entry.reason)")
    }
    return lines
  }

  static func text(_ a: DueAction) -> String {
    [a.code.rawValue, t(a.dueAt), t(a.deadline), "\(a.overdueDays)", "\(a.priority)", a.detail ?? "-", a.reason]
      .joined(separator: " ")
  }

  static func text(_ r: FollowUpRecord) -> String {
    [r.code.rawValue, t(r.dueAt), t(r.deadline), r.detail ?? "-", r.fulfilledAt.map(t) ?? "-", r.status.rawValue]
      .joined(separator: " ")
  }

  static func t(_ d: Date) -> String { "\(d.timeIntervalSince1970)" }

  /// FNV-1a (64 bit) of each `block` lines, in hex.
  static func digests(_ lines: [String]) -> [String] {
    stride(from: 0, to: lines.count, by: block).map { start in
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for line in lines[start..<min(lines.count, start + block)] {
        for byte in line.utf8 + [10] {
          h ^= UInt64(byte)
          h = h &* 0x100_0000_01b3
        }
      }
      return String(h, radix: 16)
    }
  }
}
