import ArgumentParser
import LivrevStore

/// `--stage S`: title-abstract or full-text.
struct StageOptions: ParsableArguments {
    @Option(help: "The screening stage.")
    var stage: ScreeningStage
}

extension ScreeningStage: ExpressibleByArgument {}
extension ScreeningDecision: ExpressibleByArgument {}
extension ScreeningOrder: ExpressibleByArgument {}
