/// Text in a report: plain text (a title, a name, a sentence of the tool's), shown as it is and
/// escaped in every format; or Markdown (from a document's body, or the tool's own captions),
/// rendered: as written in Markdown output, as elements in HTML.
public enum ReportText: Sendable, Equatable, ExpressibleByStringInterpolation {
    case plain(String)
    case markdown(String)

    public init(stringLiteral value: String) { self = .plain(value) }
}
