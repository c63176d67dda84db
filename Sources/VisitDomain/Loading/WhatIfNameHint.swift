/// The loader's "did you mean ...?" for names checked outside this module (what-if variants name
/// ids, services and tiers of the base scenario).
public enum NameHint {
    /// ` (did you mean "x"?)` when one of `candidates` is a likely typo of `word`, else the empty string.
    public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        Suggestion.hint(for: word, in: candidates)
    }
}
