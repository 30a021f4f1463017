import LivrevCommands

@main
struct Entrypoint {
    static func main() {
        LivrevCommand.main()
    }
}
