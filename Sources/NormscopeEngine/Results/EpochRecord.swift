/// What was measured after one epoch: the epoch's number travels with its values, so no reader can
/// mistake a row's position for its epoch.
package struct EpochRecord: Equatable, Sendable {
    /// The epoch the values were measured after (0 is before training; for a stage-2 run, 0 is the base's
    /// final state).
    package var epoch: Int
    /// L2 norm of each class's classifier row (bias excluded), most frequent class first.
    package var norms: [Double]
    /// Mean training loss over the epoch's batches (at epoch 0: the loss before training).
    package var trainLoss: Double
    /// Test accuracy after the epoch.
    package var accuracy: AccuracySummary
    /// Test accuracy of each class in percent after the epoch, most frequent class first; empty when not
    /// recorded (older results files).
    package var classAccuracy: [Double]
    /// How many test samples the network predicts as each class after the epoch (summing to the test set's
    /// size), most frequent class first; empty when not recorded (older results files).
    package var predictionCounts: [Int]

    package init(epoch: Int, norms: [Double], trainLoss: Double, accuracy: AccuracySummary,
                 classAccuracy: [Double] = [], predictionCounts: [Int] = []) {
        self.epoch = epoch
        self.norms = norms
        self.trainLoss = trainLoss
        self.accuracy = accuracy
        self.classAccuracy = classAccuracy
        self.predictionCounts = predictionCounts
    }
}
