/// The version of Aftermath: what `--version` prints, SARIF names as the tool's, and what a
/// summary records of its producer.
public enum ProductVersion {
    public static let current = "0.1.0"
}
