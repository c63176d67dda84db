import VisitDomain

/// A checked scenario ready to be stored as a version, with the text it was uploaded as and its
/// canonical JSON, written and checked to load back to the same scenario before any transaction.
struct ScenarioUpload: Sendable {
    let scenario: Scenario
    /// The text as posted; nil for a scenario a replan produced.
    let original: String?
    let originalFormat: DocumentFormat?
    /// `ScenarioDocument.jsonText(scenario)`: what the store keeps as the version's source.
    let canonicalJSON: String

    init(scenario: Scenario, original: String?, originalFormat: DocumentFormat?) throws(ScenarioDocumentError) {
        self.scenario = scenario; self.original = original; self.originalFormat = originalFormat
        canonicalJSON = try ScenarioDocument.jsonText(scenario)
    }
}
