/// The optimizer settings one epoch of a plan trains with, after the scheduled changes up to it.
package struct EpochSettings: Equatable, Sendable {
    /// The learning rate of the epoch: the base in force, cosine-annealed at the epoch's place in the run.
    package var learningRate: Double
    package var momentum: Double
    /// Weight decay applied (0 for none).
    package var weightDecay: Double
    /// The MaxNorm radius in force, or nil when the plan does not project.
    package var radius: Double?
}

extension TrainingPlan {
    /// The settings of epoch `e` (0-based): the plan's, then every change of `changes` made at or before `e`
    /// that affects this plan's regime, in epoch order (the later of two changes at one epoch holds).
    ///
    /// A learning-rate change replaces the cosine schedule's base, and the annealing continues where it is:
    /// epoch `e` trains with `base(e) * (1 + cos(pi * e / epochs)) / 2`, so the curve jumps to the new base's
    /// curve and ends at 0 as planned. A radius change sets a fixed radius (also after `--maxnorm-thresh`).
    /// Stage-2 plans (`classifierOnly`) take no changes.
    package func settings(epoch e: Int, changes: [ConfigChange], initialRadius: Double?) -> EpochSettings {
        var base = learningRate, mo = momentum, wd = weightDecay, radius = initialRadius
        if !classifierOnly && !changes.isEmpty {
            for c in ConfigChange.inEpochOrder(changes) where c.epoch <= e && c.setting.affects(id.base) {
                switch c.setting {
                case .learningRate: base = c.value
                case .momentum: mo = c.value
                case .weightDecay: wd = c.value
                case .maxNormRadius, .wdMaxNormRadius: if radius != nil { radius = c.value }
                }
            }
        }
        return EpochSettings(learningRate: Self.annealed(base, epoch: e, of: epochs), momentum: mo,
                             weightDecay: wd, radius: radius)
    }
}

extension ConfigChange {
    /// `changes` sorted by epoch, those at one epoch in the order given (a stable sort).
    package static func inEpochOrder(_ changes: [ConfigChange]) -> [ConfigChange] {
        changes.enumerated().sorted { ($0.element.epoch, $0.offset) < ($1.element.epoch, $1.offset) }.map(\.element)
    }
}
