/// Joining a stage-2 history to its stage-1 base, for drawing both stages in one panel.
extension RegimeHistory {
    /// Whether this is a stage-2 continuation or post-hoc normalization (`stageBoundary` set).
    public var isStage2: Bool { stageBoundary != nil }

    /// This stage-2 history appended to `base`'s: the base's rows, then this history's rows after its first
    /// (which repeats the base's last), with `stageBoundary` = the base's epochs. Name, radius, final accuracy
    /// and divergence are this history's; seconds are summed. A post-hoc normalization adds one row.
    public func joined(after base: RegimeHistory) -> RegimeHistory {
        let own = Stage2Variant.parse(resultName: name)?.variant.isPostHoc == true ? 0 : 1
        var h = self
        h.norms = base.norms + norms.dropFirst(own)
        h.trainLoss = base.trainLoss + trainLoss.dropFirst(own)
        h.accuracyHistory = base.accuracyHistory + accuracyHistory.dropFirst(own)
        h.seconds = base.seconds + seconds
        h.stageBoundary = base.epochsDone
        h.diverged = diverged.map { Divergence(epoch: base.epochsDone + $0.epoch, reason: $0.reason) }
        if base.normEpochs != nil || normEpochs != nil {  // downsampled (long runs): label every row with its epoch
            h.normEpochs = (0..<base.norms.count).map(base.epoch(ofRow:))
                + (own..<norms.count).map { base.epochsDone + 1 - own + epoch(ofRow: $0) }
            h.stageBoundary = base.norms.count - 1
        }
        return h
    }
}
