/// Rules enforced while a file is read (by `DocumentFramer`, `FrontMatterReader` and the
/// schema check in `DocumentParser`). They have no check of their own, only a description,
/// so they live together here.
public enum ReadingRules {
    static let f = RuleExamples.findingPath

    public static let all: [RuleDescription] = [
        RuleDescription(
            id: RuleID.invalidEncoding, name: "invalid-encoding",
            summary: "A document must be UTF-8 text: no invalid byte sequences, no NUL bytes.",
            rationale: "Binary or mis-encoded files cannot be reviewed in a pull request and break every tool downstream.",
            bad: RuleExamples.edit(f, "Failover needed a human.", "Failover needed a ↓\u{0} human."),
            good: RuleExamples.edit(f, "Failover needed a human.", "Failover needed a human — the on-call engineer in Zürich."),
            mentions: ["NUL"]),
        RuleDescription(
            id: RuleID.missingFrontMatter, name: "missing-front-matter",
            summary: "A `.md` file under a document root must start with a `---` front matter line.",
            rationale: "Files without front matter have no ID, status or owner; they would be silently left out of every review.",
            bad: [f: "↓# Notes\nNo front matter here.\n"],
            good: RuleExamples.edit(f, "Failover needed a human.", "# Notes\nFailover needed a human."),
            mentions: ["---"]),
        RuleDescription(
            id: RuleID.unterminatedFrontMatter, name: "unterminated-front-matter",
            summary: "The front matter must be closed by a second `---` line.",
            rationale: "Without the closing line the body would be read as YAML, or the fields as body text.",
            bad: RuleExamples.edit(f, [("---\nid:", "↓---\nid:"), ("status: open\n---\n", "status: open\n")]),
            good: RuleExamples.edit(f, "Failover needed a human.", "Failover needed a human.\n\n---\n\nA `---` line in the body is a thematic break."),
            mentions: ["line 1", "never closed"]),
        RuleDescription(
            id: RuleID.yamlSyntax, name: "yaml-syntax",
            summary: "The front matter must be valid YAML.",
            rationale: "A syntax error hides every field after it.",
            bad: RuleExamples.edit(f, "bugs: [JIRA:OPS-12]", "bugs: ↓[JIRA:OPS-12"),
            good: RuleExamples.edit(f, "bugs: [JIRA:OPS-12]", "bugs:\n  - JIRA:OPS-12"),
            mentions: ["YAML syntax error"]),
        RuleDescription(
            id: RuleID.forbiddenYAML, name: "forbidden-yaml",
            summary: "Anchors, aliases, merge keys, explicit tags, non-string keys, NaN/infinity and multiple YAML documents are refused.",
            rationale: "A document format never needs them, and aliases are how YAML 'billion laughs' bombs work; they are refused before anything expands.",
            bad: RuleExamples.edit(f, "owner: bob", "owner: ↓&who bob\nreviewer: ↓*who"),
            good: RuleExamples.edit(f, "title: No automatic failover", "title: 'No automatic failover & *no* alert'"),
            mentions: ["anchors", "aliases"]),
        RuleDescription(
            id: RuleID.duplicateKey, name: "duplicate-key",
            summary: "A field may appear only once in a mapping.",
            rationale: "YAML parsers disagree on which duplicate wins; a reviewer may read the other one.",
            bad: RuleExamples.edit(f, "status: open", "status: open\n↓status: resolved"),
            good: RuleExamples.edit(f, "status: open", "status: open\ntags: [database, failover]"),
            mentions: ["`status`", "line 9"]),
        RuleDescription(
            id: RuleID.limitExceeded, name: "limit-exceeded",
            summary: "Files, front matter, values and nesting have size limits, and a schema a number of checks per document (configurable under `limits:`).",
            rationale: "Documents and schemas are written by anyone with push access and read inside server hooks; limits keep a hostile file from exhausting memory or time.",
            bad: RuleExamples.edit(f, "status: open", "status: open\ntags: " + String(repeating: "[", count: 31) + "↓" + String(repeating: "[", count: 9) + String(repeating: "]", count: 40)),
            good: RuleExamples.edit(f, "status: open", "status: open\ntags: [database, failover]"),
            mentions: ["32 levels"]),
        RuleDescription(
            id: RuleID.conflictMarkers, name: "conflict-markers",
            summary: "A document must not contain unresolved merge-conflict markers.",
            rationale: "A half-merged document has two truths; the tool refuses to guess which one holds.",
            bad: RuleExamples.edit(f, "owner: bob", "↓<<<<<<< HEAD\nowner: bob\n=======\nowner: alice\n>>>>>>> branch"),
            good: RuleExamples.edit(f, "owner: bob", "owner: alice"),
            mentions: ["merge conflict"]),
        RuleDescription(
            id: RuleID.frontMatterNotMapping, name: "front-matter-not-mapping",
            summary: "The front matter must be a mapping of fields.",
            rationale: "A list or a bare value has no fields to check.",
            bad: [f: "---\n↓- just\n- a list\n---\nBody\n"],
            good: RuleExamples.edit(f, "bugs: [JIRA:OPS-12]", "bugs:\n  - JIRA:OPS-12"),
            mentions: ["mapping"]),
        RuleDescription(
            id: RuleID.schema, name: "schema",
            summary: "Front matter must match its kind's JSON Schema in `schema/` (or the built-in one).",
            rationale: "The schemas are the single source of truth for field names, types and allowed values; editors use the same files.",
            bad: RuleExamples.edit(f, "status: open", "↓status: done"),
            good: RuleExamples.edit(f, "status: open", "status: accepted-risk\njustification: Replaced next quarter anyway.\napproved_by: carol"),
            mentions: ["`status`", "`done`"]),
    ]
}
