/// RFC 3339 dates and date-times, parsed without Foundation so that results are the same
/// everywhere and hostile strings cost a bounded, tiny amount of work.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    /// Seconds since 1970-01-01T00:00:00Z (fractions kept).
    public var secondsSinceEpoch: Double

    public init(secondsSinceEpoch: Double) { self.secondsSinceEpoch = secondsSinceEpoch }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    /// `full-date` of RFC 3339: `YYYY-MM-DD`, midnight UTC.
    public static func parseDate(_ text: some StringProtocol) -> Timestamp? {
        guard text.utf8.count == 10 else { return nil }
        return withBytes(text) { b in
            CivilDate(b[...]).map { Timestamp(secondsSinceEpoch: Double($0.daysSinceEpoch) * 86_400) }
        }
    }

    /// `date-time` of RFC 3339, with `T`/`t` and `Z`/`z` and numeric offsets; a leap second is
    /// accepted only where it can occur (23:59:60 in UTC).
    public static func parseDateTime(_ text: some StringProtocol) -> Timestamp? {
        withBytes(text) { b in
            guard b.count >= 20, let date = CivilDate(b[0..<10]),
                  b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") else { return nil }
            return parseTime(UnsafeBufferPointer(rebasing: b[11...])).map { time in
                Timestamp(secondsSinceEpoch: Double(date.daysSinceEpoch) * 86_400 + time)
            }
        }
    }

    /// The Timeline form `YYYY-MM-DD HH:MM` (UTC), besides full RFC 3339.
    public static func parseTimelineStamp(_ text: some StringProtocol) -> Timestamp? {
        if let full = parseDateTime(text) { return full }
        return withBytes(text) { b in
            guard b.count == 16, let date = CivilDate(b[0..<10]), b[10] == UInt8(ascii: " "),
                  let h = Digits.value(b[11..<13]), b[13] == UInt8(ascii: ":"), let m = Digits.value(b[14..<16]),
                  h < 24, m < 60 else { return nil }
            return Timestamp(secondsSinceEpoch: Double(date.daysSinceEpoch) * 86_400 + Double(h * 3600 + m * 60))
        }
    }

    /// The text's UTF-8 read in place: dates are parsed for most fields of every document, and
    /// copying each into an array was an allocation apiece. (Copied only when not stored as
    /// UTF-8.)
    private static func withBytes<R>(_ text: some StringProtocol, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Seconds after midnight UTC for `HH:MM:SS[.frac](Z|±HH:MM)`, or nil.
    private static func parseTime(_ t: UnsafeBufferPointer<UInt8>) -> Double? {
        guard t.count >= 9, let h = Digits.value(t[0..<2]), t[2] == UInt8(ascii: ":"),
              let m = Digits.value(t[3..<5]), t[5] == UInt8(ascii: ":"), let s = Digits.value(t[6..<8]),
              h < 24, m < 60, s <= 60 else { return nil }
        var i = 8
        var fraction = 0.0
        if t[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < t.count, let d = Digits.digit(t[i]) {
                fraction += Double(d) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < t.count else { return nil }
        var offsetMinutes = 0
        switch t[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == t.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard t.count - i == 6, let oh = Digits.value(t[(i + 1)..<(i + 3)]), t[i + 3] == UInt8(ascii: ":"),
                  let om = Digits.value(t[(i + 4)..<(i + 6)]), oh < 24, om < 60 else { return nil }
            offsetMinutes = (oh * 60 + om) * (t[i] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        if s == 60 {
            // A leap second happens at 23:59:60 UTC only.
            let utcMinutes = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
            guard utcMinutes == 23 * 60 + 59 else { return nil }
        }
        return Double(h * 3600 + m * 60 + s) + fraction - Double(offsetMinutes * 60)
    }
}

/// A proleptic Gregorian calendar date checked field by field.
struct CivilDate {
    var year: Int
    var month: Int
    var day: Int

    /// Read in place (a slice keeps its parent's indices): dates are parsed for every document.
    init?(_ b: Slice<UnsafeBufferPointer<UInt8>>) {
        let s = b.startIndex
        guard b.count == 10, b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
              let y = Digits.value(b[s..<(s + 4)]), let m = Digits.value(b[(s + 5)..<(s + 7)]), let d = Digits.value(b[(s + 8)..<(s + 10)]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(month: m, year: y) else { return nil }
        year = y
        month = m
        day = d
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

enum Digits {
    static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    /// The value of an all-ASCII-digit slice, or nil.
    static func value(_ bytes: some Collection<UInt8>) -> Int? {
        var v = 0
        for byte in bytes {
            guard let d = digit(byte) else { return nil }
            v = v * 10 + d
        }
        return bytes.isEmpty ? nil : v
    }
}
