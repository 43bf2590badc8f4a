import ArgumentParser
import CoachCore
import CoachStoreAPI
import Foundation

extension CoachCommand.UserCommand {
  /// `coach user passwd NAME --password-stdin`: the password `coach serve` asks for.
  struct Passwd: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "passwd",
      abstract: "Set a user's password for `coach serve` (an admin, or the user themself); ends their browser sessions."
    )
    @Argument(help: "The user's name.") var name: String
    @Flag(help: "Read the password as one line from standard input (required: never on the command line).")
    var passwordStdin = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
      guard passwordStdin else {
        throw ValidationError(OptionRuleText.passwordOnStdin.text(global.ui))
      }
    }

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      guard let line = readLine(strippingNewline: true) else {
        throw CoachError.usage(OptionRuleText.noPasswordOnStdin(name: name).text(env.ui))
      }
      let user = try Accounts.setPassword(session, name: name, password: line)
      if env.json {
        try Output(env: env).json(UserJSON(user))
      } else {
        Output(env: env).confirm(.passwordSet(name: user.name))
      }
    }
  }

  /// `coach user ics-token NAME`: a new secret calendar-feed path (the old one stops working).
  struct ICSToken: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ics-token",
      abstract: "Print a new secret calendar-feed path /ics/TOKEN.ics for `coach serve` (replaces the old one).")
    @Argument(help: "The user's name.") var name: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let env = try RunEnvironment(global)
      let session = try Output.reading(env)
      let (_, path) = try Accounts.newICSToken(session, name: name)
      if env.json {
        try Output(env: env).json(["path": path])
      } else {
        print(path)
      }
    }
  }
}
