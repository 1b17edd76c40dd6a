/// An example file with `↓` marks where a diagnostic must point, as SwiftLint marks its rule
/// examples: the documentation shows the place, and the examples test checks it.
public struct MarkedText: Sendable, Equatable {
    public static let marker: Character = "↓"

    /// The text with the marks taken out: what the example file holds.
    public var text: String
    /// Where each mark stood in `text`, columns counted in Unicode scalars as diagnostics count them.
    public var marks: [SourceLocation]

    public init(_ marked: String) {
        var text = ""
        var marks: [SourceLocation] = []
        var line = 1, column = 1
        for scalar in marked.unicodeScalars {
            if Character(scalar) == Self.marker {
                marks.append(SourceLocation(line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.marks = marks
    }
}
