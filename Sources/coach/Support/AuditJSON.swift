import CoachCore
import Foundation

/// A rate (0…1) or a median, rounded to four decimals; `null` when there is nothing to measure.
struct NumberJSON: Encodable {
  let value: Double?

  init(_ value: Double?) { self.value = value }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value { try c.encode((value * 10_000).rounded() / 10_000) } else { try c.encodeNil() }
  }
}

/// A value written as JSON `null` when absent (a synthesized `Encodable` leaves an optional's key out instead).
struct NullableJSON<Value: Encodable>: Encodable {
  let value: Value?

  init(_ value: Value?) { self.value = value }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value { try c.encode(value) } else { try c.encodeNil() }
  }
}

/// Rates and medians written alike: `1.0` and `0.0`, not `1` and `0` as JSONEncoder writes a whole Double.
enum JSONDecimals {
  /// `data` (pretty-printed JSON, one key per line) with `.0` added to the whole numbers of measure keys: those
  /// ending in `_rate` or `_minutes`, or starting with `median_`. A string value never holds a raw line break or an
  /// unescaped quote, so a line `"key" : 12,` is a key and its value. One pass over the bytes (a regular expression
  /// over the half-megabyte of a large team's audit cost a tenth of the run).
  static func pointed(_ data: Data) -> Data {
    let bytes = [UInt8](data)
    var out = [UInt8]()
    out.reserveCapacity(bytes.count + 4_096)
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
      out.append(contentsOf: bytes[start..<end])
      if let at = wholeMeasureEnd(bytes[start..<end]) {
        out.insert(contentsOf: Array(".0".utf8), at: out.count - (end - at))
      }
      if end < bytes.count { out.append(UInt8(ascii: "\n")) }
      start = end + 1
    }
    return Data(out)
  }

  /// Where the digits end in a line `"measure_key" : 123` or `… : 123,` (the index after the last digit), else nil.
  static func wholeMeasureEnd(_ line: ArraySlice<UInt8>) -> Int? {
    guard let open = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[open] == UInt8(ascii: "\""),
      let close = line[(open + 1)...].firstIndex(of: UInt8(ascii: "\""))
    else { return nil }
    let key = line[(open + 1)..<close]
    let measure = key.ends(with: "_rate") || key.ends(with: "_minutes") || key.starts(with: Array("median_".utf8))
    guard measure else { return nil }
    var i = close + 1
    while i < line.endIndex && (line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: ":")) { i += 1 }
    if i < line.endIndex && line[i] == UInt8(ascii: "-") { i += 1 }
    let digits = i
    while i < line.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[i]) { i += 1 }
    guard i > digits else { return nil }
    let rest = line[i...]
    return rest.isEmpty || (rest.count == 1 && rest.first == UInt8(ascii: ",")) ? i : nil
  }
}

extension ArraySlice<UInt8> {
  func ends(with suffix: String) -> Bool {
    let s = Array(suffix.utf8)
    return count >= s.count && self.suffix(s.count).elementsEqual(s)
  }
}

/// `coach audit --json` (CONTRACT.md): the contract's keys plus the rest of the audit.
struct AuditJSON: Encodable {
  let from: String
  let to: String
  let generated_at: Date
  let timezone: String
  let weeks: [String]
  let consultants: [AuditRowJSON]
  /// The sum of the consultants (`consultant` is null).
  let team: AuditRowJSON
  /// Exports, unmasked views and backups in the period (export log), and lead transfers (reassignment log).
  var data_access: [AccessEntryJSON] = []
  var transfers: [TransferJSON] = []
  /// With `--compare`: the period before, of as many days (each row then has `previous` and `change`).
  let previous_period: PeriodJSON?

  struct PeriodJSON: Encodable {
    let from, to: String
  }

  init(_ report: AuditReport) {
    from = report.window.from.description
    to = report.window.to.description
    generated_at = report.now
    timezone = report.window.zone.identifier
    let weeks = report.window.weeks.map(\.description)
    self.weeks = weeks
    let days = (0..<report.window.days).map { report.window.from.adding(days: $0).description }
    let before = report.previous
    let whole = Set(report.window.weeks.indices.filter { report.window.isWhole(week: $0) })
    consultants = report.consultants.map {
      AuditRowJSON(
        $0.figures, consultant: $0.consultant, weeks: weeks, whole: whole, days: days,
        previous: before?.figures(of: $0.consultant))
    }
    team = AuditRowJSON(report.team, consultant: nil, weeks: weeks, whole: whole, days: days, previous: before?.team)
    previous_period = before.map { PeriodJSON(from: $0.window.from.description, to: $0.window.to.description) }
  }
}

/// The headline figures of a period, for `previous` (their values then) and `change` (now minus then; rates and
/// medians null when either side is).
struct HeadlineJSON: Encodable {
  let due, on_time, late, missed, touches, new_leads, prospects, deposits, delivered, churned: Int
  let on_time_rate, callback_3day_rate, first_response_minutes, first_response_within_limit_rate: NumberJSON

  init(_ f: AuditFigures) {
    (due, on_time, late, missed, touches) = (f.due, f.onTime, f.late, f.missed, f.touches)
    (new_leads, prospects, deposits, delivered, churned) =
      (f.firstResponse.leads, f.prospects, f.deposits, f.delivered, f.churned)
    on_time_rate = NumberJSON(f.onTimeRate)
    callback_3day_rate = NumberJSON(f.callback3day.rate)
    first_response_minutes = NumberJSON(f.firstResponse.medianMinutes)
    first_response_within_limit_rate = NumberJSON(f.firstResponse.withinLimitRate)
  }

  /// `now − then`, field by field.
  init(change now: AuditFigures, since then: AuditFigures) {
    let a = HeadlineJSON(now), b = HeadlineJSON(then)
    (due, on_time, late, missed, touches) = (a.due - b.due, a.on_time - b.on_time, a.late - b.late, a.missed - b.missed, a.touches - b.touches)
    (new_leads, prospects, deposits, delivered, churned) =
      (a.new_leads - b.new_leads, a.prospects - b.prospects, a.deposits - b.deposits, a.delivered - b.delivered,
       a.churned - b.churned)
    on_time_rate = a.on_time_rate - b.on_time_rate
    callback_3day_rate = a.callback_3day_rate - b.callback_3day_rate
    first_response_minutes = a.first_response_minutes - b.first_response_minutes
    first_response_within_limit_rate = a.first_response_within_limit_rate - b.first_response_within_limit_rate
  }
}

extension NumberJSON {
  /// The difference, nil when either side is nil.
  static func - (l: NumberJSON, r: NumberJSON) -> NumberJSON {
    guard let a = l.value, let b = r.value else { return NumberJSON(nil) }
    return NumberJSON(a - b)
  }
}

struct AuditRowJSON: Encodable {
  struct Funnel: Encodable {
    let prospects, deposits, delivered: Int
    let deposit_rate, delivery_rate, median_days_to_deposit, median_days_to_delivery: NumberJSON
  }
  struct Week: Encodable {
    let week: String
    /// Whether the week (Monday to Sunday) lies wholly inside the period; the first and last may be partial.
    let whole: Bool
    let due, on_time: Int
    let on_time_rate: NumberJSON
  }

  struct FirstResponseJSON: Encodable {
    /// Leads created in the window; those judged against the first-contact limit, and those first touched within it.
    let leads, judged, within_limit: Int
    let within_5_min, within_30_min, within_2_h, within_24_h, later, never: Int
  }

  /// One day's touches, in total and by channel (flat: a large team's month is thousands of these).
  struct Day: Encodable {
    let day: String
    let touches, call, sms, wechat, visit, email, test_drive: Int
  }
  struct Source: Encodable {
    /// Null for leads without a recorded source.
    let source: NullableJSON<String>
    let leads, contacted, deposits, delivered: Int
    let contact_rate, deposit_rate, delivery_rate: NumberJSON
  }

  let consultant: NullableJSON<String>
  /// Touches per day of the period, by channel.
  let activity: [Day]
  /// Leads created in the period by source, most first, and how far they got by now.
  let sources: [Source]
  /// With `--compare`: the headline figures of the period before, and the change since.
  let previous: HeadlineJSON?
  let change: HeadlineJSON?
  let first_response_minutes, first_response_within_limit_rate: NumberJSON
  let first_response: FirstResponseJSON
  let leads_open, touches, due, on_time, late, missed, pending, overdue_now: Int
  let on_time_rate, callback_3day_rate, issue_7day_rate, without_next_rate: NumberJSON
  let touches_by_channel: [String: Int]
  let callback_3day_due, callback_3day_on_time, issue_7day_due, issue_7day_on_time: Int
  let contacts, contacts_without_next, buried_left, buried_resolved, churned: Int
  let churn_by_reason: [String: Int]
  let funnel: Funnel
  let exports, export_rows: Int
  let weekly: [Week]

  init(
    _ f: AuditFigures, consultant: String?, weeks: [String], whole: Set<Int>, days: [String], previous before: AuditFigures?
  ) {
    self.consultant = NullableJSON(consultant)
    let a = f.activity
    activity = days.enumerated().map { i, day in
      Day(
        day: day, touches: a.total(day: i), call: a.count(day: i, .call), sms: a.count(day: i, .sms),
        wechat: a.count(day: i, .wechat), visit: a.count(day: i, .visit), email: a.count(day: i, .email),
        test_drive: a.count(day: i, .testDrive))
    }
    sources = f.sources.sorted { ($1.value.leads, $0.key) < ($0.value.leads, $1.key) }.map { name, t in
      Source(
        source: NullableJSON(name.isEmpty ? nil : name), leads: t.leads, contacted: t.contacted, deposits: t.deposits,
        delivered: t.delivered, contact_rate: NumberJSON(t.contactRate), deposit_rate: NumberJSON(t.depositRate),
        delivery_rate: NumberJSON(t.deliveryRate))
    }
    previous = before.map(HeadlineJSON.init)
    change = before.map { HeadlineJSON(change: f, since: $0) }
    let r = f.firstResponse
    first_response_minutes = NumberJSON(r.medianMinutes)
    first_response_within_limit_rate = NumberJSON(r.withinLimitRate)
    first_response = FirstResponseJSON(
      leads: r.leads, judged: r.judged, within_limit: r.withinLimit, within_5_min: r.count(.within5Minutes),
      within_30_min: r.count(.within30Minutes), within_2_h: r.count(.within2Hours), within_24_h: r.count(.within24Hours),
      later: r.count(.later), never: r.count(.never))
    (leads_open, touches, due, on_time, late) = (f.leadsOpen, f.touches, f.due, f.onTime, f.late)
    (missed, pending, overdue_now) = (f.missed, f.pending, f.overdueNow)
    on_time_rate = NumberJSON(f.onTimeRate)
    callback_3day_rate = NumberJSON(f.callback3day.rate)
    issue_7day_rate = NumberJSON(f.issue7day.rate)
    without_next_rate = NumberJSON(f.withoutNextRate)
    touches_by_channel = Dictionary(uniqueKeysWithValues: f.touchesByChannel.map { ($0.key.rawValue, $0.value) })
    (callback_3day_due, callback_3day_on_time) = (f.callback3day.due, f.callback3day.onTime)
    (issue_7day_due, issue_7day_on_time) = (f.issue7day.due, f.issue7day.onTime)
    (contacts, contacts_without_next) = (f.contacts, f.contactsWithoutNext)
    (buried_left, buried_resolved, churned) = (f.buriedLeft, f.buriedResolved, f.churned)
    churn_by_reason = Dictionary(uniqueKeysWithValues: f.churnByReason.map { ($0.key.rawValue, $0.value) })
    funnel = Funnel(
      prospects: f.prospects, deposits: f.deposits, delivered: f.delivered, deposit_rate: NumberJSON(f.depositRate),
      delivery_rate: NumberJSON(f.deliveryRate), median_days_to_deposit: NumberJSON(f.medianDaysToDeposit),
      median_days_to_delivery: NumberJSON(f.medianDaysToDelivery))
    (exports, export_rows) = (f.exports, f.exportRows)
    weekly = zip(weeks, f.weekly).enumerated().map { i, pair in
      Week(
        week: pair.0, whole: whole.contains(i), due: pair.1.due, on_time: pair.1.onTime, on_time_rate: NumberJSON(pair.1.rate))
    }
  }
}
