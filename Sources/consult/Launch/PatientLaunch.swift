import ConsultCore

/// The patient commands (`consult`, `consult run …`, `consult kiosk …`) read from the command line without
/// swift-argument-parser, which spends milliseconds of every start reflecting over the commands' properties
/// and looking up protocol conformances (docs/performance.md, "Start-up").
///
/// Only plain, well-formed uses are taken here: a command name, at most one dialog path, and each known option
/// once with a value that cannot be mistaken for an option. Anything else (help, version, completion scripts,
/// unknown or repeated options, a bad number, `--`) returns `nil`, and the argument parser handles it as before,
/// with its messages. `PatientLaunchTests` checks that what is taken here reads as the parser reads it.
enum PatientLaunch: Equatable {
    case run(RunCommand.Settings)
    case kiosk(KioskCommand.Settings)

    /// The command these arguments (without the program's name) ask for, or `nil` to leave them to the parser.
    init?(arguments: [String]) {
        guard let first = arguments.first else {
            self = .run(RunCommand.Settings())
            return
        }
        guard let options = Self.options(Array(arguments.dropFirst())) else { return nil }
        switch first {
        case "run":
            guard let settings = RunCommand.Settings(options) else { return nil }
            self = .run(settings)
        case "kiosk":
            guard let settings = KioskCommand.Settings(options) else { return nil }
            self = .kiosk(settings)
        default:
            return nil
        }
    }

    /// Runs the command.
    func run() throws {
        switch self {
        case let .run(settings): try RunCommand.run(settings)
        case let .kiosk(settings): try KioskCommand.run(settings)
        }
    }

    /// What the arguments after the command name say.
    struct Options {
        /// The one argument that is not an option, if any.
        var positional: String?
        /// Options by long name (without `--`); flags map to an empty string.
        var values: [String: String] = [:]

        /// Takes the option `name`: its value, `nil` when absent. What no command takes is left in `values`.
        mutating func take(_ name: String) -> String? {
            values.removeValue(forKey: name)
        }

        /// Takes what `run` and `kiosk` share: the dialog and the summary and cache folders.
        mutating func takeShared<Settings: PatientCommandSettings>(into settings: inout Settings) {
            if let dialog = positional { settings.dialog = dialog }
            if let out = take("out") { settings.out = out }
            settings.group = take("group")
            settings.cacheDirectory = take("cache-dir")
            settings.noCache = take("no-cache") != nil
        }
    }

    /// Long options that take a value in these commands; `no-cache` is the one flag.
    private static let valued: Set<String> = ["out", "group", "lang", "cache-dir", "idle-timeout", "warning-seconds"]
    private static let flags: Set<String> = ["no-cache"]

    /// Splits the arguments into one positional argument and known long options, each given once; `nil` otherwise.
    static func options(_ arguments: [String]) -> Options? {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") else {
                guard options.positional == nil else { return nil }
                options.positional = argument
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
            let body = argument.dropFirst(2)
            let name: String
            let value: String
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                value = String(body[body.index(after: equals)...])
                // The parser refuses `--out=` with nothing after it; so does this, by leaving it to the parser.
                guard valued.contains(name), !value.isEmpty else { return nil }
            } else {
                name = String(body)
                if flags.contains(name) {
                    value = ""
                } else {
                    guard valued.contains(name), index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                    value = arguments[index]
                    index += 1
                }
            }
            // A repeated option is left to the parser, which decides which one counts.
            guard options.values.updateValue(value, forKey: name) == nil else { return nil }
        }
        return options
    }
}

/// What `run` and `kiosk` both take.
protocol PatientCommandSettings {
    var dialog: String { get set }
    var cacheDirectory: String? { get set }
    var noCache: Bool { get set }
    var out: String { get set }
    var group: String? { get set }
}

extension RunCommand.Settings: PatientCommandSettings {
    /// The settings of `consult run` from options split by ``PatientLaunch/options(_:)``; `nil` for any it does not take.
    init?(_ options: PatientLaunch.Options) {
        var options = options
        self.init()
        options.takeShared(into: &self)
        if let lang = options.take("lang") { self.lang = lang }
        guard options.values.isEmpty else { return nil }
    }
}

extension KioskCommand.Settings: PatientCommandSettings {
    /// The settings of `consult kiosk` from options split by ``PatientLaunch/options(_:)``; `nil` for any it does not
    /// take, and for timeouts the command would refuse (so the parser says why).
    init?(_ options: PatientLaunch.Options) {
        var options = options
        self.init()
        options.takeShared(into: &self)
        lang = options.take("lang")
        if let text = options.take("idle-timeout") {
            guard let seconds = Int(text), seconds > 0 else { return nil }
            idleTimeout = seconds
        }
        if let text = options.take("warning-seconds") {
            guard let seconds = Int(text), seconds > 0 else { return nil }
            warningSeconds = seconds
        }
        guard options.values.isEmpty else { return nil }
    }
}
