import ArgumentParser
import CoachCore
import Foundation

extension CoachCommand {
  /// `coach models`: the playbook's model catalog (no database needed).
  struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "The model catalog with current supply waits.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let playbook = try Playbooks.load(env)
      let out = Output(env: env)
      if env.json { return try out.json(["models": playbook.models.map(ModelJSON.init)]) }
      let ui = playbook.labels.ui
      let table = TextTable(columns: [
        .init("code"), .init("name"), .init("segment"), .init("price", alignment: .right), .init("wait wk", alignment: .right),
        .init("upkeep/yr", alignment: .right), .init("¥/100km", alignment: .right), .init("cargo L", alignment: .right),
        .init("offer", maxWidth: 30),
      ])
      out.line(
        table.render(
          playbook.models.map { m in
            [
              m.code, m.name, ui["segment_\(m.segment)"] ?? m.segment, "\(m.price)", "\(m.waitWeeks)", "\(m.maintenancePerYear)",
              String(format: "%.0f", m.runningCostPer100km), "\(m.cargoLitres)", m.offer ?? "",
            ]
          }))
    }
  }
}

struct ModelJSON: Encodable {
  let code: String
  let name: String
  let price: Int
  let wait_weeks: Int
  let segment: String
  let maintenance_per_year: Int
  let running_cost_per_100km: Double
  let cargo_litres: Int
  let length_mm: Int
  let replaces: String?
  let offer: String?
  let selling_points: [String]

  init(_ m: CarModel) {
    code = m.code
    name = m.name
    price = m.price
    wait_weeks = m.waitWeeks
    segment = m.segment
    maintenance_per_year = m.maintenancePerYear
    running_cost_per_100km = m.runningCostPer100km
    cargo_litres = m.cargoLitres
    length_mm = m.lengthMm
    replaces = m.replaces
    offer = m.offer
    selling_points = m.sellingPoints
  }
}
