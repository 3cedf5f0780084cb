import NormscopeEngine

/// Test accuracy in percent overall and for the paper's Many / Medium / Few class groups: the engine's
/// `AccuracySummary`, drawn as is.
package typealias GroupAccuracy = AccuracySummary

extension AccuracySummary {
    /// The values in table order: Many, Medium, Few, All.
    package var columns: [Double] { [many, medium, few, all] }
}
