/// The version of Consult, shown by `consult --version`.
public enum ConsultVersion {
    /// Raised with each release.
    public static let current = "0.14.0"
}
