import CoachCore
import Foundation

/// Inline SVG charts for the HTML audit: no scripts, no external resources.
package struct AuditSVG {
  package let report: AuditReport
  package let labels: AuditLabels

  package static let onTime = "#2e7d32", late = "#f2a900", missed = "#c62828", ink = "#1f2933", muted = "#6b7785"
  package static let grid = "#e3e7ec"
  /// One colour per consultant, the same in every chart and the legend.
  package static let palette = ["#1565c0", "#8e24aa", "#00897b", "#d81b60", "#6d4c41", "#3949ab", "#546e7a", "#7cb342"]
  package static func colour(_ i: Int) -> String { palette[i % palette.count] }

  // MARK: - On-time rate per consultant: one stacked bar each (on time / late / missed), the team below

  package func rateBars() -> String {
    let rows =
      report.consultants.map { ($0.consultant, $0.figures, "bar") } + [(labels["audit_team"], report.team, "bar-team")]
    // The names' column widens for long names (up to `Self.widestNames` columns, then they are cut with "…").
    let (barW, rowH, top) = (380.0, 46.0, 30.0)
    let columns = min(rows.map { DisplayWidth.of($0.0) }.max() ?? 0, Self.widestNames)
    let left = max(120, Self.pixels(columns: columns, size: 15) + 24)
    let (width, height) = (left + barW + 140, top + Double(rows.count) * rowH + 16)
    var s = svgOpen(width: width, height: height, label: labels["audit_rate_by_consultant"])
    s += legend(
      [
        (labels["audit_on_time"], Self.onTime), (labels["audit_late"], Self.late),
        (labels["audit_missed"], Self.missed),
      ], x: left, y: 12)
    for (i, (name, f, cls)) in rows.enumerated() {
      let y = top + Double(i) * rowH + (cls == "bar-team" ? 10 : 0)
      if cls == "bar-team" { s += line(x1: 0, y1: y - 8, x2: width, y2: y - 8, stroke: Self.grid) }
      s += "<g class=\"\(cls)\" data-consultant=\"\(esc(name))\"><title>\(esc(name))</title>"
      s += text(
        DisplayWidth.truncate(name, to: Self.widestNames), x: left - 12, y: y + 19, anchor: "end", size: 15,
        weight: cls == "bar-team" ? 700 : 500)
      s += rect(x: left, y: y + 4, w: barW, h: 24, fill: "#f1f3f5")
      var x = left
      for (n, fill) in [(f.onTime, Self.onTime), (f.late, Self.late), (f.missed, Self.missed)] where f.due > 0 && n > 0
      {
        let w = barW * Double(n) / Double(f.due)
        s += rect(x: x, y: y + 4, w: w, h: 24, fill: fill, cls: "seg")
        if w >= 26 { s += text("\(n)", x: x + w / 2, y: y + 21, anchor: "middle", size: 12, fill: "#fff", weight: 600) }
        x += w
      }
      let rate = AuditLabels.percent(f.onTimeRate)
      s += text(rate, x: left + barW + 14, y: y + 22, size: 20, fill: rateColour(f.onTimeRate), weight: 700)
      s += text("\(f.onTime)/\(f.due)", x: left + barW + 80, y: y + 21, size: 13, fill: Self.muted)
      s += "</g>"
    }
    return s + "</svg>"
  }

  // MARK: - Weekly trend: whole weeks only, one line per consultant, the team dashed, sample sizes under the axis

  /// Fewer follow-ups due than this in a week: the point is drawn hollow (a rate of 2 of 2 is not a peak).
  package static let smallSample = 5

  package func trend() -> String {
    let window = report.window
    // Only weeks wholly inside the period: a partial first or last week's rate covers a few days.
    let shown = window.weeks.indices.filter { window.isWhole(week: $0) }
    let (w, h, left, right, top, bottom) = (640.0, 300.0, 52.0, 36.0, 16.0, 40.0)
    guard !shown.isEmpty else {
      return svgOpen(width: w, height: 40, label: labels["audit_weekly_trend"], cls: "trend")
        + text(labels["audit_no_whole_week"], x: 8, y: 26, size: 14, fill: Self.muted) + "</svg>"
    }
    let plotW = w - left - right, plotH = h - top - bottom
    let step = shown.count > 1 ? plotW / Double(shown.count - 1) : 0
    func px(_ i: Int) -> Double { shown.count > 1 ? left + Double(i) * step : left + plotW / 2 }
    func py(_ r: Double) -> Double { top + plotH * (1 - r) }
    let legendRows = (report.consultants.count + 1 + 3) / 4
    var s = svgOpen(
      width: w, height: h + Double(legendRows) * 22 + 44, label: labels["audit_weekly_trend"], cls: "trend")
    for r in stride(from: 0.0, through: 1.0, by: 0.25) {
      s += line(x1: left, y1: py(r), x2: w - right, y2: py(r), stroke: Self.grid)
      s += text("\(Int(r * 100))%", x: left - 8, y: py(r) + 4, anchor: "end", size: 12, fill: Self.muted)
    }
    for (i, week) in shown.enumerated() {
      let monday = window.weeks[week]
      s += text(
        String(monday.description.dropFirst(5)), x: px(i), y: h - bottom + 18, anchor: "middle", size: 12,
        fill: Self.muted)
      let t = report.team.weekly.indices.contains(week) ? report.team.weekly[week] : DueTally()
      s += text("\(t.onTime)/\(t.due)", x: px(i), y: h - bottom + 33, anchor: "middle", size: 11, fill: Self.muted)
    }
    var series = report.consultants.enumerated().map { ($1.consultant, $1.figures.weekly, Self.colour($0), false) }
    series.append((labels["audit_team"], report.team.weekly, Self.ink, true))
    for (name, weekly, colour, dashed) in series {
      // A week with nothing due has no rate: no point, and the line breaks there.
      let points = shown.enumerated().map { i, week -> (Double, Double, DueTally)? in
        guard weekly.indices.contains(week), let rate = weekly[week].rate else { return nil }
        return (px(i), py(rate), weekly[week])
      }
      var run: [(Double, Double, DueTally)] = []
      for p in points + [nil] {
        if let p { run.append(p); continue }
        if run.count > 1 {
          let d = run.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ")
          s +=
            "<polyline class=\"line\" points=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(dashed ? 3 : 2.5)\""
            + (dashed ? " stroke-dasharray=\"7 5\"" : "") + "/>"
        }
        for (x, y, t) in run {
          let small = t.due < Self.smallSample
          s += "<circle cx=\"\(f1(x))\" cy=\"\(f1(y))\" r=\"\(dashed ? 3 : 4)\" fill=\"\(small ? "#fff" : colour)\""
          s += " stroke=\"\(colour)\" stroke-width=\"2\"><title>\(esc(name)): \(t.onTime)/\(t.due)</title></circle>"
        }
        run = []
      }
    }
    let names = report.consultants.map(\.consultant) + [labels["audit_team"]]
    for (i, name) in names.enumerated() {
      let colour = i < report.consultants.count ? Self.colour(i) : Self.ink
      let (x, y) = (left + Double(i % 4) * 140, h + 16 + Double(i / 4) * 22)
      s += line(x1: x, y1: y, x2: x + 22, y2: y, stroke: colour, width: 3, dashed: i == report.consultants.count)
      // 112 px to the next entry: a longer name is cut with "…", whole in its tooltip.
      s +=
        "<g><title>\(esc(name))</title>" + text(DisplayWidth.truncate(name, to: 15), x: x + 28, y: y + 5, size: 13)
        + "</g>"
    }
    let noteY = h + 16 + Double(legendRows) * 22 + 8
    s +=
      "<circle cx=\"\(f1(left + 5))\" cy=\"\(f1(noteY - 4))\" r=\"4\" fill=\"#fff\" stroke=\"\(Self.muted)\" stroke-width=\"2\"/>"
    s += text(labels["audit_small_sample_note"], x: left + 16, y: noteY, size: 12, fill: Self.muted)
    return s + "</svg>"
  }

  // MARK: - Helpers

  /// The most columns of a name drawn beside the bars (a CJK character takes two): 30, fifteen Chinese characters.
  package static let widestNames = 30

  /// About how many pixels `columns` columns of text take at font size `size` (a CJK character about `size`).
  package static func pixels(columns: Int, size: Double) -> Double { Double(columns) * size * 0.56 }

  package func rateColour(_ r: Double?) -> String {
    guard let r else { return Self.muted }
    return r >= 0.9 ? Self.onTime : r >= 0.7 ? "#b7791f" : Self.missed
  }

  package func svgOpen(width: Double, height: Double, label: String, cls: String = "chart") -> String {
    "<svg class=\"\(cls)\" viewBox=\"0 0 \(f1(width)) \(f1(height))\" "
      + "width=\"\(f1(width))\" height=\"\(f1(height))\" role=\"img\" aria-label=\"\(esc(label))\">"
  }

  package func legend(_ items: [(String, String)], x: Double, y: Double) -> String {
    var s = "", cx = x
    for (name, fill) in items {
      s += rect(x: cx, y: y - 9, w: 12, h: 12, fill: fill)
      s += text(name, x: cx + 17, y: y + 2, size: 12, fill: Self.muted)
      cx += 17 + Double(DisplayWidth.of(name)) * 7.5 + 18
    }
    return s
  }

  package func rect(x: Double, y: Double, w: Double, h: Double, fill: String, cls: String? = nil) -> String {
    "<rect\(cls.map { " class=\"\($0)\"" } ?? "") x=\"\(f1(x))\" y=\"\(f1(y))\" width=\"\(f1(w))\" height=\"\(f1(h))\" rx=\"3\" fill=\"\(fill)\"/>"
  }

  package func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false
  ) -> String {
    "<line x1=\"\(f1(x1))\" y1=\"\(f1(y1))\" x2=\"\(f1(x2))\" y2=\"\(f1(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f1(width))\""
      + (dashed ? " stroke-dasharray=\"7 5\"" : "") + "/>"
  }

  package func text(
    _ t: String, x: Double, y: Double, anchor: String = "start", size: Int = 13, fill: String = ink, weight: Int = 400
  ) -> String {
    "<text x=\"\(f1(x))\" y=\"\(f1(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" font-weight=\"\(weight)\" fill=\"\(fill)\">\(esc(t))</text>"
  }

  package func f1(_ x: Double) -> String { String(format: "%.1f", x) }
}

/// Escapes text for HTML and SVG.
func esc(_ s: String) -> String {
  var out = ""
  for c in s {
    switch c {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    default: out.append(c)
    }
  }
  return out
}
