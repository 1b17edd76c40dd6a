/// The lines that differ between two versions of a small text, with a line of context around
/// each change: how `aftermath explain` shows a transition rule's later state, so the change
/// the rule is about is not buried in whole files.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    /// The changed lines of `old` → `new` with `context` unchanged lines around them; a `nil`
    /// entry stands for unchanged lines left out. `new` may carry `↓` marks: lines are compared
    /// without them and shown with them.
    public static func changes(from old: String, to new: String, context: Int = 1) -> [Line?] {
        let shown = split(new)
        var all = lines(from: split(old), to: split(MarkedText(new).text))
        var j = 0
        for i in all.indices {
            switch all[i] {
            case .same: all[i] = .same(shown[j]); j += 1
            case .added: all[i] = .added(shown[j]); j += 1
            case .removed: break
            }
        }
        // A marked line is shown even where nothing changed: it is where the rule reports.
        func stands(_ line: Line) -> Bool {
            if case .same(let text) = line { return text.contains(MarkedText.marker) }
            return true
        }
        let near = all.indices.filter { i in
            stands(all[i]) || all[max(0, i - context)...min(all.count - 1, i + context)].contains {
                if case .same = $0 { return false } else { return true }
            }
        }
        var out: [Line?] = []
        var last = -1
        for i in near {
            if i > last + 1 { out.append(nil) }
            out.append(all[i])
            last = i
        }
        if last >= 0, last < all.count - 1 { out.append(nil) }
        return out
    }

    /// Every line of both versions in order, by the longest common subsequence (the texts are
    /// rule examples of a few dozen lines, so the quadratic table is small).
    static func lines(from a: [String], to b: [String]) -> [Line] {
        var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || common[i + 1][j] >= common[i][j + 1] {
                out.append(.removed(a[i])); i += 1
            } else {
                out.append(.added(b[j])); j += 1
            }
        }
        return out
    }

    private static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }
}
