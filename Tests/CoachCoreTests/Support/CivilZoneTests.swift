import Foundation
import Testing

@testable import CoachCore

/// A `CivilZone` answers offsets inside its steady span without asking ICU: every answer, and every CivilTime
/// result built on them, must be exactly what the plain `TimeZone` gives (the `TimeZone` path is the old code).
@Suite struct CivilZoneTests {
  static let names = [
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "America/New_York", "Europe/London", "Europe/Moscow",
    "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "UTC", "Asia/Kolkata", "America/St_Johns",
  ]
  static let zones =
    names.compactMap(TimeZone.init(identifier:))
    + [TimeZone(secondsFromGMT: 8 * 3600), TimeZone(secondsFromGMT: -(5 * 3600 + 1800))].compactMap { $0 }

  static func date(_ text: String) -> Date { TimeParsing.instant(text, zone: .gmt) ?? .distantPast }

  /// The runs' `now`s the spans are found around: today, both halves of a DST year, and next to known changes
  /// (Moscow's raw offset 2011 and 2014, Apia's skipped day, Sao Paulo's last DST, the far past and future).
  static let anchors = [
    "2026-11-24T01:00:00Z", "2026-07-01T00:00:00Z", "2011-03-26T12:00:00Z", "2011-12-31T12:00:00Z",
    "2014-10-25T23:00:00Z", "2019-02-16T12:00:00Z", "1995-05-05T05:05:05.5Z", "1975-01-01T00:00:00Z",
    "2071-06-30T00:00:00Z", "1986-05-04T00:00:00Z",
  ].map(date)

  /// Every transition ICU reports from 1901 to 2100.
  static func transitions(_ zone: TimeZone) -> [Double] {
    var found: [Double] = []
    var t = Date(timeIntervalSince1970: SteadyOffset.answered.lowerBound)
    while let next = zone.nextDaylightSavingTimeTransition(after: t), found.count < 2_000 {
      found.append(next.timeIntervalSince1970)
      t = next
    }
    return found
  }

  @Test func spansHoldNoOffsetChangeAtAnySampledInstant() {
    for zone in Self.zones {
      for anchor in Self.anchors {
        let s = CivilZone(zone, around: anchor).steady
        guard s.from < s.until else { continue }
        #expect(s.until - s.from <= 2 * SteadyOffset.reach)
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: s.from)) == s.offset, "\(zone.identifier)")
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: s.until - 1e-3)) == s.offset, "\(zone.identifier)")
        var t = s.from
        while t < s.until {  // every 13 h 7 min 1.37 s: all hours of the day and odd fractions
          #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: t)) == s.offset, "\(zone.identifier) \(t)")
          t += 47_221.37
        }
      }
    }
  }

  @Test func spansContainTheirAnchorWhenThereIsRoom() {
    let shanghai = CivilZone(TimeZone(identifier: "Asia/Shanghai") ?? .gmt, around: Self.anchors[0]).steady
    #expect(shanghai.from <= Self.date("1996-12-01T00:00:00Z").timeIntervalSince1970)
    #expect(shanghai.until >= Self.date("2056-11-01T00:00:00Z").timeIntervalSince1970)
    #expect(shanghai.offset == 8 * 3600)
    let newYork = CivilZone(TimeZone(identifier: "America/New_York") ?? .gmt, around: Self.anchors[0]).steady
    #expect(newYork.from == Self.date("2026-11-01T06:00:01Z").timeIntervalSince1970)
    #expect(newYork.until == Self.date("2027-03-14T06:59:59Z").timeIntervalSince1970)
    #expect(newYork.offset == -5 * 3600)
    for zone in Self.zones {
      for anchor in Self.anchors {
        let s = CivilZone(zone, around: anchor).steady
        let t = anchor.timeIntervalSince1970
        let nearChange = Self.transitions(zone).contains { abs($0 - t) <= 1 }
        #expect(nearChange || (s.from <= t && t < s.until), "\(zone.identifier) \(anchor)")
      }
    }
  }

  @Test func spansEndAtEveryReportedTransition() {
    for zone in Self.zones {
      for change in Self.transitions(zone) where change > -1e9 && change < 3.5e9 {
        for anchor in [change - 40 * 86_400, change - 0.5, change, change + 0.5, change + 40 * 86_400] {
          let civil = CivilZone(zone, around: Date(timeIntervalSince1970: anchor))
          #expect(!(civil.steady.from < change && change < civil.steady.until), "\(zone.identifier) \(change)")
          for d in [-86_400.0, -3_600, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 3_600, 86_400] {
            let t = Date(timeIntervalSince1970: change + d)
            #expect(civil.utcOffset(for: t) == zone.secondsFromGMT(for: t), "\(zone.identifier) \(change) \(d)")
          }
        }
      }
    }
  }

  @Test func emptySpansAndPlainScalars() {
    #expect(_isPOD(SteadyOffset.self))
    let zone = TimeZone(identifier: "America/New_York") ?? .gmt
    for t in [Date.distantPast, .distantFuture, Date(timeIntervalSince1970: -3e9), Date(timeIntervalSince1970: 5e9)] {
      let civil = CivilZone(zone, around: t)
      #expect(!(civil.steady.from < civil.steady.until))
      #expect(civil.utcOffset(for: t) == zone.secondsFromGMT(for: t))
    }
    let unspanned = CivilZone(unspanned: zone)
    #expect(unspanned == CivilZone(unspanned: zone))
    #expect(
      unspanned.utcOffset(for: Date(timeIntervalSince1970: .nan))
        == zone.secondsFromGMT(for: Date(timeIntervalSince1970: .nan)))
    #expect(unspanned.utcOffset(for: .distantFuture) == zone.secondsFromGMT(for: .distantFuture))
    #expect(unspanned.utcOffset(for: Self.anchors[0]) == zone.secondsFromGMT(for: Self.anchors[0]))
  }
}
