/// A stage-1 setting that may change mid-run (an optimizer setting: the weights are kept).
///
/// The raw values are the engine's config keys (`TrainingConfig`'s property names), not flag names: the
/// command line's names come from the flag table (`FlagTable.entry(for:)`).
package enum ScheduledSetting: String, CaseIterable, Codable, Sendable {
    /// Weight decay of the regimes that have it (`wd`, `wd+maxnorm`).
    case weightDecay
    /// MaxNorm radius of the `maxnorm` regime.
    case maxNormRadius
    /// MaxNorm radius of the `wd+maxnorm` regime.
    case wdMaxNormRadius
    /// Base learning rate of the cosine schedule (every regime).
    case learningRate
    /// SGD momentum (every regime).
    case momentum

    /// The engine setting whose range (and message) the value has.
    package var configSetting: ConfigSetting {
        switch self {
        case .weightDecay: .weightDecay
        case .maxNormRadius: .maxNormRadius
        case .wdMaxNormRadius: .wdMaxNormRadius
        case .learningRate: .learningRate
        case .momentum: .momentum
        }
    }

    /// Whether a change of this setting alters how `regime` trains (as the flag does: weight decay the WD
    /// regimes, each radius its MaxNorm regime, learning rate and momentum every regime).
    package func affects(_ regime: Regime) -> Bool {
        switch self {
        case .weightDecay: regime.weightDecay
        case .maxNormRadius: regime == .maxnorm
        case .wdMaxNormRadius: regime == .wdMaxnorm
        case .learningRate, .momentum: true
        }
    }

    /// A short label for marks on an epoch axis ("WD", "δ", "lr"), as figures and the live view show it.
    package var shortLabel: String {
        switch self {
        case .weightDecay: "WD"
        case .maxNormRadius, .wdMaxNormRadius: "δ"
        case .learningRate: "lr"
        case .momentum: "mom"
        }
    }
}

/// One scheduled change of a stage-1 setting: from epoch index `epoch` on, `setting` is `value`.
///
/// `epoch` is the number of epochs done before the new value applies: `--change 50:weight-decay=5e-3` trains
/// epochs 0..49 with the old value and epoch index 50 onward with the new one. Changes are part of the
/// experiment (`TrainingConfig.changes`): results record them and `run` replays them exactly.
package struct ConfigChange: Codable, Hashable, Sendable {
    package var epoch: Int
    package var setting: ScheduledSetting
    package var value: Double

    package init(epoch: Int, setting: ScheduledSetting, value: Double) {
        self.epoch = epoch
        self.setting = setting
        self.value = value
    }
}
