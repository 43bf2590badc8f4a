import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand {
  /// `coach demo`: a deterministic, realistic dataset relative to `--now`.
  struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "demo", abstract: "Fill a new database with a realistic demo dataset (4 consultants, ~200 leads).")
    @Option(help: "Number of leads.") var leads = 200
    @Option(help: "Random seed (same seed and --now give the same data).") var seed: UInt64 = 42
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard (1...1_000_000).contains(leads) else { throw ValidationError(OptionRuleText.demoLeads.text(global.ui)) }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let db = try env.openStore()
      let dataset = DemoData.generate(now: env.now, zone: env.zone, seed: seed, leads: leads)
      let count = try db.seed(dataset, now: env.now)
      if env.json {
        try Output(env: env).json(DemoResultJSON(database: env.dbPath, leads: count, users: dataset.users.map(\.name)))
      } else {
        let consultants = dataset.users.filter { $0.role == .consultant }.map(\.name)
        let out = Output(env: env)
        out.confirm(.demoLoaded(leads: count, users: dataset.users.map(\.name), path: env.dbPath))
        if let first = consultants.first { out.confirm(.demoTry(path: env.dbPath, user: first)) }
      }
    }
  }
}

struct DemoResultJSON: Encodable {
  let database: String
  let leads: Int
  let users: [String]
}
