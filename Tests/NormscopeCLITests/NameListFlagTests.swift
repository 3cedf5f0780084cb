import Foundation
@testable import NormscopeCLI
import NormscopeEngine
import Testing

/// The list flags that name regimes and variants: names read by the CLI (the engine knows no flags), any
/// case, blanks around them ignored; an unknown name is refused naming the flag and the valid names.
@Suite("regime and variant lists")
struct NameListFlagTests {
    static let regimes = "naive,l2norm,wd,maxnorm,wd+maxnorm"
    static let variants = "posthoc-l2,posthoc-tau,cb+wd,cb+maxnorm,cb+wd+maxnorm or all"

    @Test func namesParseInTheOrderGiven() throws {
        #expect(try NameListFlag.regimes("wd+maxnorm, NAIVE ,wd", for: .regimes) == [.wdMaxnorm, .naive, .wd])
        #expect(try NameListFlag.regimes(Self.regimes, for: .regimes) == Regime.allCases)
        #expect(try NameListFlag.bases(" All ", trained: [.naive, .maxnorm]) == [.naive, .maxnorm])
        #expect(try NameListFlag.bases("maxnorm", trained: [.naive]) == [.maxnorm], "the engine reports untrained bases")
        #expect(try NameListFlag.variants("all") == Stage2Variant.all)
        #expect(try NameListFlag.variants("cb+wd, POSTHOC-tau") == [.cbWD, .posthocTau])
    }

    @Test("unknown names are refused naming the flag", arguments: [
        ("--regimes", "naive,foo", "unknown regime 'foo' in --regimes; valid: \(regimes)"),
        ("--regimes", "", "unknown regime '' in --regimes; valid: \(regimes)"),
        ("--stage2-base", "wd,all", "unknown regime 'all' in --stage2-base; valid: \(regimes)"),
        ("--stage2-base", "x", "unknown regime 'x' in --stage2-base; valid: \(regimes)"),
        ("--stage2-variants", "cb", "unknown variant 'cb' in --stage2-variants; valid: \(variants)"),
        ("--stage2-variants", "cb+wd,", "unknown variant '' in --stage2-variants; valid: \(variants)"),
    ])
    func unknownNames(flag: String, text: String, message: String) {
        #expect(throws: NormscopeError.invalidValue(message)) {
            switch flag {
            case "--regimes": _ = try NameListFlag.regimes(text, for: .regimes)
            case "--stage2-base": _ = try NameListFlag.bases(text, trained: Regime.allCases)
            default: _ = try NameListFlag.variants(text)
            }
        }
    }

    @Test func repeatsAreRefusedBeforeUnknownNames() {
        #expect(throws: NormscopeError.invalidValue("--stage2-variants lists cb+wd twice (as cb+wd and CB+WD); give each value once")) {
            try NameListFlag.variants("cb+wd,x,CB+WD")
        }
        #expect(throws: NormscopeError.invalidValue("--stage2-base lists wd twice; give each value once")) {
            try NameListFlag.bases("wd,wd", trained: Regime.allCases)
        }
    }

    @Test("the binary names the flag", arguments: [
        ["run", "--stage2-base", "sgd"], ["run", "--stage2-variants", "cb"], ["watch", "--regimes", "wd,Foo"],
    ])
    func throughTheBinary(args: [String]) async throws {
        let dir = try Paths.scratch("names")
        defer { Paths.removeScratch(dir) }
        let output = args[0] == "run" ? ["-o", dir + "/out.json"] : []
        let r = try await Child.normscope(args + output, directory: dir)
        #expect(r.status == 64 && r.stderrLines.count == 1, "\(r)")
        let line = String(r.stderrLines.first ?? "")
        #expect(line.contains("unknown") && line.contains(args[1]) && line.contains("'\(args[2].split(separator: ",").last!)'"), "\(line)")
    }
}
