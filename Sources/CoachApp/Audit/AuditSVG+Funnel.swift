import CoachCore
import Foundation

// MARK: - The team's funnel and churn reasons

extension AuditSVG {
  /// New prospects → deposits → delivered in the period, with the step rates and median days between stages.
  package func funnel() -> String {
    let f = report.team
    let steps = [
      (labels["audit_prospects"], f.prospects, "#1565c0"), (labels["audit_deposits"], f.deposits, "#00897b"),
      (labels["audit_delivered"], f.delivered, Self.onTime),
    ]
    let notes = [
      "\(AuditLabels.percent(f.depositRate)) · \(labels["audit_median_days"]) \(AuditLabels.days(f.medianDaysToDeposit))",
      "\(AuditLabels.percent(f.deliveryRate)) · \(labels["audit_median_days"]) \(AuditLabels.days(f.medianDaysToDelivery))",
    ]
    let (w, barH, gap, left, maxW) = (640.0, 40.0, 34.0, 130.0, 400.0)
    let top = max(1, steps.map(\.1).max() ?? 1)
    var s = svgOpen(width: w, height: 3 * barH + 2 * gap + 12, label: labels["audit_funnel"], cls: "funnel")
    for (i, (name, n, fill)) in steps.enumerated() {
      let y = 6 + Double(i) * (barH + gap)
      let bw = max(4, maxW * Double(n) / Double(top))
      s += "<g class=\"stage\">"
      s += text(name, x: left - 12, y: y + 26, anchor: "end", size: 15, weight: 500)
      s += rect(x: left, y: y, w: bw, h: barH, fill: fill)
      s += text("\(n)", x: left + bw + 10, y: y + 27, size: 20, weight: 700)
      s += "</g>"
      if i < notes.count {
        s += text("↓ \(notes[i])", x: left + 8, y: y + barH + 22, size: 13, fill: Self.muted)
      }
    }
    return s + "</svg>"
  }

  /// Churned leads by reason in the period, most frequent first.
  package func churn() -> String {
    let reasons = report.team.churnByReason.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
    // The label column as wide as the longest label (about 7.5 px per column of display width at 14 px), so a long
    // English reason is not cut at the left edge.
    let widest = reasons.map { DisplayWidth.of(labels.churn($0.key)) }.max() ?? 0
    let (w, rowH) = (640.0, 32.0)
    let left = min(400, max(120, Double(widest) * 7.5 + 24))
    let maxW = w - left - 50
    guard let most = reasons.first?.value else {
      return svgOpen(width: w, height: 40, label: labels["audit_churn_reasons"], cls: "churn")
        + text(labels["audit_none"], x: 8, y: 26, size: 14, fill: Self.muted) + "</svg>"
    }
    var s = svgOpen(
      width: w, height: Double(reasons.count) * rowH + 8, label: labels["audit_churn_reasons"], cls: "churn")
    for (i, (reason, n)) in reasons.enumerated() {
      let y = 4 + Double(i) * rowH
      let bw = max(4, maxW * Double(n) / Double(most))
      s += "<g class=\"reason\">"
      s += text(labels.churn(reason), x: left - 12, y: y + 18, anchor: "end", size: 14)
      s += rect(x: left, y: y + 3, w: bw, h: 20, fill: "#8d6e63")
      s += text("\(n)", x: left + bw + 8, y: y + 19, size: 14, weight: 700)
      s += "</g>"
    }
    return s + "</svg>"
  }
}
