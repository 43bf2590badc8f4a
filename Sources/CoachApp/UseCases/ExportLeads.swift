import CoachCore
import CoachStoreAPI
import Foundation

/// `coach export leads`: every lead the acting user sees, as CSV or `.xlsx` (both import back) or JSON; phones
/// masked unless an admin asks for them in full; every export recorded (who, when, how many rows, masked or not).
package struct ExportLeads: Sendable {
  package enum Format: String, Sendable, CaseIterable { case csv, json, xlsx }
  package var format: Format = .csv
  /// The file to write (mode 0600, all or nothing); nil: the data is handed back for stdout.
  package var out: String?
  /// Phone numbers in full: admins only.
  package var unmasked = false

  package init(format: Format = .csv, out: String? = nil, unmasked: Bool = false) {
    (self.format, self.out, self.unmasked) = (format, out, unmasked)
  }

  /// What was exported.
  package struct Exported: Sendable {
    /// The export itself when it goes to stdout (`out` nil), else nil: it is in the file.
    package let data: Data?
    package let rows: Int
    package let masked: Bool
  }

  /// Refuses `unmasked` to a non-admin (exit 65); then the export is recorded, before the data leaves: a file is
  /// written to a temp file first and moved into place after the record, stdout's data is returned after it.
  package func run(_ session: Session) throws -> Exported {
    let env = session.env
    if unmasked { try session.requireAdmin(for: .unmasked) }
    if let out { try BackupPaths.checkOutput(out, env: env) }
    let leads = try session.db.snapshots(LeadFilter(scope: session.scope))
    let data = try encode(leads, zone: env.zone)
    let entry = ExportEntry(
      at: env.now, actor: session.actor, what: "leads", format: format.rawValue, rows: leads.count,
      masked: !unmasked, target: out.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "stdout")
    guard let out else {
      try session.db.record(entry)
      return Exported(data: data, rows: leads.count, masked: !unmasked)
    }
    let pending = try SafeFile.prepare(data, for: out)
    try session.db.record(entry)
    try pending.commit()
    return Exported(data: nil, rows: leads.count, masked: !unmasked)
  }

  private func encode(_ leads: [LeadSnapshot], zone: TimeZone) throws -> Data {
    switch format {
    case .json:
      return try JSONOutput.encoder(zone: zone).encode(["leads": leads.map { LeadJSON($0, fullPhone: unmasked) }])
        + Data("\n".utf8)
    case .csv:
      // The import's lead columns first, so an export imports back.
      // With a BOM on stdout as in a file (contract): Excel then reads it as UTF-8 however it was saved.
      return Data(LeadExport.csv(leads, zone: zone, maskPhone: !unmasked, bom: true).utf8)
    case .xlsx:
      return try LeadExport.xlsx(leads, zone: zone, maskPhone: !unmasked)
    }
  }
}

/// `coach export leads --out FILE --json`.
package struct ExportResultJSON: Encodable {
  let rows: Int
  let file: String
  let masked: Bool

  package init(_ e: ExportLeads.Exported, file: String) { (rows, self.file, masked) = (e.rows, file, e.masked) }
}
