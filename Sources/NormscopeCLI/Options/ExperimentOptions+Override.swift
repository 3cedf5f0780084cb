import NormscopeEngine
import NormscopeFlags

extension ExperimentOptions {
    /// These options with flag values from the live view's settings panel (flag with dashes to its text, as
    /// the command line takes it): the panel's restart is the run these flags would have started. Throws the
    /// flag's own line for a value it refuses, or naming a flag the panel cannot set.
    func overriding(_ values: [String: String]) throws -> ExperimentOptions {
        var o = self
        for (flag, text) in values.sorted(by: { $0.key < $1.key }) {
            switch flag {
            case "--dataset": o.data.dataset = text
            case FlagTable.seed.flag: o.data.seed = try FlagTable.seed.parse(text)
            case FlagTable.imbalance.flag: o.data.imbalance = try FlagTable.imbalance.parse(text)
            case FlagTable.profile.flag: o.data.profile = try FlagTable.profile.parse(text)
            case FlagTable.epochs.flag: o.training.network.epochs = try FlagTable.epochs.parse(text)
            case FlagTable.hidden.flag: o.training.network.hidden = try FlagTable.hidden.parse(text)
            case "--batchnorm": o.training.network.batchNorm = text == "on"
            case FlagTable.batchSize.flag: o.training.batchSize = try FlagTable.batchSize.parse(text)
            case FlagTable.learningRate.flag: o.training.lr = try FlagTable.learningRate.parse(text)
            case FlagTable.momentum.flag: o.training.momentum = try FlagTable.momentum.parse(text)
            case FlagTable.weightDecay.flag: o.training.weightDecay = try FlagTable.weightDecay.parse(text)
            case FlagTable.maxNormRadius.flag:
                o.training.maxNormRadius = try FlagTable.maxNormRadius.parse(text)
                o.training.maxNormThresh = nil
            case FlagTable.wdMaxNormRadius.flag:
                o.training.wdMaxNormRadius = try FlagTable.wdMaxNormRadius.parse(text)
                o.training.maxNormThresh = nil
            default: throw NormscopeError.invalidValue("\(flag) cannot be set from the settings panel")
            }
        }
        return o
    }
}
