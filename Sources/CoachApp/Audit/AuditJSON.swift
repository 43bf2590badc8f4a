import CoachCore
import Foundation

/// A rate (0…1) or a median, rounded to four decimals; `null` when there is nothing to measure.
package struct NumberJSON: Encodable {
  let value: Double?

  package init(_ value: Double?) { self.value = value }

  package func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    if let value { try c.encode((value * 10_000).rounded() / 10_000) } else { try c.encodeNil() }
  }
}

/// `coach audit --json` (CONTRACT.md): the contract's keys plus the rest of the audit.
package struct AuditJSON: Encodable {
  let from: String
  let to: String
  let generated_at: Date
  let timezone: String
  let weeks: [String]
  /// What works: the days within which progress counts, and the judged cases a rate needs.
  let what_works_days = WhatWorks.days
  let what_works_minimum_sample = WhatWorks.minimumSample
  /// A dealer group's audit over several stores: one row per store (`store` set, `consultant` null); absent else.
  let stores: [AuditRowJSON]?
  let consultants: [AuditRowJSON]
  /// The sum of the consultants (`consultant` is null).
  let team: AuditRowJSON
  /// Exports, unmasked views and backups in the period (export log), and lead transfers (reassignment log).
  package var data_access: [AccessEntryJSON] = []
  package var transfers: [TransferJSON] = []
  /// With `--compare`: the period before, of as many days (each row then has `previous` and `change`).
  let previous_period: PeriodJSON?

  struct PeriodJSON: Encodable {
    let from, to: String
  }

  package init(_ report: AuditReport) {
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
        previous: before?.figures(of: $0.consultant), store: report.storeOf[$0.consultant],
        deactivated: report.deactivated.contains($0.consultant))
    }
    stores =
      report.stores.isEmpty
      ? nil
      : report.stores.map {
        AuditRowJSON(
          $0.figures, consultant: nil, weeks: weeks, whole: whole, days: days, previous: $0.previous, store: $0.store,
          storeName: $0.name)
      }
    team = AuditRowJSON(report.team, consultant: nil, weeks: weeks, whole: whole, days: days, previous: before?.team)
    previous_period = before.map { PeriodJSON(from: $0.window.from.description, to: $0.window.to.description) }
  }
}

package struct AuditRowJSON: Encodable {
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
  /// In a dealer group's audit over several stores: the row's store code (and a store row's name); absent else.
  let store: String?
  let store_name: String?
  /// A consultant's row: whether the user was deactivated (left); absent on the store and team rows.
  let deactivated: Bool?
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
  /// What works: objections heard and whether the deal advanced a stage within `what_works_days`; dealership topics
  /// offered at contacts and whether a deposit followed. Rates only from `what_works_minimum_sample` judged cases.
  let what_works: WhatWorksJSON
  /// Snoozes set in the period on the consultant's leads (`coach audit --list snoozes`), and leads held now.
  let snoozes, snoozed_now: Int

  init(
    _ f: AuditFigures, consultant: String?, weeks: [String], whole: Set<Int>, days: [String],
    previous before: AuditFigures?, store: String? = nil, storeName: String? = nil, deactivated: Bool? = nil
  ) {
    self.consultant = NullableJSON(consultant)
    self.deactivated = deactivated
    self.store = store
    store_name = storeName
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
      within_30_min: r.count(.within30Minutes), within_2_h: r.count(.within2Hours),
      within_24_h: r.count(.within24Hours),
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
    (snoozes, snoozed_now) = (f.snoozes, f.snoozedNow)
    what_works = WhatWorksJSON(f)
    weekly = zip(weeks, f.weekly).enumerated().map { i, pair in
      Week(
        week: pair.0, whole: whole.contains(i), due: pair.1.due, on_time: pair.1.onTime,
        on_time_rate: NumberJSON(pair.1.rate))
    }
  }
}

/// One row's what works (`AuditFigures.objectionOutcomes`, `topicOutcomes`, `leverOutcomes`), by code, topic id and
/// lever.
struct WhatWorksJSON: Encodable {
  struct Objection: Encodable {
    let code: String
    let heard, judged, advanced, pending: Int
    /// Null when too few were judged (`enough` false).
    let advance_rate: NumberJSON
    let enough: Bool
  }
  struct Topic: Encodable {
    let topic: String
    let contacts, judged, deposits, pending: Int
    let deposit_rate: NumberJSON
    let enough: Bool
  }
  /// A switch lever argued with (`coach touch --lever`), and how often a deposit or a model switch followed.
  struct Lever: Encodable {
    let lever: String
    let used, judged, deposits_or_switches, pending: Int
    let deposit_or_switch_rate: NumberJSON
    let enough: Bool
  }

  let objections: [Objection]
  let created_topics: [Topic]
  let levers: [Lever]

  init(_ f: AuditFigures) {
    objections = f.objectionOutcomes.sorted { $0.key < $1.key }.map { code, t in
      Objection(
        code: code, heard: t.cases, judged: t.judged, advanced: t.advanced, pending: t.pending,
        advance_rate: NumberJSON(t.rate), enough: t.isEnough)
    }
    created_topics = f.topicOutcomes.sorted { $0.key < $1.key }.map { id, t in
      Topic(
        topic: id, contacts: t.cases, judged: t.judged, deposits: t.advanced, pending: t.pending,
        deposit_rate: NumberJSON(t.rate), enough: t.isEnough)
    }
    levers = f.leverOutcomes.sorted { $0.key.rawValue < $1.key.rawValue }.map { lever, t in
      Lever(
        lever: lever.rawValue, used: t.cases, judged: t.judged, deposits_or_switches: t.advanced, pending: t.pending,
        deposit_or_switch_rate: NumberJSON(t.rate), enough: t.isEnough)
    }
  }
}
