import Foundation
import Testing

/// Bad invocations of the real binary: each is ONE line on stderr naming the flag (and its valid range,
/// where it has one), the usage exit status 64, nothing on stdout, and no training (no output file).
@Suite("bad flags")
struct BadFlagTests {
    /// An invocation and what its one-line error must contain.
    struct Case: CustomTestStringConvertible, Sendable {
        var args: [String]
        var mentions: [String]
        var testDescription: String { args.joined(separator: " ") }
        init(_ args: String, _ mentions: String...) {
            self.args = args.split(separator: " ").map(String.init)
            self.mentions = mentions
        }
        init(argv: [String], _ mentions: String...) {
            args = argv
            self.mentions = mentions
        }
    }

    static let cases: [Case] = [
        // Epochs, classes, imbalance: zero, negative, too large, not a number.
        Case("run --epochs 0", "--epochs", "between 1 and 1000000"),
        Case("run --epochs=-5", "--epochs", "between 1 and 1000000"),
        Case("run --epochs 1000001", "--epochs", "between 1 and 1000000"),
        Case("run --epochs ten", "--epochs needs a whole number between 1 and 1000000, in digits (got 'ten')"),
        Case("run --epochs", "--epochs needs a", "whole number between 1 and 1000000"),  // (the test adds -o: not a number)
        Case("run --classes 1", "--classes", "between 2 and 10000"),
        Case("run --classes=-3", "--classes", "between 2 and 10000"),
        Case("run --imbalance 0.5", "--imbalance", "between 1 and 1000000"),
        Case("run --imbalance nan", "--imbalance", "between 1 and 1000000"),
        // Optimiser settings.
        Case("run --lr 0", "--lr", "(0, 10]"),
        Case("run --lr=-0.1", "--lr", "(0, 10]"),
        Case("run --lr inf", "--lr", "(0, 10]"),
        Case("run --lr nan", "--lr", "(0, 10]"),
        Case("run --weight-decay=-1", "--weight-decay", "[0, 10]"),
        Case("run --momentum 1", "--momentum", "[0, 1)"),
        Case("run --batch-size 0", "--batch-size", "between 1 and 65536"),
        Case("run --maxnorm-radius 0", "--maxnorm-radius", "(0, 1000]"),
        Case("run --maxnorm-thresh 2", "--maxnorm-thresh", "[0, 1]"),
        Case("run --maxnorm-every sometimes", "--maxnorm-every must be one of 'step', 'epoch' (got 'sometimes')"),
        Case("run --threads 0", "--threads", "between 1 and 256"),
        // Malformed --hidden.
        Case(argv: ["run", "--hidden", ""], "--hidden", "between 1 and 4096"),
        Case("run --hidden 12,,4", "--hidden", "between 1 and 4096"),
        Case("run --hidden 0", "--hidden", "between 1 and 4096"),
        Case("run --hidden wide", "--hidden", "between 1 and 4096"),
        Case("run --hidden 64,5000", "--hidden", "between 1 and 4096"),
        // Regimes, profiles, colour maps: unknown names list the valid ones.
        Case("run --regimes naive,foo", "unknown regime 'foo'", "--regimes", "naive,l2norm,wd,maxnorm,wd+maxnorm"),
        Case(argv: ["run", "--regimes", ""], "--regimes", "naive,l2norm,wd,maxnorm,wd+maxnorm"),
        Case("run --profile linear", "--profile", "'exponential'", "'step'"),
        Case("watch --colormap rainbow", "--colormap", "'jet'", "'viridis'"),
        // Data shape.
        Case("run --noise=-1", "--noise", "between 0 and 100"),
        Case("run --modes 0", "--modes", "between 1 and 64"),
        Case("run --dim 0", "--dim", "between 1 and 4096"),
        Case("run --max-per-class 0", "--max-per-class", "between 1 and 100000"),
        Case("run --test-per-class 0", "--test-per-class", "between 1 and 100000"),
        // Seeds that are not numbers (or not in range).
        Case("run --seed abc", "--seed needs a whole number between 0 and 2^64-1, in digits (got 'abc')"),
        Case("run --seed=-1", "--seed must be between 0 and 2^64-1 (got -1)"),
        Case("run --seed 18446744073709551616", "--seed must be between 0 and 2^64-1 (got 18446744073709551616)"),
        Case("run --seed 1.5", "--seed needs a whole number between 0 and 2^64-1, in digits (got '1.5')"),
        // Unknown commands and options, stray arguments, missing ones.
        Case("frobnicate", "unknown command 'frobnicate'", "watch, run, dataset"),
        Case("runn --epochs 3", "unknown command 'runn'"),
        Case("help frobnicate", "unknown command 'frobnicate'", "watch, run, dataset"),
        // An option given twice with different values (ArgumentParser would keep the last without a word).
        Case("run --epochs 1 --epochs 2", "--epochs is given twice, as '1' and as '2'; give it once"),
        Case("figure r.json -o a.svg --output=b.svg", "--output is given twice, as 'a.svg' and as 'b.svg'"),
        Case("reproduce --imbalances 10 --imbalances 20", "--imbalances is given twice"),
        Case("--epochs 1 --epochs 3", "--epochs is given twice", "normscope watch --help"),
        // --seed cannot change a data file's rows: dataset would write the same file for every seed.
        Case("dataset --dataset digits-lt --seed 5 -o d.csv", "--seed", "digits-lt", "drop --seed"),
        // A value starting with a dash is read as an option: say so, and how to write it.
        Case("figure r.json -o -fig.svg", "-o got no value: '-fig.svg' starts with a dash", "write --output=-fig.svg"),
        Case("run --dataset -d.csv", "--dataset got no value: '-d.csv' starts with a dash", "write --dataset=-d.csv"),
        Case("run --bogus", "normscope run has no option --bogus"),
        Case("run extra", "unexpected argument 'extra'"),
        Case("dataset", "--output"),
        Case(argv: ["run", "--dataset", ""], "--dataset"),
        Case(argv: ["run", "-o", ""], "--output"),
        // Conflicting options.
        Case("run --maxnorm-radius 1 --maxnorm-thresh 0.1", "--maxnorm-radius", "--maxnorm-thresh", "conflict"),
        Case("run --timings --no-timings", "--timings", "--no-timings", "conflict"),
        // Each size in range, together too big for memory: refused before anything is allocated.
        Case("run --classes 10000 --max-per-class 100000 --imbalance 1 --dim 4096", "of memory", "--max-per-class"),
        Case(argv: ["run", "--hidden", Array(repeating: "4096", count: 32).joined(separator: ","), "--batch-size", "65536"],
             "of memory", "--hidden", "--batch-size"),
        // bench refuses it before measuring anything (nothing on stdout, not even the FMA peak).
        Case(argv: ["bench", "--only", "kernels", "--hidden", Array(repeating: "4096", count: 32).joined(separator: ","),
                    "--batch-size", "65536"], "of memory", "--hidden"),
        // The live view's own flags (checked before any terminal is touched).
        Case("watch --pace 100", "--pace", "between 0 and 60"),
        Case("watch --hold=-1", "--hold", "between 0 and 86400"),
        Case("watch --stage2-epochs 0", "--stage2-epochs", "between 1 and 1000000"),
        Case("watch --tau 11", "--tau", "[0, 10]"),
        Case("watch --stage2-base bogus", "--stage2-base", "naive,l2norm,wd,maxnorm,wd+maxnorm"),
        Case("--epochs 0", "--epochs", "between 1 and 1000000"),
    ]

    @Test("a one-line error naming the flag, exit status 64, no training", arguments: cases)
    func badInvocation(_ c: Case) async throws {
        let dir = try Paths.scratch("flags")
        defer { Paths.removeScratch(dir) }
        let out = dir + "/out.json"
        var args = c.args
        if args.first == "run" && !args.contains("-o") { args += ["-o", out] }
        let r = try await Child.normscope(args, directory: dir, timeout: .seconds(60))
        #expect(r.status == 64, "\(r)")
        #expect(r.stdout.isEmpty, "nothing on stdout: \(r)")
        #expect(r.stderrLines.count == 1, "one line: \(r.stderr)")
        let line = String(r.stderrLines.first ?? "")
        #expect(line.hasPrefix("normscope: error: "), "\(line)")
        for m in c.mentions { #expect(line.contains(m), "'\(m)' in: \(line)") }
        #expect(!line.contains("Usage:") && !line.contains("Error:"), "no ArgumentParser block: \(line)")
        #expect(!r.stderr.contains(" training / "), "no training started: \(r.stderr)")
        #expect(Paths.contents(dir).isEmpty, "no file written: \(Paths.contents(dir))")
    }

    @Test("at least 30 bad invocations are covered")
    func enoughCases() { #expect(Self.cases.count >= 30) }

    @Test("data-shaping flags conflict with a CSV data set; --export-dir must exist (exit 73, like any output)")
    func conflictsFoundAfterParsing() async throws {
        let dir = try Paths.scratch("flags")
        defer { Paths.removeScratch(dir) }
        let csv = dir + "/d.csv"
        try "label,split,x\n0,train,1\n1,train,2\n0,test,1\n1,test,2\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let r = try await Child.normscope(["run", "--dataset", csv, "--classes", "5", "-o", dir + "/out.json"])
        #expect(r.status == 64, "\(r)")
        #expect(r.stderrLines.count == 1 && r.stderr.contains("--classes") && r.stderr.contains(csv), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.json"))
        let w = try await Child.normscope(["watch"] + Tiny.dataset + ["--export-dir", dir + "/missing"])
        #expect(w.status == 73, "\(w)")
        #expect(w.stderrLines.count == 1 && w.stderr.contains("--export-dir") && w.stderr.contains("not a directory"), "\(w)")
    }

    @Test("an option given twice with the same value, and --change given several times, are accepted")
    func repeatsThatAgree() async throws {
        let dir = try Paths.scratch("flags")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(Tiny.run(epochs: 2) + ["--epochs", "2", "--change", "1:lr=0.001",
                                                                  "--change", "1:momentum=0.5", "-o", dir + "/r.json"])
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.fileExists(atPath: dir + "/r.json"))
    }

    @Test("the spelling the dashed-value message suggests works: --output=-r.json writes -r.json")
    func dashedValueSpelling() async throws {
        let dir = try Paths.scratch("flags")
        defer { Paths.removeScratch(dir) }
        let r = try await Child.normscope(Tiny.run(epochs: 1) + ["--output=-r.json"], directory: dir)
        #expect(r.status == 0, "\(r)")
        #expect(Paths.contents(dir) == ["-r.json"])
    }

    @Test("help and version still print in full and exit 0")
    func helpAndVersion() async throws {
        let h = try await Child.normscope(["run", "--help"])
        #expect(h.status == 0 && h.stdout.contains("USAGE: normscope run") && h.stdout.contains("--timings"), "\(h)")
        let v = try await Child.normscope(["--version"])
        #expect(v.status == 0 && v.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.3.0", "\(v)")
    }
}
