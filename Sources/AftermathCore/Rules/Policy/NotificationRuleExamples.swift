/// The example postmortem as a data breach with a `notification` block, for the examples of
/// the notification rules.
extension RuleExamples {
    /// A first notice saying everything, sent when `customers_notified_at` says.
    public static let firstNotice = """
        - sent_at: 2026-03-02T09:00:00Z
          recipients: 120
          nature: Order exports were readable by another tenant for two hours.
          impact: Names and shipping addresses of 120 customers.
          mitigation: Access was revoked and the exports rotated.
    """

    /// The base postmortem as a breach notified on 2 March, with `notices` as its notices
    /// (each line indented as in `firstNotice`), possibly marked.
    public static func breach(notices: String, notifiedAt: String? = "2026-03-02T09:00:00Z", status: String = "published") -> [String: String] {
        let notified = notifiedAt.map { "customers_notified_at: \($0)\n" } ?? ""
        return edit(postmortemPath, [
            ("status: published", "status: \(status)"),
            ("data_breach: false", "data_breach: true\n\(notified)notification:\n  notices:\n\(notices)"),
        ])
    }
}
