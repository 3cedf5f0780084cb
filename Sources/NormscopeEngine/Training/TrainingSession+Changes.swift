extension TrainingSession {
    /// The schedule of changes so far, in the order made (the ones the session started with first).
    package var changes: [ConfigChange] { read(\.changes) }

    /// Schedules `setting` to become `value` from the first epoch no stage-1 trainer has started (one beyond
    /// the furthest, counting an epoch under way as started), so every regime sees the change at the same
    /// epoch whatever the pace or the threads; returns the change, or nil when no stage-1 epoch is left.
    ///
    /// The choice and the schedule are made in one step under the lock where workers take their trainers, and
    /// a trainer reads the schedule when it starts an epoch: no epoch already started is affected, and no
    /// epoch from the chosen one on misses the change.
    package func changeFromNextEpoch(_ setting: ScheduledSetting, to value: Double) -> ConfigChange? {
        change { s -> ConfigChange? in
            var next = 0, planned = 0
            for i in s.trainers.indices where !s.trainers[i].plan.classifierOnly {
                // A busy trainer's own counter belongs to its worker: read the published history instead.
                next = max(next, s.busy[i] ? s.histories[i].epochsDone + 1 : s.trainers[i].epoch)
                planned = max(planned, s.trainers[i].plan.epochs)
            }
            guard next < planned else { return nil }
            let c = ConfigChange(epoch: next, setting: setting, value: value)
            s.changes.append(c)
            s.changeCount &+= 1
            return c
        }
    }
}
