/// The shape most schema patterns have — `^`, then characters or character classes each
/// repeated a fixed or open number of times, then `$` (`^PM-[0-9]{4}-[0-9]{3,}$`) — matched
/// on ASCII bytes in one left-to-right pass. Taking each repeat greedily is exact when no
/// open repeat can take a character the next step needs: such patterns are only accepted
/// then, so the answer is always the Pike VM's (`LinearRegex`), only sooner.
struct AnchoredSequence: Sendable {
    struct Step: Sendable {
        /// Which ASCII characters the step takes (bit n: character n).
        var low: UInt64
        var high: UInt64
        var min: Int
        var max: Int?

        func accepts(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte - 64)) != 0
        }

        func overlaps(_ other: Step) -> Bool { low & other.low != 0 || high & other.high != 0 }
    }

    let steps: [Step]

    /// Nil when the pattern has another shape.
    init?(_ tree: RegexNode) {
        // Groups (`(?<key>…)`, not repeated) only bracket a stretch of the sequence.
        func flattened(_ node: RegexNode) -> [RegexNode] {
            if case .sequence(let items) = node { return items.flatMap(flattened) }
            return [node]
        }
        let items = flattened(tree)
        guard items.count >= 2, case .assertStart = items.first, case .assertEnd = items.last else { return nil }
        var steps: [Step] = []
        for item in items.dropFirst().dropLast() {
            switch item {
            case .char(let matcher): steps.append(Self.step(matcher, min: 1, max: 1))
            case .repeatNode(.char(let matcher), let min, let max): steps.append(Self.step(matcher, min: min, max: max))
            default: return nil
            }
        }
        // An open repeat must stop exactly where the next step starts: their characters differ,
        // and the next step takes at least one.
        for (i, step) in steps.enumerated() where step.max != step.min && i + 1 < steps.count {
            guard steps[i + 1].min > 0, !step.overlaps(steps[i + 1]) else { return nil }
        }
        self.steps = steps
    }

    private static func step(_ matcher: CharMatcher, min: Int, max: Int?) -> Step {
        var step = Step(low: 0, high: 0, min: min, max: max)
        for byte in 0..<128 where matcher.matches(Unicode.Scalar(UInt8(byte))) {
            if byte < 64 { step.low |= 1 << UInt64(byte) } else { step.high |= 1 << UInt64(byte - 64) }
        }
        return step
    }

    /// - Parameter bytes: ASCII only (other text goes through the Pike VM).
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        for step in steps {
            var taken = 0
            while i < bytes.count, step.max.map({ taken < $0 }) ?? true, step.accepts(bytes[i]) {
                i += 1
                taken += 1
            }
            if taken < step.min { return false }
        }
        return i == bytes.count
    }
}
