import NormscopeEngine

extension LiveRun {
    /// Changes `setting` to `value` from the next epoch, keeping the weights: the change is scheduled at the
    /// first stage-1 epoch no regime has started (so every regime sees it at the same epoch, whatever the pace,
    /// a pause or flat out), and the trainers read it when they start that epoch; no trainer is touched here.
    ///
    /// Returns the change as recorded (in `changes` and the results). When stage 1 has no epoch left, nothing
    /// is scheduled and the returned change has `epoch == stage1Epochs` (the caller restarts instead).
    func changeFromNextEpoch(_ setting: ScheduledSetting, to value: Double) -> ConfigChange {
        session.changeFromNextEpoch(setting, to: value)
            ?? ConfigChange(epoch: stage1Epochs, setting: setting, value: value)
    }

    /// The changes so far, in the order made: those given by `--change` first, then those made live.
    var changes: [ConfigChange] { session.changes }
}
