import ArgumentParser
import Foundation
import NormscopeEngine

/// `normscope bench`: the core's FMA peak, the matrix kernels on the training shapes, and training throughput.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the FMA peak, the matrix kernels and training throughput, in one process.",
        discussion: """
        FLOP are counted as 2*M*N*K per matrix product: forward, weight gradient and input gradient of every \
        layer (no input gradient for the first), plus the evaluation forward pass on the test set. Softmax, \
        bias, ReLU, the optimizer and the norms are not counted. Kernel rates and the peak use the thread's CPU \
        clock (medians of many short runs); training times are wall clock, medians over the timed epochs, after \
        one warm-up epoch. The experiment flags choose the shape (--classes, --dim, --hidden, --batch-size, \
        --dataset ...); --sweep runs the grid C = 10, 100, 1000 x d = 32, 256 x batch 64, 256.
        """
    )

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case all, peak, kernels, training
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var experiment: ExperimentOptions

    @Option(name: .customLong("timed-epochs"), parsing: .unconditional, help: "Epochs timed per regime, after one warm-up epoch (1 to 1000).")
    var timedEpochs: Int = 3

    @Option(help: "What to measure: all, peak, kernels or training.")
    var only: Part = .all

    @Flag(help: "Training throughput over the grid C = 10, 100, 1000; d = 32, 256; batch 64, 256 (naive regime, 1 timed epoch each).")
    var sweep = false

    @Option(help: "Output: text (a report) or json (for scripts).")
    var format: Format = .text

    func validate() throws {
        guard (1...1000).contains(timedEpochs) else { throw ValidationError("--timed-epochs must be between 1 and 1000 (got \(timedEpochs))") }
        if sweep, let d = experiment.data.dataset, d.lowercased().hasSuffix(".csv") {
            throw ValidationError("--sweep generates its own data (C, d and batch vary); drop --dataset \(d) or use a recipe")
        }
    }

    func run() throws {
        // The experiment first: a bad data set or one too large for memory is refused before any measurement.
        let exp = try CommandErrors.wrap { try experiment.makeExperiment() }
        let target = KernelTarget.current
        var report = BenchReport(build: .init(machine: Self.machine(), kernels: target.rawValue, lanes: target.lanes),
                                 threads: experiment.threadCount)
        let text = format == .text
        if text {
            StandardOutput.print("normscope bench: \(report.build.machine), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                                 + "\(target.rawValue) kernels (\(target.lanes) floats per vector, FMA)")
        }

        var peak: Double?
        if only == .all || only == .peak || only == .kernels || (only == .training && text) {
            let p = KernelBench.fmaPeak()
            peak = p.median
            report.peakGflops = p.median
            if text { StandardOutput.print(String(format: "single-core FMA peak (%d-lane chains): %.1f GFLOP/s (median; best %.1f)", target.lanes, p.median, p.best)) }
        }

        let sizes = [exp.dataset.dimension] + exp.config.hidden + [exp.dataset.classCount]

        if only == .all || only == .kernels {
            let products = KernelBench.layerProducts(sizes: sizes, batch: exp.config.batchSize)
            let evalProducts = KernelBench.layerProducts(sizes: sizes, batch: TrainingData.evaluationBatch).filter { $0.kind == "forward" }
            if text {
                StandardOutput.print("\nmatrix kernels on the training shapes \(sizes.map(String.init).joined(separator: "-")) (GFLOP/s, median of 21; % of peak):")
                StandardOutput.print("  layer  product         M     N     K   GFLOP/s  of peak")
                for (p, kind) in products.map({ ($0, $0.kind) }) + evalProducts.map({ ($0, "eval forward") }) {
                    StandardOutput.print(String(format: "  %5d  ", p.layer) + Self.pad(kind, 13) + String(format: "%5d %5d %5d  %8.1f  %6.0f%%", p.m, p.n, p.k, p.gflops.median,
                                 100 * p.gflops.median / max(peak ?? 1, 1e-9)))
                }
                let flops = products.reduce(0) { $0 + $1.flops }
                let time = products.reduce(0) { $0 + $1.flops / max($1.gflops.median, 1e-9) }
                StandardOutput.print(String(format: "  one training step's products: %.1f GFLOP/s (%.0f%% of peak); input grad includes the weight transpose", flops / time, 100 * flops / time / max(peak ?? 1, 1e-9)))
            }
            report.kernels = products.map { .init(kind: $0.kind, layer: $0.layer, m: $0.m, n: $0.n, k: $0.k, gflops: $0.gflops.median) }
        }

        if only == .all || only == .training {
            let t = trainingBench(exp, sizes: sizes, peak: peak, text: text)
            report.training = t
            report.secondsPerRegimeEpoch = t.secondsPerRegimeEpoch
        }

        if sweep { report.sweep = try runSweep(peak: peak, text: text) }

        report.maxRSSMegabytes = Self.maxRSSMegabytes()
        if text {
            StandardOutput.print(String(format: "\npeak memory (max RSS of this process): %.1f MB", report.maxRSSMegabytes))
        } else {
            StandardOutput.print(try report.json())
        }
    }

    // MARK: - Training

    private func trainingBench(_ exp: Experiment, sizes: [Int], peak: Double?, text: Bool) -> BenchReport.Training {
        let data = TrainingData(exp.dataset)
        var config = exp.config
        config.epochs = max(config.epochs, timedEpochs + 1)
        let flops = KernelBench.epochFlops(sizes: sizes, trainCount: data.trainCount, testCount: data.testCount)
        let epochGF = (flops.train + flops.eval) / 1e9
        if text {
            StandardOutput.print("\ntraining \(sizes.map(String.init).joined(separator: "-")), batch \(config.batchSize), \(data.trainCount) training / \(data.testCount) test samples: "
                  + String(format: "%.2f GFLOP per regime-epoch (%.2f training + %.2f evaluation)", epochGF, flops.train / 1e9, flops.eval / 1e9))
            StandardOutput.print("  one regime at a time, one thread; \(timedEpochs) timed epoch(s) after 1 warm-up (wall-clock median; CPU time beside it):")
            StandardOutput.print("  GFLOP/s is per wall-clock second; 'on cpu' divides by the thread's CPU time instead (what the core does")
            StandardOutput.print("  while it runs, the figure to set against the peak on a shared machine).")
            StandardOutput.print("  regime          s/epoch   cpu s/epoch   samples/s   GFLOP/s   of peak   on cpu   of peak")
        }
        var perRegime: [BenchReport.RegimeTiming] = []
        for regime in exp.regimes {
            let trainer = RegimeTrainer(regime: regime, config: config, data: data)
            trainer.runEpoch()
            var wall: [Double] = [], cpu: [Double] = []
            for _ in 0..<timedEpochs {
                let c0 = KernelBench.threadCPUTime(), w0 = Date()
                trainer.runEpoch()
                cpu.append(KernelBench.threadCPUTime() - c0)
                wall.append(Date().timeIntervalSince(w0))
            }
            let w = Self.median(wall), c = Self.median(cpu)
            let gf = epochGF / w
            if text {
                StandardOutput.print("  " + Self.pad(regime.name, 12) + String(format: " %9.4f  %12.4f  %10.0f  %8.1f  ", w, c, Double(data.trainCount) / w, gf)
                      + Self.ofPeak(gf, peak) + String(format: "  %7.1f  ", epochGF / c) + Self.ofPeak(epochGF / c, peak))
            }
            perRegime.append(.init(regime: regime.name, secondsPerEpoch: w, cpuSecondsPerEpoch: c, gflops: gf,
                                   gflopsOnCPU: epochGF / c))
        }

        // All regimes side by side, as `normscope run` trains them: the experiment's trainers in a StagedRun.
        let timedExp = Experiment(dataset: exp.dataset, origin: exp.origin, config: config, regimes: exp.regimes)
        let run = StagedRun(stage1: timedExp.makeTrainers(data: data), threads: experiment.threadCount, epochLimit: 1)
        let session = run.session
        session.start()
        session.waitUntilIdleAtLimit()
        let w0 = Date()
        session.epochLimit = 1 + timedEpochs
        session.waitUntilIdleAtLimit()
        let wall = Date().timeIntervalSince(w0)
        run.stop()
        let perEpochAll = wall / Double(timedEpochs)
        let perRegimeEpoch = perEpochAll / Double(max(1, exp.regimes.count))
        if text {
            StandardOutput.print(String(format: "  all %d regime(s) side by side on %d thread(s): %.3f s per epoch (%.4f s per regime-epoch, %.1f GFLOP/s in all)",
                         exp.regimes.count, session.threadCount, perEpochAll, perRegimeEpoch, epochGF * Double(exp.regimes.count) / perEpochAll))
            StandardOutput.print(String(format: "  so %d epochs of all regimes take about %.1f s of training (plus data generation and start-up)",
                         exp.config.epochs, perEpochAll * Double(exp.config.epochs)))
        }
        return .init(sizes: sizes, batch: config.batchSize, trainCount: data.trainCount, testCount: data.testCount,
                     gflopPerRegimeEpoch: epochGF, regimes: perRegime, threads: session.threadCount,
                     secondsPerEpochAllRegimes: perEpochAll, secondsPerRegimeEpoch: perRegimeEpoch)
    }

    // MARK: - Sweep

    private func runSweep(peak: Double?, text: Bool) throws -> [BenchReport.SweepPoint] {
        var rows: [BenchReport.SweepPoint] = []
        if text {
            StandardOutput.print("\nsweep (naive regime, one thread, 1 warm-up + 1 timed epoch each; hidden \(experiment.training.hidden)):")
            StandardOutput.print("      C     d  batch    train    test    s/epoch   us/sample   GFLOP/s   of peak")
        }
        for classes in [10, 100, 1000] {
            for dim in [32, 256] {
                for batch in [64, 256] {
                    var opts = experiment
                    opts.data.classes = classes
                    opts.data.dimension = dim
                    opts.training.batchSize = batch
                    opts.training.regimes = Regime.naive.rawValue
                    let exp: Experiment
                    do {
                        exp = try opts.makeExperiment()
                    } catch {
                        throw ValidationError("--sweep generates its own data (C, d and batch vary); it cannot use --dataset with a CSV file: \(error)")
                    }
                    let data = TrainingData(exp.dataset)
                    var config = exp.config
                    config.epochs = max(config.epochs, 2)
                    let trainer = RegimeTrainer(regime: .naive, config: config, data: data)
                    trainer.runEpoch()
                    let w0 = Date()
                    trainer.runEpoch()
                    let w = Date().timeIntervalSince(w0)
                    let sizes = [dim] + config.hidden + [data.classCount]
                    let f = KernelBench.epochFlops(sizes: sizes, trainCount: data.trainCount, testCount: data.testCount)
                    let gf = (f.train + f.eval) / 1e9 / w
                    if text {
                        StandardOutput.print(String(format: "  %5d %5d  %5d  %7d  %6d  %9.3f  %10.2f  %8.1f  ", classes, dim, batch, data.trainCount,
                                     data.testCount, w, 1e6 * w / Double(data.trainCount + data.testCount), gf) + Self.ofPeak(gf, peak))
                    }
                    rows.append(.init(classes: classes, dimension: dim, batch: batch, trainCount: data.trainCount,
                                      testCount: data.testCount, secondsPerEpoch: w, gflops: gf))
                }
            }
        }
        return rows
    }

    // MARK: - Helpers

    static func ofPeak(_ gflops: Double, _ peak: Double?) -> String {
        peak.map { String(format: "%6.0f%%", 100 * gflops / $0) } ?? "      -"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The process's peak resident memory (ru_maxrss: kilobytes on Linux, bytes on macOS).
    static func maxRSSMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }

    static func machine() -> String {
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("model name") {
                if let colon = line.firstIndex(of: ":") { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
            }
        }
        return "unknown CPU"
    }
}
