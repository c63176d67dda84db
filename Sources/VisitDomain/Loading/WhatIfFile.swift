import Foundation

/// A what-if file (FORMAT.md "What-if variants"): the base scenario and the variants of it that a
/// planner wants compared. Read by `WhatIfLoader`; the variants are still edits of the base's
/// document tree, applied (and checked against the base) by the `VisitWhatIf` module.
public struct WhatIfFile: Sendable, Hashable {
    /// The what-if file as the user named it.
    public var file: String
    /// The base scenario's path: `base` as written, resolved against the what-if file's folder.
    public var basePath: String
    public var variants: [WhatIfVariant]

    public init(file: String, basePath: String, variants: [WhatIfVariant]) {
        self.file = file; self.basePath = basePath; self.variants = variants
    }
}

/// One variant: edits of a copy of the base scenario. They apply in a fixed order whatever the
/// order in the file: `remove`, then `add`, then `set`, then `scaleDemand`.
public struct WhatIfVariant: Sendable, Hashable {
    public var name: String
    /// Free text shown beside the name in the comparison.
    public var description: String?
    /// Where the variant sits in the what-if file (`variants[2]`), for messages.
    public var path: DocumentPath
    public var removals: [Removal]
    public var additions: [Addition]
    public var settings: [Setting]
    /// `scaleDemand`: how many times each visit is asked for (1 leaves the visits as they are).
    public var demandFactor: Int?
    /// Where `scaleDemand` sits in the file.
    public var demandFactorPath: DocumentPath { path + "scaleDemand" }

    public init(name: String, description: String? = nil, path: DocumentPath, removals: [Removal] = [],
                additions: [Addition] = [], settings: [Setting] = [], demandFactor: Int? = nil) {
        self.name = name; self.description = description; self.path = path; self.removals = removals
        self.additions = additions; self.settings = settings; self.demandFactor = demandFactor
    }

    /// `remove: {rooms: }`: one id to take out of one list.
    public struct Removal: Sendable, Hashable {
        public var list: ScenarioList
        public var id: String
        /// Where the id sits in the what-if file (`variants[1].remove.rooms[0]`).
        public var path: DocumentPath
        public init(list: ScenarioList, id: String, path: DocumentPath) { self.list = list; self.id = id; self.path = path }
    }

    /// `add: {staff: [{id: new.guide, ...}]}`: one entry to append to one list.
    public struct Addition: Sendable, Hashable {
        public var list: ScenarioList
        /// The entry as written; the scenario reader checks it like any entry of the list.
        public var entry: DocumentValue
        /// Where the entry sits in the what-if file (`variants[0].add.staff[0]`).
        public var path: DocumentPath
        public init(list: ScenarioList, entry: DocumentValue, path: DocumentPath) { self.list = list; self.entry = entry; self.path = path }
    }

    /// `set: {policies.mealBudgetPerHead.banquet: 400}`: one field of the scenario to replace or fill in.
    public struct Setting: Sendable, Hashable {
        /// The field in the scenario.
        public var target: DocumentPath
        public var value: DocumentValue
        /// Where the setting sits in the what-if file (`variants[2].set["policies.mealBudgetPerHead.banquet"]`).
        public var path: DocumentPath
        public init(target: DocumentPath, value: DocumentValue, path: DocumentPath) { self.target = target; self.value = value; self.path = path }
    }
}

/// The scenario's lists of entries with ids: what a variant may `add` to and `remove` from.
public enum ScenarioList: String, Sendable, Hashable, CaseIterable {
    case rooms, tourRoutes, staff, caterers, visits, hotels

    /// One entry, as a coordinator would name it ("tour route").
    public var entryName: String {
        switch self {
        case .rooms: "room"
        case .tourRoutes: "tour route"
        case .staff: "staff member"
        case .caterers: "caterer"
        case .visits: "visit"
        case .hotels: "hotel"
        }
    }
}

/// Reads what-if files (YAML or JSON). Every problem in the file is reported at once, as for
/// scenarios: `ScenarioError.invalid` lists each as `FILE: PATH: MESSAGE`.
public enum WhatIfLoader {
    /// Loads the what-if file at `path` (format by extension, else sniffed).
    public static func load(path: String) throws(ScenarioError) -> WhatIfFile {
        try decode(DocumentValue.load(path: path), file: path)
    }

    /// Parses what-if text; `file` names it in errors and is the folder `base` is relative to.
    public static func parse(_ text: String, format: DocumentFormat, file: String) throws(ScenarioError) -> WhatIfFile {
        try decode(DocumentValue.parse(text, format: format, file: file), file: file)
    }

    /// Decodes and checks the structure of a what-if document (not yet the variants against the base).
    public static func decode(_ value: DocumentValue, file: String) throws(ScenarioError) -> WhatIfFile {
        var decoder = WhatIfFileDecoder(file: file)
        let decoded = decoder.decode(value)
        guard let decoded, decoder.reader.issues.isEmpty else { throw .invalid(decoder.reader.issues) }
        return decoded
    }

    /// `base` resolved against the folder of `file` (an absolute `base` stays as it is).
    public static func resolve(base: String, relativeTo file: String) -> String {
        if base.hasPrefix("/") { return base }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? base : (folder as NSString).appendingPathComponent(base)
    }
}
