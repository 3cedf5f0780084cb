/// Joining a stage-2 history to its stage-1 base, for drawing both stages in one panel.
extension RunHistory {
    /// Whether this is a stage-2 continuation or post-hoc normalization.
    package var isStage2: Bool { id.isStage2 }

    /// This stage-2 history drawn after `base`'s: the base's records, then this history's records after its
    /// epoch 0 (which repeats the base's last) with their epochs moved past the base's, and
    /// `stage2StartEpoch` = the base's last epoch. A post-hoc normalization adds its one record one epoch after
    /// the base's last. Identity, radius, final accuracy and divergence are this history's (a divergence's
    /// epoch moved like the records); planned epochs and seconds are summed.
    package func joined(after base: RunHistory) -> RunHistory {
        let start = base.epochsDone
        let own = id.variant?.isPostHoc == true ? records : Array(records.dropFirst())
        let shift = id.variant?.isPostHoc == true ? start + 1 : start
        let moved = own.map { r -> EpochRecord in
            var r = r
            r.epoch += shift
            return r
        }
        var h = RunHistory(id: id, plannedEpochs: base.plannedEpochs + max(plannedEpochs, moved.count),
                              records: base.records + moved, accuracy: accuracy, classAccuracy: classAccuracy,
                              seconds: base.seconds + seconds, maxNormRadius: maxNormRadius,
                              diverged: diverged.map { Divergence(epoch: start + $0.epoch, reason: $0.reason) },
                              stage2StartEpoch: start)
        if records.isEmpty && diverged == nil { h.accuracy = base.accuracy }
        h.maxNormClips = maxNormClips
        h.maxNormLastClipEpoch = maxNormLastClipEpoch.map { start + $0 }
        return h
    }
}
