/// Small charts drawn as inline SVG by the tool itself: no scripts, no network, readable in
/// print (each has a `<title>` and the same data appears in a table beside it).
public enum SVGChart {
    static let width = 640.0, height = 220.0, left = 44.0, bottom = 36.0, top = 12.0, right = 12.0

    /// Vertical bars, one per label.
    public static func bars(_ title: String, _ data: [(label: String, value: Double)]) -> String {
        let maxValue = scale(data.map(\.value).max() ?? 0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let slot = plotWidth / Double(max(1, data.count))
        var shapes = axes(maxValue: maxValue)
        for (i, point) in data.enumerated() {
            let h = plotHeight * point.value / maxValue
            let x = left + Double(i) * slot + slot * 0.15
            shapes += "<rect x=\"\(f(x))\" y=\"\(f(top + plotHeight - h))\" width=\"\(f(slot * 0.7))\" height=\"\(f(h))\" fill=\"var(--accent,#0969da)\"><title>\(ReportHTML.escape(point.label)): \(number(point.value))</title></rect>"
            shapes += "<text x=\"\(f(x + slot * 0.35))\" y=\"\(f(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">\(ReportHTML.escape(String(point.label.prefix(14))))</text>"
        }
        return frame(title, shapes)
    }

    /// Lines over an ordered x axis (e.g. months), one per series.
    public static func lines(_ title: String, labels: [String], series: [(name: String, values: [Double], colour: String)]) -> String {
        let maxValue = scale(series.flatMap(\.values).max() ?? 0)
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : plotWidth / 2
        var shapes = axes(maxValue: maxValue)
        for (s, line) in series.enumerated() {
            let points = line.values.enumerated().map { i, v in "\(f(left + Double(labels.count > 1 ? i : 1) * step)),\(f(top + plotHeight - plotHeight * v / maxValue))" }
            shapes += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"><title>\(ReportHTML.escape(line.name))</title></polyline>"
            // Points as dots too, so a single month still shows.
            for point in points {
                let xy = point.split(separator: ",")
                shapes += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(line.colour)\"/>"
            }
            shapes += "<text x=\"\(f(left + 8 + Double(s) * 120))\" y=\"\(f(top + 12))\" font-size=\"12\" fill=\"\(line.colour)\">■ \(ReportHTML.escape(line.name))</text>"
        }
        let every = max(1, labels.count / 8)
        for (i, label) in labels.enumerated() where i % every == 0 {
            shapes += "<text x=\"\(f(left + Double(i) * step))\" y=\"\(f(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">\(ReportHTML.escape(label))</text>"
        }
        return frame(title, shapes)
    }

    /// The axis' top: the charts count items, so a multiple of 4 at or above the largest
    /// value, which puts each of the four ticks on a whole number.
    static func scale(_ largest: Double) -> Double {
        max(4, (largest / 4).rounded(.up) * 4)
    }

    private static func axes(maxValue: Double) -> String {
        let plotHeight = height - top - bottom
        var out = "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotHeight))\" stroke=\"currentColor\" stroke-opacity=\".4\"/>"
        for k in 0...4 {
            let v = maxValue * Double(k) / 4, y = top + plotHeight - plotHeight * Double(k) / 4
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"currentColor\">\(number(v))</text>"
        }
        return out
    }

    private static func frame(_ title: String, _ shapes: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(ReportHTML.escape(title))\"><title>\(ReportHTML.escape(title))</title>\(shapes)</svg>"
    }

    static func f(_ v: Double) -> String { String((v * 10).rounded() / 10) }
    static func number(_ v: Double) -> String { v.rounded() == v ? String(Int(v)) : String((v * 10).rounded() / 10) }
}
