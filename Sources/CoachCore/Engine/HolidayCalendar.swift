import Foundation

/// The holiday reminders of one playbook in one zone, year by year: each year's occurrences are built once
/// (parsing the playbook's days and finding midnights in the zone) and shared by every lead and every
/// instant of the audit replay, instead of being rebuilt for each of them.
final class HolidayCalendar: @unchecked Sendable {
  let holidays: [Holiday]
  let daysBefore: Int
  let zone: TimeZone
  private let lock = NSLock()
  private var byYear: [Int: [Occurrence]] = [:]

  init(holidays: [Holiday], daysBefore: Int, zone: TimeZone) {
    self.holidays = holidays
    self.daysBefore = daysBefore
    self.zone = zone
  }

  /// The reminders of the holidays falling in `year`, by due time then holiday id (the order `Rules.holiday` looks in).
  func occurrences(in year: Int) -> [Occurrence] {
    lock.lock()
    defer { lock.unlock() }
    if let known = byYear[year] { return known }
    let built = holidays.flatMap { holiday in
      holiday.days(in: year...year).map { day in
        Rules.occasion(
          .holiday, day: day, dueDay: day.adding(days: -daysBefore), detail: holiday.id, CivilZone(unspanned: zone))
      }
    }
    .sorted { ($0.dueAt, $0.detail ?? "") < ($1.dueAt, $1.detail ?? "") }
    byYear[year] = built
    return built
  }

  func matches(_ holidays: [Holiday], _ daysBefore: Int, _ zone: TimeZone) -> Bool {
    // Array equality is immediate when both share storage, as the same playbook's do.
    self.daysBefore == daysBefore && self.zone == zone && self.holidays == holidays
  }

  // MARK: - Shared calendars

  private static let recent = Recent()

  /// The calendar for `ctx`'s playbook and zone (a handful of recent ones are kept).
  static func of(_ ctx: EngineContext) -> HolidayCalendar {
    recent.calendar(ctx.playbook.care.holidays, ctx.playbook.care.holidayRemindDaysBefore, ctx.zone)
  }

  private final class Recent: @unchecked Sendable {
    let lock = NSLock()
    var calendars: [HolidayCalendar] = []
    static let capacity = 8

    func calendar(_ holidays: [Holiday], _ daysBefore: Int, _ zone: TimeZone) -> HolidayCalendar {
      lock.lock()
      defer { lock.unlock() }
      if let i = calendars.firstIndex(where: { $0.matches(holidays, daysBefore, zone) }) {
        if i > 0 { calendars.swapAt(i, 0) }
        return calendars[0]
      }
      let made = HolidayCalendar(holidays: holidays, daysBefore: daysBefore, zone: zone)
      calendars.insert(made, at: 0)
      if calendars.count > Recent.capacity { calendars.removeLast() }
      return made
    }
  }
}
