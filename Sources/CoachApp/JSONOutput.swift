import CoachCore
import Foundation

/// The one JSON encoding of every `--json` document and API response: snake_case keys as declared, sorted, times
/// ISO 8601 with the zone's offset.
package enum JSONOutput {
  package static func encoder(zone: TimeZone) -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    e.dateEncodingStrategy = .custom { date, encoder in
      var c = encoder.singleValueContainer()
      try c.encode(TimeParsing.iso(date, zone: zone))
    }
    return e
  }
}
