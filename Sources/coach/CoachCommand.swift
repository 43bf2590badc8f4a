import ArgumentParser
import CoachCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `coach`: the follow-up coach for car-dealership sales consultants.
@main
struct CoachCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coach",
    abstract: "Follow-up coach for car-dealership sales consultants.",
    discussion: "Before each call: `coach next`. Every command takes --db, --as, --now, --tz, --lang and --json.",
    version: "0.1.0",
    subcommands: [
      NextCommand.self, AlertsCommand.self, LeadCommand.self, TouchCommand.self, StageCommand.self,
      SwitchCommand.self, ObjectionCommand.self, ModelsCommand.self, PlaybookCommand.self, ImportCommand.self,
      ExportCommand.self, UserCommand.self, StoreCommand.self, MigrateCommand.self, Init.self, DemoCommand.self,
      AuditCommand.self,
      BackupCommand.self, RestoreCommand.self, DoctorCommand.self, ServeCommand.self, SnoozeCommand.self,
    ])

  /// Parses, runs, and maps every failure to the contract's exit codes (64 usage, 65 rejected, 70 internal).
  static func main() {
    let args = Array(CommandLine.arguments.dropFirst())
    let wantsJSON = args.contains("--json")
    let language = RunEnvironment.interfaceLanguage(args: args)
    do {
      var command = try parseAsRoot(args)
      try command.run()
    } catch let error as CoachError {
      report(error, json: wantsJSON, language: language)
      Glibc.exit(error.exitCode)
    } catch let error as ExitCode {
      Glibc.exit(error.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)  // --help, --version
      }
      if code == .validationFailure {
        // The parser's own words are English and several lines long: coach says what was wrong and what is accepted
        // in two lines of the user's language (`ParserComplaint`).
        let complaint = unknownCommand(in: args) ?? ParserComplaint(parsing: fullMessage(for: error))
        report(.usage(UIText.badCommandLine(complaint).text(language)), json: wantsJSON, language: language)
        Glibc.exit(64)
      }
      // Anything else is coach's own fault: exit 70 with what happened.
      let internalError = CoachError.internalError("internal error: \(error)")
      report(internalError, json: wantsJSON, language: language)
      Glibc.exit(internalError.exitCode)
    }
  }

  /// A word where a command was expected (`coach nxt`, `coach lead shwo`): the parser would blame a later option
  /// instead (`Unknown option '--as'`). An option before its command (`coach --db X next`) is told where it goes.
  static func unknownCommand(in args: [String]) -> ParserComplaint? {
    var command: ParsableCommand.Type = CoachCommand.self
    var path = ["coach"]
    for (i, word) in args.enumerated() {
      let subcommands = command.configuration.subcommands
      // `coach --db X next`: an option before the command it belongs to.
      if !subcommands.isEmpty, word.hasPrefix("-"), let named = commandPath(in: args[(i + 1)...], under: command) {
        return ParserComplaint(
          kind: .optionBeforeCommand(option: word, command: (path + named).joined(separator: " ")),
          command: path.joined(separator: " "))
      }
      guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
      guard let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) })
      else {
        let names = subcommands.map { $0._commandName }
        return ParserComplaint(
          kind: .unknownCommand(word: word, commands: names, suggestion: ParserComplaint.nearest(word, in: names)),
          command: path.joined(separator: " "))
      }
      command = next
      path.append(word)
    }
    return nil
  }

  /// The command named later on the line (`lead list` in `--db X lead list --as Y`), nil when none is.
  static func commandPath(in words: ArraySlice<String>, under root: ParsableCommand.Type) -> [String]? {
    var command = root
    var path: [String] = []
    for word in words {
      // Other words are options and their values (`X`, `--as Y`).
      guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { continue }
      path.append(word)
      command = next
    }
    return path.isEmpty ? nil : path
  }

  /// Writes the error on stderr in the user's language (and as JSON on stdout with --json; the code never changes).
  static func report(_ error: CoachError, json: Bool, language: UILanguage) {
    let message = error.message(in: language)
    FileHandle.standardError.write(Data("coach: \(message)\n".utf8))
    if json {
      let doc = ["error": ["code": error.code, "message": message]]
      if let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes]) {
        Output.write(data + Data("\n".utf8))
      }
    }
  }
}
