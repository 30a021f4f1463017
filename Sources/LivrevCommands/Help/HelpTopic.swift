import ArgumentParser

/// `livrev help [TOPIC|COMMAND…]`: the concepts a reviewer coming from Covidence or Rayyan needs,
/// and every command's own help.
struct HelpTopic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "Explain a concept (livrev help TOPIC) or show a command's help (livrev help screen next)."
    )

    @Argument(help: "A topic (see 'livrev help') or a command and its subcommands.")
    var words: [String] = []

    func run() throws {
        guard let first = words.first else {
            Output.print(HelpTopic.index, terminator: "")
            return
        }
        if let page = HelpTopic.pages.first(where: { $0.name == first.lowercased() || $0.aliases.contains(first.lowercased()) }) {
            Output.print(page.text, terminator: "")
            return
        }
        var command: any ParsableCommand.Type = LivrevCommand.self
        for word in words {
            guard
                let sub = command.configuration.subcommands.first(where: {
                    $0.configuration.commandName == word || $0._commandName == word
                })
            else {
                throw ValidationError(
                    "no help topic or command '\(words.joined(separator: " "))'; topics: "
                        + HelpTopic.pages.map(\.name).joined(separator: ", "))
            }
            command = sub
        }
        Output.print(LivrevCommand.helpMessage(for: command), terminator: "\n")
    }

    struct Page {
        let name: String
        let aliases: [String]
        let summary: String
        let text: String
    }

    static var index: String {
        let width = pages.map(\.name.count).max() ?? 0
        return "Topics (livrev help TOPIC):\n"
            + pages.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
            + "\n\nCommands: 'livrev --help' lists them; 'livrev help COMMAND [SUBCOMMAND]' shows one.\n"
    }
}
