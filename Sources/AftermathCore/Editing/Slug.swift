import Foundation

/// The name part of a document's file or folder (`payment-api-outage`): one path component of
/// lowercase ASCII letters, digits and single dashes, so that no title or option can name a
/// path elsewhere, a hidden file, or something a terminal would act on.
public enum Slug {
    /// Longest slug kept: long enough for a phrase, short enough that an ID, the slug and
    /// `.md` stay far below a file system's 255-byte name limit.
    public static let maximumLength = 40
    /// Longest slug accepted from `--slug`.
    public static let maximumGivenLength = 64

    /// A slug from any text: letters transliterated to ASCII (`Zürich` → `zurich`, `日本` →
    /// `ri-ben`), everything else a word break, cut after the last whole word that fits.
    public static func make(from title: String) -> String {
        // ICU's transliterators, which Foundation on Linux carries too; without them, the
        // letters that are ASCII already are kept.
        let latin = title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? title.lowercased()
        var words: [String] = []
        var word = ""
        for scalar in latin.unicodeScalars {
            if scalar.isASCII, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var out = ""
        for word in words {
            let next = out.isEmpty ? word : out + "-" + word
            if next.count > maximumLength {
                // One word longer than the whole limit is cut; otherwise stop at a word's end.
                if out.isEmpty { out = String(word.prefix(maximumLength)) }
                break
            }
            out = next
        }
        return out.isEmpty ? "untitled" : out
    }

    /// Why `given` cannot be used as a slug, or nil when it can.
    public static func problem(_ given: String) -> String? {
        if given.isEmpty { return "is empty" }
        if given.unicodeScalars.count > maximumGivenLength { return "is longer than \(maximumGivenLength) characters" }
        let allowed = given.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-") }
        if !allowed || given.hasPrefix("-") || given.hasSuffix("-") || given.contains("--") {
            return "must be lowercase letters a-z, digits and single dashes between them (one file name, e.g. `\(make(from: given))`)"
        }
        return nil
    }
}
