import Foundation

/// Lead rows for `coach export leads --format csv`: the import's columns first (so an export imports back),
/// then `id`.
public enum LeadExport {
  /// Header of the export: `ImportSchema.leads.columns` then `id`.
  public static let header: [String] = ImportSchema.leads.columns + ["id"]

  /// One lead as CSV cells matching `header`; times ISO 8601 with the offset of `zone`; phone masked
  /// (`138****5678`) unless `maskPhone` is false, and the WeChat id and email with it (each reaches the customer).
  public static func row(_ lead: LeadSnapshot, zone: TimeZone, maskPhone: Bool) -> [String] {
    let (phone, wechat, email) = lead.contacts(masked: maskPhone)
    let profile = lead.profile.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    return [
      lead.externalID ?? "", lead.name, phone ?? "", wechat ?? "", email ?? "", lead.gender ?? "",
      lead.birthday?.description ?? "", lead.city ?? "", lead.source ?? "", lead.consultant ?? "",
      lead.model ?? "", lead.grade?.rawValue ?? "", lead.tier?.rawValue ?? "", lead.tags.joined(separator: ";"),
      lead.stage.rawValue, TimeParsing.iso(lead.createdAt, zone: zone), profile, lead.id.description,
    ]
  }

  /// A whole CSV export of `leads` (header first); a cell that starts like a formula gets a `'` in front
  /// (`CSVWriter.defused`), which the import takes off.
  public static func csv(
    _ leads: [LeadSnapshot], zone: TimeZone, maskPhone: Bool, lineEnding: CSVWriter.LineEnding = .lf,
    bom: Bool = false
  ) -> String {
    var writer = CSVWriter(lineEnding: lineEnding, bom: bom)
    writer.append(header)
    for lead in leads { writer.append(row(lead, zone: zone, maskPhone: maskPhone).map(CSVWriter.defused)) }
    return writer.text
  }

  /// A whole xlsx export of `leads`: the CSV's columns on one sheet, `birthday` a date cell and `created_at` a
  /// date-and-time cell in `zone` (imported back with the same `--tz`, the same instant to the second).
  public static func xlsx(_ leads: [LeadSnapshot], zone: TimeZone, maskPhone: Bool) throws -> Data {
    let calendar = Calendar.gregorian(zone)
    let created = ImportSchema.leads.ordinal("created_at")
    let birthday = ImportSchema.leads.ordinal("birthday")
    var rows: [[XLSXWriter.Cell]] = [header.map { .text($0) }]
    rows.reserveCapacity(leads.count + 1)
    for lead in leads {
      var cells: [XLSXWriter.Cell] = row(lead, zone: zone, maskPhone: maskPhone).map { $0.isEmpty ? .empty : .text($0) }
      if let b = lead.birthday { cells[birthday] = .day(b) }
      let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: lead.createdAt)
      cells[created] = .dateTime(
        LocalDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1),
        secondsOfDay: (c.hour ?? 0) * 3600 + (c.minute ?? 0) * 60 + (c.second ?? 0))
      rows.append(cells)
    }
    return try XLSXWriter.workbook(sheetName: "leads", rows: rows)
  }
}
