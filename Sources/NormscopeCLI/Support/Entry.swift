import ArgumentParser
import Foundation
import NormscopeEngine

extension Normscope {
    /// The program's entry point: parses, runs, and reports every error on ONE line of stderr.
    ///
    /// ArgumentParser's own `main()` prints an error, a usage block and a hint over three or four lines;
    /// here a usage error is `normscope: error: <message> (see 'normscope run --help')` with exit status 64,
    /// the help and version requests print as usual, and a mistyped command is named as such (with a default
    /// subcommand, ArgumentParser would call it an "unexpected argument").
    package static func main() {
        StandardDescriptors.holdClosedOnes()
        // A headless command survives any stdout or stderr, from its first message (a usage error) on: a
        // quit reader or a file-size limit is an error it reports (saving its results around it), not a
        // signal that ends it mid-write. The live view gets them back: its trap restores the terminal on each.
        let writeSignals = StandardDescriptors.ignoreWriteSignals()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A mistyped command, first or after `help`.
        let named = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        if let word = named, !word.hasPrefix("-"), !commandNames.contains(word) {
            fail("unknown command '\(word)'; commands: \(commandNames.filter { $0 != "help" }.joined(separator: ", "))",
                 command: nil)
        }
        let command = arguments.first.flatMap { commandNames.contains($0) ? $0 : nil } ?? "watch"
        if command != "help", let repeated = RepeatedOption.problem(in: Array(arguments.drop { $0 == command }), command: command) {
            fail(repeated, command: command)
        }
        QuitSignal.install()
        do {
            var command = try parseAsRoot(arguments)
            if command is WatchCommand { writeSignals.restore() } else { ExitSignalCleanup.install() }
            try command.run()
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            guard let failure = failure(for: error, arguments: arguments) else { printHelpOrExit(error) }
            StandardError.write(failure.line + "\n")
            exit(withError: ExitCode(failure.status))
        }
        finishStandardOutput()
        exit(withError: ExitCode.success)
    }

    /// Prints a help or version request's text to standard output and exits 0, or 74 when it could not all be
    /// written (`--help > /dev/full`); any other error without a message is ArgumentParser's to report.
    private static func printHelpOrExit(_ error: Error) -> Never {
        guard exitCode(for: error) == .success else { exit(withError: error) }
        print(fullMessage(for: error))
        finishStandardOutput()
        exit(withError: ExitCode.success)
    }

    /// Flushes standard output and fails (exit 74) when what the command printed could not all be written (a
    /// full disk, `> /dev/full`, a file-size limit): the report would otherwise be lost with exit status 0. A
    /// closed pipe (`| head -1`) is the reader's choice, not a failure.
    static func finishStandardOutput() {
        errno = 0
        let flushed = fflush(nil) == 0 && !StandardStreams.outputHasError
        let code = StandardOutput.firstFailure ?? (flushed ? 0 : errno)
        guard !flushed || StandardOutput.firstFailure != nil else { return }
        guard code != EPIPE && !StandardOutput.readerQuit else { return }
        let reason = code != 0 ? DescriptorWrite.message(code) : "write error"
        StandardError.writeUnflushed("normscope: error: cannot write to standard output: \(reason); the output is incomplete — check the disk or the redirection\n")
        exit(withError: ExitCode(74))
    }

    /// What `main()` prints on stderr for an `error` thrown while parsing or validating `arguments` (one line,
    /// `normscope: error: ...`) and the exit status; nil for help and version requests and for errors without
    /// a message, which ArgumentParser reports itself.
    ///
    /// A parse failure (a bad or missing value, an unknown option, a stray word) is said from its data
    /// (`ParserFailure`); a validation error is the command's own message.
    static func failure(for error: Error, arguments: [String]) -> (line: String, status: Int32)? {
        let code = exitCode(for: error)
        guard code != .success else { return nil }
        let sub = arguments.first.flatMap { commandNames.contains($0) && $0 != "help" ? $0 : nil }
        if let parsed = ParserFailure(error) {
            var message = parsed.message(command: sub)
            if case .missingValue(let flag) = parsed,
               let dashed = DashedValue.message(flag: flag, arguments: arguments, command: sub ?? "watch") {
                message = dashed
            }
            return (errorLine(message, command: sub), code.rawValue)
        }
        let lines = fullMessage(for: error).split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("Usage:") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("See '") }
        guard !lines.joined().trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return (errorLine(oneLine(lines.joined(separator: "\n")), command: sub), code.rawValue)
    }

    /// Names of the subcommands (and `help`).
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// `text` on one line: its lines trimmed and joined with " — ", without ArgumentParser's "Error:" and
    /// "Help:" labels (the help line is kept: it tells the flag's valid range).
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { line -> String in
            var s = line.trimmingCharacters(in: .whitespaces)
            for label in ["Error:", "Help:"] where s.hasPrefix(label) {
                s = s.dropFirst(label.count).trimmingCharacters(in: .whitespaces)
            }
            return s.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }.filter { !$0.isEmpty }.joined(separator: " — ")
    }

    /// `normscope: error: <message> (see 'normscope <command> --help')`, the message shown through
    /// `DisplayText.escape` (it may quote the command line).
    static func errorLine(_ message: String, command: String?) -> String {
        let hint = command.map { "normscope \($0) --help" } ?? "normscope --help"
        return "normscope: error: \(DisplayText.escape(message)) (see '\(hint)')"
    }

    private static func fail(_ message: String, command: String?, code: Int32 = 64) -> Never {
        StandardError.write(errorLine(message, command: command) + "\n")
        exit(withError: ExitCode(code))
    }
}

