/// A regular-expression matcher for JSON Schema `pattern` (the ECMA-262 subset schemas use)
/// that runs in time linear in the input: patterns compile to a Pike VM program, so no
/// pattern, however written, can backtrack catastrophically inside a server hook.
/// Backreferences and lookaround need backtracking and are refused at compile time.
public struct LinearRegex: Sendable {
    public struct CompileError: Error, Equatable, Sendable {
        public var message: String
    }

    /// Programs above this many instructions (from nested counted repeats) are refused.
    public static let maxProgramSize = 20_000

    private let program: [Instruction]
    /// The pattern starts with `^`: threads are only ever started at the first position.
    private let anchored: Bool
    /// A faster, equivalent matcher for ASCII text when the pattern has its simple shape.
    private let sequence: AnchoredSequence?
    var hasAnchoredSequence: Bool { sequence != nil }

    public init(_ pattern: String) throws {
        var parser = RegexParser(Array(pattern.unicodeScalars))
        let tree = try parser.parseAll()
        sequence = AnchoredSequence(tree)
        var builder = ProgramBuilder()
        try builder.emit(tree)
        builder.append(.match)
        program = builder.program
        if case .assertStart = program.first { anchored = true } else { anchored = false }
    }

    /// True when the pattern matches anywhere in `text` (ECMA `RegExp.test` semantics).
    /// Thread lists live in stack memory for the call: matching allocates nothing.
    public func matches(_ text: String) -> Bool {
        // ASCII text, the common case, is walked byte by byte rather than through String indices.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if let sequence { return sequence.matches(bytes) }
            return matches(scalars: bytes.lazy.map { Unicode.Scalar($0) })
        }
        if let ascii, let result = ascii { return result }
        return matches(scalars: text.unicodeScalars)
    }

    private func matches<Scalars: Collection>(scalars: Scalars) -> Bool where Scalars.Element == Unicode.Scalar {
        let size = program.count
        // Two thread lists (dense + sparse each) and the closure stack (each state pushes at most two).
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * size + 2) { buffer in
            buffer.initialize(repeating: -1)
            var current = ThreadList(buffer, offset: 0, size: size)
            var next = ThreadList(buffer, offset: 2 * size, size: size)
            let stack = buffer.baseAddress! + 4 * size
            var index = scalars.startIndex
            var previous: Unicode.Scalar?
            var position = 0
            while true {
                let scalar: Unicode.Scalar? = index < scalars.endIndex ? scalars[index] : nil
                if position == 0 || !anchored {
                    addThread(&current, pc: 0, atStart: position == 0, previous: previous, next: scalar, stack: stack)
                }
                if current.containsMatch(program) { return true }
                guard let scalar else { return false }
                if current.count == 0 && anchored { return false }
                next.clear()
                let following: Unicode.Scalar? = scalars.index(after: index) < scalars.endIndex ? scalars[scalars.index(after: index)] : nil
                for k in 0..<current.count {
                    let pc = current.item(k)
                    if case .char(let matcher) = program[pc], matcher.matches(scalar) {
                        addThread(&next, pc: pc + 1, atStart: false, previous: scalar, next: following, stack: stack)
                    }
                }
                swap(&current, &next)
                previous = scalar
                index = scalars.index(after: index)
                position += 1
            }
        }
    }

    /// Follows jumps, splits and assertions from `pc`, adding every reachable char or match state.
    private func addThread(_ list: inout ThreadList, pc start: Int, atStart: Bool, previous: Unicode.Scalar?, next: Unicode.Scalar?,
                           stack: UnsafeMutablePointer<Int>) {
        var top = 0
        func push(_ pc: Int) { stack[top] = pc; top += 1 }
        push(start)
        while top > 0 {
            top -= 1
            let pc = stack[top]
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .jump(let target): push(target)
            case .split(let a, let b): push(b); push(a)
            case .assertStart: if atStart { push(pc + 1) }
            case .assertEnd: if next == nil { push(pc + 1) }
            case .wordBoundary(let wanted):
                let before = previous.map(CharMatcher.isWord) ?? false
                let after = next.map(CharMatcher.isWord) ?? false
                if (before != after) == wanted { push(pc + 1) }
            case .char, .match: break
            }
        }
    }
}

/// A sparse set of program counters (Briggs–Torczon) over caller-provided memory: O(1)
/// insert, membership and clear, no initialisation needed.
private struct ThreadList {
    private let dense: UnsafeMutablePointer<Int>
    private let sparse: UnsafeMutablePointer<Int>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<Int>, offset: Int, size: Int) {
        dense = buffer.baseAddress! + offset
        sparse = buffer.baseAddress! + offset + size
    }

    func item(_ k: Int) -> Int { dense[k] }

    mutating func insert(_ pc: Int) -> Bool {
        let slot = sparse[pc]
        if slot >= 0, slot < count, dense[slot] == pc { return false }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return true
    }

    mutating func clear() { count = 0 }

    func containsMatch(_ program: [Instruction]) -> Bool {
        for k in 0..<count { if case .match = program[dense[k]] { return true } }
        return false
    }
}

private enum Instruction: Sendable {
    case char(CharMatcher)
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case wordBoundary(Bool)
    case match
}

struct CharMatcher: Sendable {
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case digit(Bool), word(Bool), space(Bool)
        case category(Set<Unicode.GeneralCategory>, Bool)
        case anyButLineTerminator
    }

    var items: [Item]
    var negated: Bool

    func matches(_ s: Unicode.Scalar) -> Bool {
        items.contains { Self.matches($0, s) } != negated
    }

    private static func matches(_ item: Item, _ s: Unicode.Scalar) -> Bool {
        switch item {
        case .range(let lo, let hi): return s.value >= lo && s.value <= hi
        case .digit(let positive): return (s.value >= 0x30 && s.value <= 0x39) == positive
        case .word(let positive): return isWord(s) == positive
        case .space(let positive): return isSpace(s) == positive
        case .category(let set, let positive): return set.contains(s.properties.generalCategory) == positive
        case .anyButLineTerminator: return ![0x0A, 0x0D, 0x2028, 0x2029].contains(s.value)
        }
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF].contains(s.value)
            || (s.value >= 0x2000 && s.value <= 0x200A)
    }
}

indirect enum RegexNode {
    case empty
    case char(CharMatcher)
    case sequence([RegexNode])
    case alternation([RegexNode])
    case repeatNode(RegexNode, min: Int, max: Int?)
    case assertStart, assertEnd
    case wordBoundary(Bool)
}

private struct RegexParser {
    let s: [Unicode.Scalar]
    var i = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    func fail(_ message: String) -> LinearRegex.CompileError { .init(message: message) }

    mutating func parseAll() throws -> RegexNode {
        let node = try parseAlternation()
        guard i == s.count else { throw fail("unbalanced `)` at position \(i)") }
        return node
    }

    mutating func parseAlternation() throws -> RegexNode {
        var branches = [try parseSequence()]
        while i < s.count, s[i] == "|" {
            i += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws -> RegexNode {
        var items: [RegexNode] = []
        while i < s.count, s[i] != "|", s[i] != ")" {
            var atom = try parseAtom()
            atom = try parseQuantifier(atom)
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func parseQuantifier(_ atom: RegexNode) throws -> RegexNode {
        guard i < s.count else { return atom }
        var result: RegexNode
        switch s[i] {
        case "*": i += 1; result = .repeatNode(atom, min: 0, max: nil)
        case "+": i += 1; result = .repeatNode(atom, min: 1, max: nil)
        case "?": i += 1; result = .repeatNode(atom, min: 0, max: 1)
        case "{":
            guard let (lo, hi, end) = countedBounds(from: i) else { return atom }
            i = end
            guard hi.map({ $0 >= lo }) ?? true else { throw fail("numbers out of order in {} quantifier") }
            result = .repeatNode(atom, min: lo, max: hi)
        default: return atom
        }
        // Lazy and greedy quantifiers accept the same strings; only captures differ.
        if i < s.count, s[i] == "?" { i += 1 }
        return result
    }

    /// `{n}`, `{n,}` or `{n,m}` starting at `start`; nil when it is a literal brace.
    func countedBounds(from start: Int) -> (Int, Int?, Int)? {
        var j = start + 1
        func number() -> Int? {
            var v: Int?
            while j < s.count, let d = Digits.digit(UInt8(truncatingIfNeeded: s[j].value)), s[j].isASCII {
                v = min((v ?? 0) * 10 + d, 100_000)
                j += 1
            }
            return v
        }
        guard let lo = number() else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == "," {
            j += 1
            hi = number()
        }
        guard j < s.count, s[j] == "}" else { return nil }
        return (lo, hi, j + 1)
    }

    mutating func parseAtom() throws -> RegexNode {
        let c = s[i]
        i += 1
        switch c {
        case "^": return .assertStart
        case "$": return .assertEnd
        case ".": return .char(CharMatcher(items: [.anyButLineTerminator], negated: false))
        case "(":
            if i < s.count, s[i] == "?" {
                if i + 1 < s.count, s[i + 1] == ":" {
                    i += 2
                } else if i + 1 < s.count, s[i + 1] == "<", i + 2 < s.count, s[i + 2] != "=", s[i + 2] != "!" {
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                } else {
                    throw fail("lookaround assertions are not supported (they need a backtracking engine)")
                }
            }
            let inner = try parseAlternation()
            guard i < s.count, s[i] == ")" else { throw fail("missing `)`") }
            i += 1
            return inner
        case "[": return .char(try parseClass())
        case "\\": return try parseEscape(inClass: false).node
        case "*", "+", "?": throw fail("nothing to repeat at position \(i - 1)")
        default: return .char(CharMatcher(items: [.range(c.value, c.value)], negated: false))
        }
    }

    mutating func parseClass() throws -> CharMatcher {
        var negated = false
        if i < s.count, s[i] == "^" { negated = true; i += 1 }
        var items: [CharMatcher.Item] = []
        while i < s.count, s[i] != "]" {
            let low = try classAtom()
            if i + 1 < s.count, s[i] == "-", s[i + 1] != "]", let lo = Self.single(low) {
                i += 1
                let high = try classAtom()
                guard let hi = Self.single(high), hi >= lo else { throw fail("invalid range in character class") }
                items.append(.range(lo, hi))
            } else {
                items.append(low)
            }
        }
        guard i < s.count else { throw fail("missing `]`") }
        i += 1
        return CharMatcher(items: items, negated: negated)
    }

    static func single(_ item: CharMatcher.Item) -> UInt32? {
        if case .range(let lo, let hi) = item, lo == hi { return lo }
        return nil
    }

    mutating func classAtom() throws -> CharMatcher.Item {
        let c = s[i]
        i += 1
        guard c == "\\" else { return .range(c.value, c.value) }
        let escape = try parseEscape(inClass: true)
        guard let item = escape.item else { throw fail("invalid escape in character class") }
        return item
    }

    mutating func parseEscape(inClass: Bool) throws -> (node: RegexNode, item: CharMatcher.Item?) {
        guard i < s.count else { throw fail("pattern ends with `\\`") }
        let c = s[i]
        i += 1
        func single(_ v: UInt32) -> (RegexNode, CharMatcher.Item?) {
            (.char(CharMatcher(items: [.range(v, v)], negated: false)), .range(v, v))
        }
        func item(_ it: CharMatcher.Item) -> (RegexNode, CharMatcher.Item?) {
            (.char(CharMatcher(items: [it], negated: false)), it)
        }
        switch c {
        case "d": return item(.digit(true))
        case "D": return item(.digit(false))
        case "w": return item(.word(true))
        case "W": return item(.word(false))
        case "s": return item(.space(true))
        case "S": return item(.space(false))
        case "n": return single(0x0A)
        case "r": return single(0x0D)
        case "t": return single(0x09)
        case "f": return single(0x0C)
        case "v": return single(0x0B)
        case "0": return single(0)
        case "b": return inClass ? single(0x08) : (.wordBoundary(true), nil)
        case "B": if !inClass { return (.wordBoundary(false), nil) }
        case "x": return single(try hex(count: 2))
        case "u":
            if i < s.count, s[i] == "{" {
                i += 1
                var v: UInt32 = 0
                while i < s.count, s[i] != "}" {
                    guard let d = UInt32(String(s[i]), radix: 16) else { throw fail("bad \\u{…} escape") }
                    v = v &* 16 &+ d
                    i += 1
                }
                i += 1
                return single(v)
            }
            return single(try hex(count: 4))
        case "p", "P":
            guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else { throw fail("bad \\p escape") }
            let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            i = close + 1
            guard let categories = UnicodeCategories.named(name) else { throw fail("unsupported Unicode property `\(name)`") }
            return item(.category(categories, c == "p"))
        case "1"..."9": throw fail("backreferences are not supported (they need a backtracking engine)")
        default: break
        }
        if c.properties.isAlphabetic || c.properties.numericType != nil {
            throw fail("unknown escape `\\\(c)`")
        }
        return single(c.value)
    }

    mutating func hex(count: Int) throws -> UInt32 {
        guard i + count <= s.count, let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + count)])), radix: 16) else {
            throw fail("bad hexadecimal escape")
        }
        i += count
        return v
    }
}

private enum UnicodeCategories {
    static func named(_ name: String) -> Set<Unicode.GeneralCategory>? {
        let letters: Set<Unicode.GeneralCategory> = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        switch name.replacing("General_Category=", with: "").replacing("gc=", with: "") {
        case "L", "Letter": return letters
        case "Lu", "Uppercase_Letter": return [.uppercaseLetter]
        case "Ll", "Lowercase_Letter": return [.lowercaseLetter]
        case "Lt", "Titlecase_Letter": return [.titlecaseLetter]
        case "Lm", "Modifier_Letter": return [.modifierLetter]
        case "Lo", "Other_Letter": return [.otherLetter]
        case "M", "Mark": return [.nonspacingMark, .spacingMark, .enclosingMark]
        case "N", "Number": return [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd", "Decimal_Number", "digit": return [.decimalNumber]
        case "P", "Punctuation", "punct":
            return [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation]
        case "S", "Symbol": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Z", "Separator": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        case "Zs", "Space_Separator": return [.spaceSeparator]
        case "Cc", "Control": return [.control]
        default: return nil
        }
    }
}

private struct ProgramBuilder {
    var program: [Instruction] = []

    mutating func append(_ instruction: Instruction) { program.append(instruction) }

    mutating func emit(_ node: RegexNode) throws {
        guard program.count < LinearRegex.maxProgramSize else {
            throw LinearRegex.CompileError(message: "pattern is too large once repeats are expanded (limit \(LinearRegex.maxProgramSize) steps)")
        }
        switch node {
        case .empty: break
        case .char(let m): append(.char(m))
        case .assertStart: append(.assertStart)
        case .assertEnd: append(.assertEnd)
        case .wordBoundary(let b): append(.wordBoundary(b))
        case .sequence(let items): for item in items { try emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeatNode(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Each optional copy may be skipped to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    append(.split(program.count + 1, -1))
                    try emit(inner)
                }
                for sp in splits { program[sp] = .split(sp + 1, program.count) }
            } else {
                let loop = program.count
                append(.split(loop + 1, -1))
                let bodyStart = program.count
                try emit(inner)
                if program.count == bodyStart {
                    program[loop] = .jump(loop + 1)
                } else {
                    append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
        }
    }
}
