import ArgumentParser
import CoachCore
import Foundation

extension CoachCommand {
  /// `coach models`: the playbook's model catalog (no database needed).
  struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "models", abstract: "The model catalog with current supply waits, or one model in full.")
    @Argument(help: "A model code or name: show that model's selling points and competitors.") var code: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let playbook = try Playbooks.load(env)
      let out = Output(env: env)
      if let code {
        let model = try Self.find(code, in: playbook)
        if env.json { return try out.json(["models": [ModelJSON(model)]]) }
        return ModelCard(out: out, playbook: playbook).print(model)
      }
      if env.json { return try out.json(["models": playbook.models.map(ModelJSON.init)]) }
      let labels = playbook.labels
      let table = TextTable(columns: [
        .init("code"), .init("name"), .init("segment"), .init("price", alignment: .right),
        .init("wait wk", alignment: .right),
        .init("upkeep/yr", alignment: .right), .init("¥/100km", alignment: .right), .init("cargo L", alignment: .right),
        .init("offer", maxWidth: 30),
      ])
      out.line(
        table.render(
          playbook.models.map { m in
            [
              m.code, m.name, labels.ui(.segment, m.segment) ?? m.segment, "\(m.price)", "\(m.waitWeeks)",
              "\(m.maintenancePerYear)",
              // The running cost as the switch arguments quote it (9.5, not 10).
              NumberText.decimal(m.runningCostPer100km), "\(m.cargoLitres)", m.offer ?? "",
            ]
          }))
    }
  }
}

extension CoachCommand.ModelsCommand {
  /// The model with this code or name (case and spaces ignored); 65 naming the known codes otherwise.
  static func find(_ text: String, in playbook: Playbook) throws -> CarModel {
    let key = text.lowercased().filter { !$0.isWhitespace }
    if let m = playbook.models.first(where: {
      [$0.code, $0.name].contains { $0.lowercased().filter { !$0.isWhitespace } == key }
    }) {
      return m
    }
    let known = playbook.models.map(\.code).joined(separator: ", ")
    let chinese = playbook.isChinese
    throw CoachError.rejected(
      code: "unknown_model",
      message: chinese
        ? "车型目录里没有“\(text)”；可用的车型代码：\(known)" : "model \"\(text)\" is not in the catalog; known codes: \(known)")
  }
}

/// One model as a consultant reads it: figures, why buy it (key 1), each competitor's weakness and answer (key 6).
struct ModelCard {
  let out: Output
  let playbook: Playbook

  func print(_ m: CarModel) {
    let labels = playbook.labels
    let chinese = playbook.isChinese
    out.line(Output.bold("\(m.name)  (\(m.code))"))
    let wait =
      m.waitWeeks == 0 ? (chinese ? "现车" : "in stock") : (chinese ? "等 \(m.waitWeeks) 周" : "\(m.waitWeeks)-week wait")
    let seats = chinese ? "\(m.seats) 座" : "\(m.seats) seats"
    let price = chinese ? "\(m.price) 元" : "\(m.price) yuan"
    out.line([labels.ui(.segment, m.segment) ?? m.segment, seats, price, wait].joined(separator: " · "))
    if let offer = m.offer { out.line((chinese ? "当前优惠" : "Offer") + playbook.colon + offer) }
    if !m.sellingPoints.isEmpty {
      out.line(Output.bold(labels.ui(.sellingPoints) ?? "Selling points"))
      for p in m.sellingPoints { out.line("  • " + p) }
    }
    if !m.competitors.isEmpty {
      out.line(Output.bold(labels.ui(.competitor) ?? "Competitors"))
      for c in m.competitors {
        out.line("  • \(c.name) (" + (labels.ui(.weakness) ?? "weakness") + playbook.colon + "\(c.weakness))")
        out.line("    → \(c.answer)")
      }
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
  let seats: Int
  let competitors: [CompetitorJSON]

  struct CompetitorJSON: Encodable {
    let name: String
    let weakness: String
    let answer: String
  }

  init(_ m: CarModel) {
    seats = m.seats
    competitors = m.competitors.map { CompetitorJSON(name: $0.name, weakness: $0.weakness, answer: $0.answer) }
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
