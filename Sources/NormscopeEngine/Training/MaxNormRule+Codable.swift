extension MaxNormRule {
    private enum CodingKeys: String, CodingKey { case rule, value }

    /// Encoded as `{"rule": "radius" | "relative", "value": Double}`.
    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let value = try c.decode(Double.self, forKey: .value)
        switch try c.decode(String.self, forKey: .rule) {
        case "radius": self = .radius(value)
        case "relative": self = .relative(value)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .rule, in: c,
                                                   debugDescription: "unknown MaxNorm rule '\(other)'")
        }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .radius(let r): try c.encode("radius", forKey: .rule); try c.encode(r, forKey: .value)
        case .relative(let t): try c.encode("relative", forKey: .rule); try c.encode(t, forKey: .value)
        }
    }
}
