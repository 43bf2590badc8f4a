import Foundation
import Testing

@testable import CoachCore

/// Every CivilTime function, and the LocalDate/Date helpers the engine calls, gives with a `CivilZone` exactly
/// what it gives with the plain `TimeZone` (which asks ICU for every offset, as before spans existed).
@Suite struct CivilZoneEquivalenceTests {
  static let shifts = [-400, -45, -1, 1, 30, 365]

  /// Instants every `step` seconds across `range`, plus those a moment around each of the zone's transitions in it.
  static func instants(_ zone: TimeZone, _ range: ClosedRange<Double>, step: Double) -> [Double] {
    let changes = CivilZoneTests.transitions(zone).filter { range.contains($0) }
    let near = changes.flatMap { c in [-86_400.0, -3_601, -1, -1e-3, 0, 1e-3, 1, 1_799, 3_600, 86_400.5].map { c + $0 }
    }
    return Array(stride(from: range.lowerBound, through: range.upperBound, by: step)) + near
  }

  static func check(_ zone: TimeZone, around anchor: Date, over range: ClosedRange<Double>, step: Double) {
    let civil = CivilZone(zone, around: anchor)
    let id = zone.identifier
    for s in instants(zone, range, step: step) {
      let t = Date(timeIntervalSince1970: s)
      #expect(civil.utcOffset(for: t) == zone.secondsFromGMT(for: t), "\(id) \(s)")
      #expect(CivilTime.steadyOffset(civil, at: s) == CivilTime.steadyOffset(zone, at: s), "\(id) \(s)")
      let day = CivilTime.localDay(t, in: civil)
      #expect(day == CivilTime.localDay(t, in: zone), "\(id) \(s)")
      #expect(LocalDate(t, in: civil) == LocalDate(t, in: zone), "\(id) \(s)")
      for n in shifts {
        #expect(
          CivilTime.adding(days: n, to: t, in: civil) == CivilTime.adding(days: n, to: t, in: zone), "\(id) \(s) \(n)")
        #expect(t.adding(days: n, in: civil) == t.adding(days: n, in: zone), "\(id) \(s) \(n)")
      }
      guard let day else { continue }
      #expect(CivilTime.startOfDay(day, in: civil) == CivilTime.startOfDay(day, in: zone), "\(id) \(day)")
      #expect(day.startOfDay(in: civil) == day.startOfDay(in: zone), "\(id) \(day)")
      #expect(day.endOfDay(in: civil) == day.endOfDay(in: zone), "\(id) \(day)")
      for seconds in [1, 3_600, 5_400, 9_000, 43_200, 86_399] {
        #expect(
          CivilTime.instant(day, seconds: seconds, in: civil) == CivilTime.instant(day, seconds: seconds, in: zone),
          "\(id) \(day) \(seconds)")
      }
    }
  }

  @Test(arguments: CivilZoneTests.zones)
  func functionsMatchAroundEachAnchor(zone: TimeZone) {
    for anchor in CivilZoneTests.anchors {
      let s = CivilZone(zone, around: anchor).steady
      let t = anchor.timeIntervalSince1970
      // Both ends of the span every ~3 h, and the year around the anchor every ~13 h.
      let ends = s.from < s.until ? [s.from, s.until] : []
      for edge in ends {
        Self.check(zone, around: anchor, over: (edge - 4 * 86_400)...(edge + 4 * 86_400), step: 10_867.25)
      }
      Self.check(zone, around: anchor, over: (t - 183 * 86_400)...(t + 183 * 86_400), step: 47_221.37)
    }
  }

  @Test(arguments: CivilZoneTests.zones)
  func functionsMatchOverDecades(zone: TimeZone) {
    // One span found around 2026-11-24, asked about every ~2.6 days from 1990 to 2060 (inside and outside it).
    let from = CivilZoneTests.date("1990-01-01T00:00:00Z").timeIntervalSince1970
    let to = CivilZoneTests.date("2060-01-01T00:00:00Z").timeIntervalSince1970
    var start = from
    while start < to {  // in slices, so a failure names its decade
      Self.check(zone, around: CivilZoneTests.anchors[0], over: start...min(start + 3.2e8, to), step: 226_321.5)
      start += 3.2e8
    }
  }

  @Test func engineContextCarriesTheSpanOfItsZone() {
    let now = CivilZoneTests.anchors[0]
    let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
    var ctx = EngineContext(playbook: Fixture.playbook, now: now, zone: shanghai)
    #expect(ctx.zone == shanghai)
    #expect(ctx.civil == CivilZone(shanghai, around: now))
    #expect(ctx.civil.steady.from < ctx.civil.steady.until)
    let london = TimeZone(identifier: "Europe/London") ?? .gmt
    ctx.zone = london
    #expect(ctx.zone == london && ctx.civil == CivilZone(london, around: now))
    #expect(ctx.today == LocalDate(now, in: london))
    let window = try? AuditWindow(
      from: LocalDate(year: 2026, month: 10, day: 26), to: LocalDate(year: 2026, month: 11, day: 24), zone: shanghai)
    #expect(window?.civil.timeZone == shanghai)
  }
}

/// `CivilTime.inYears` tells from the seconds alone what working out the day tells (`localDay` not nil).
@Suite struct CivilTimeYearsTests {
  @Test func theYearsEdgesAreTheDaysEdges() {
    let day = CivilTime.day
    for edge in [CivilTime.days(year: 1601, month: 1, day: 1), CivilTime.days(year: 10000, month: 1, day: 1)] {
      for offset in [-86_401.0, -1, -0.001, 0, 0.001, 1, 86_399.999, 86_400] {
        let local = Double(edge) * day + offset
        let year = CivilTime.civil(Int((local / day).rounded(.down))).year
        #expect(CivilTime.inYears(local: local) == CivilTime.years.contains(year), "\(local)")
      }
    }
  }
}
