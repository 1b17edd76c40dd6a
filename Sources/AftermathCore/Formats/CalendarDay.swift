/// A `YYYY-MM-DD` written in the right form, whether or not the day exists: what tells
/// `2027-02-30` (no such day) apart from `20/02/2027` (not the format) in messages.
struct CalendarDay {
    let year: Int, monthNumber: Int, day: Int

    /// The first ten characters of `text` as year, month and day digits; nil when they are not
    /// in that form.
    init?(shapeOf text: String) {
        let b = Array(text.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Int? {
            var value = 0
            for i in r {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        (year, monthNumber, day) = (y, m, d)
    }

    /// `2027-02`, as the message names the month.
    var month: String { String(String(year + 10_000).dropFirst()) + "-" + String(String(monthNumber + 100).dropFirst()) }

    var daysInMonth: Int {
        switch monthNumber {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    var exists: Bool { (1...12).contains(monthNumber) && (1...daysInMonth).contains(day) }
}
