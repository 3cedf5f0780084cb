/// Test accuracy in percent overall and for the paper's Many / Medium / Few class groups.
public struct GroupAccuracy: Equatable, Sendable {
    public var all: Double
    public var many: Double
    public var medium: Double
    public var few: Double

    public init(all: Double, many: Double, medium: Double, few: Double) {
        self.all = all
        self.many = many
        self.medium = medium
        self.few = few
    }

    /// The values in table order: Many, Medium, Few, All.
    public var columns: [Double] { [many, medium, few, all] }
}
