import Foundation
import Testing

/// Random command lines never crash the binary: every run exits 0, 64 (bad command line) or 65 (rejected), and a
/// failure says why on stderr.
@Suite struct FuzzCLITests {
  static let words = [
    "lead", "add", "show", "list", "edit", "reassign", "touch", "stage", "next", "alerts", "audit", "objection",
    "switch",
    "playbook", "lint", "import", "leads", "touches", "export", "models", "user", "init", "backup", "doctor", "restore",
    "--name", "--phone", "--channel", "--outcome", "--note", "--bury", "--bury-kind", "--resolve", "--objection",
    "--next",
    "--reason", "--amount", "--eta", "--date", "--model", "--grade", "--tier", "--tag", "--profile", "--birthday",
    "--consultant", "--stage", "--limit", "--overdue", "--from", "--to", "--format", "--unmasked", "--strict", "--json",
    "--now", "--tz", "--lang", "--as", "--role", "--team", "--lead", "--quick", "--help", "-h", "--", "-x",
    "1", "2", "0", "-1", "999999999999999999999", "call", "reached", "deposit", "churned", "prospect", "delivered",
    "waiting_for_delivery", "X60", "H", "Z", "2026-11-24", "2026-02-30", "2026-11-24T09:00:00+08:00", "Asia/Shanghai",
    "Mars/Olympus", "en", "zh-CN", "xx", "admin", "consultant", "boss", "ann", "13812345678", "138", "+86", "hobby=钓鱼",
    "=", "csv", "json", "html", "intent_dropped", "other", "wait_too_long", "太贵了", "'); DROP TABLE lead;--", "",
    " ", "🚗", "missing.csv", "leads.csv", "a=b=c", "\u{0}",
  ]

  /// Valid beginnings, so random tails reach the option parsers and the store, not only the subcommand lookup.
  static let starts: [[String]] = [
    ["touch", "1", "--channel", "call", "--outcome", "reached"], ["stage", "1"], ["lead", "add", "--name", "x"],
    ["lead", "show", "1"], ["lead", "list"], ["lead", "edit", "1"], ["import", "leads", "leads.csv"],
    ["import", "touches", "leads.csv"], ["export", "leads"], ["next"], ["alerts"], ["audit"], ["objection"],
    ["switch", "1"], ["lead", "reassign", "--from", "ann", "--to"], ["doctor"], ["user", "add", "u"],
  ]

  /// Command lines that succeed on the test database, to be damaged one value at a time.
  static let valid: [[String]] = [
    ["touch", "1", "--channel", "call", "--outcome", "reached", "--note", "hi", "--next", "2026-11-25T10:00:00+08:00"],
    ["stage", "1", "deposit", "--amount", "5000"], ["stage", "1", "churned", "--reason", "other", "--note", "n"],
    ["lead", "add", "--name", "x", "--phone", "13812345678", "--grade", "A", "--birthday", "1990-01-02"],
    ["lead", "edit", "1", "--city", "c", "--tag", "vip", "--profile", "k=v"], ["lead", "list", "--stage", "prospect"],
    ["audit", "--from", "2026-11-01", "--to", "2026-11-24", "--format", "csv"], ["next", "--limit", "3"],
    ["lead", "reassign", "--from", "ann", "--to", "boss"], ["user", "add", "v", "--role", "consultant", "--team", "t"],
    ["import", "leads", "leads.csv", "--strict"], ["objection", "太贵了"], ["alerts", "--team"],
  ]

  @Test func randomCommandLinesExit0Or64Or65WithAMessage() throws {
    var cli = try CLI()
    #expect(try cli.run(["user", "add", "boss", "--role", "admin"]).status == 0)
    cli.user = "boss"
    _ = try cli.run(["user", "add", "ann", "--role", "consultant"])
    _ = try cli.addLead(["--consultant", "ann"])
    try Data("name,phone\n王芳,13812345678\n,\n\"x,\n".utf8).write(to: cli.dir.appendingPathComponent("leads.csv"))
    let iterations =
      ProcessInfo.processInfo.environment["COACH_FUZZ_ITERATIONS"].flatMap(Int.init).map { $0 / 10 } ?? 40
    let seed = ProcessInfo.processInfo.environment["COACH_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_124
    var rng = SplitMix(state: seed)
    var seen: [Int32: Int] = [:]
    for _ in 0..<iterations {
      var args: [String]
      if Bool.random(using: &rng) {
        // A valid command line with one or two values replaced by random words.
        args = Self.valid.randomElement(using: &rng) ?? []
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
          guard let i = args.indices.filter({ !args[$0].hasPrefix("--") }).randomElement(using: &rng) else { break }
          args[i] = Self.words.randomElement(using: &rng) ?? ""
        }
      } else {
        let options = Self.words.filter { $0.hasPrefix("--") }
        args = Int.random(in: 0..<4, using: &rng) > 0 ? Self.starts.randomElement(using: &rng) ?? [] : []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
          // Mostly an option and a value, sometimes a bare word.
          if Int.random(in: 0..<4, using: &rng) > 0, let o = options.randomElement(using: &rng) { args.append(o) }
          args.append(Self.words.randomElement(using: &rng) ?? "")
        }
      }
      if Bool.random(using: &rng), let i = args.indices.randomElement(using: &rng) {
        args[i] = String(args[i].shuffled(using: &rng))
      }
      let r = try cli.run(args)
      seen[r.status, default: 0] += 1
      #expect([0, 64, 65].contains(r.status), "coach \(args) exited \(r.status): \(r.stderr.prefix(300))")
      if r.status != 0 { #expect(!r.stderr.isEmpty, "coach \(args) exited \(r.status) silently") }
    }
    #expect(try cli.run(["doctor"]).status == 0)
    print("fuzz: \(iterations) command lines, exits \(seen.sorted { $0.key < $1.key })")
  }
}

/// SplitMix64, seeded so a failing command line replays (`COACH_FUZZ_SEED`).
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
