import Foundation

// MARK: - Rules after delivery, and greetings

extension Rules {
  /// The oldest open after-sales issue: due when raised, to be fixed within `issue_fix_days`; ends when resolved.
  static func issue7day(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard let issue = h.openTopics(.issue).first else { return nil }
    let deadline = issue.buriedAt.adding(days: ctx.playbook.care.issueFixDays, in: ctx.civil)
    return Occurrence(
      code: .issue7day, dueAt: issue.buriedAt, deadline: deadline, detail: String(issue.id),
      fulfilment: .resolution, opensAt: issue.buriedAt)
  }

  /// Delivered: due 00:00 the day after delivery, deadline the end of the `callback_days`-th day after it;
  /// only a touch that reached the customer after the delivery counts.
  static func callback3day(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard let delivery = h.delivery(ctx.civil) else { return nil }
    let due = delivery.day.adding(days: 1).startOfDay(in: ctx.civil)
    let occurrence = Occurrence(
      code: .callback3day, dueAt: due,
      deadline: delivery.day.adding(days: ctx.playbook.care.callbackDays).endOfDay(in: ctx.civil),
      fulfilment: .contact, opensAt: min(delivery.event.at, due))
    return occurrence.fulfilment(in: h.touches) == nil ? occurrence : nil
  }

  /// Owners: due 00:00 `birthday_remind_days_before` days before the birthday, deadline its end
  /// (Feb 29 birthdays fall on Feb 28 in common years).
  static func birthday(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .delivered, let born = h.lead.birthday else { return nil }
    let before = ctx.playbook.care.birthdayRemindDaysBefore
    for year in years(around: h, ctx) {
      let day = born.anniversary(in: year)
      let due = day.adding(days: -before)
      if let open = openOccasion(.birthday, day: day, dueDay: due, h, ctx.civil, { day.description }) { return open }
    }
    return nil
  }

  /// Owners: the delivery anniversary, due and deadline on the day.
  static func carBirthday(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard ctx.playbook.care.carBirthday, let delivery = h.delivery(ctx.civil) else { return nil }
    for year in years(around: h, ctx) where year > delivery.day.year {
      let day = delivery.day.anniversary(in: year)
      let age = year - delivery.day.year
      if let open = openOccasion(.carBirthday, day: day, dueDay: day, h, ctx.civil, { String(age) }) { return open }
    }
    return nil
  }

  /// Everyone but lost customers: the next holiday of the calendar, `holiday_remind_days_before` ahead.
  /// Each year's reminders come sorted from the shared `HolidayCalendar`, and a later year's come after them.
  static func holiday(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage != .churned else { return nil }
    let calendar = HolidayCalendar.of(ctx)
    for year in years(around: h, ctx) {
      if let open = calendar.occurrences(in: year).first(where: { isOpen($0, h) }) { return open }
    }
    return nil
  }

  /// Owners (not tier D, who get greetings only): `referral_first_days` after delivery,
  /// then every `referral_every_days` since the last touch.
  static func referralAsk(_ h: LeadHistory, _ ctx: EngineContext) -> Occurrence? {
    guard h.stage == .delivered, h.lead.tier != .d else { return nil }
    let care = ctx.playbook.care
    let start = h.delivery(ctx.civil)?.day ?? LocalDate(h.lead.createdAt, in: ctx.civil)
    let first = start.adding(days: care.referralFirstDays).startOfDay(in: ctx.civil)
    return series(.referralAsk, first: first, everyDays: care.referralEveryDays, h, ctx)
  }
}

extension Holiday {
  /// The days this holiday falls on within `years`: its fixed `MM-DD` each year, or its listed dates.
  func days(in years: ClosedRange<Int>) -> [LocalDate] {
    if let fixed, let probe = LocalDate("2000-" + fixed) {
      return years.map { LocalDate(year: $0, month: probe.month, day: probe.day).anniversary(in: $0) }
    }
    return (dates ?? []).compactMap(LocalDate.init).filter { years.contains($0.year) }
  }
}
