/// Builds a `WhatIfFile` from a document tree, collecting every structural problem (unknown
/// fields, wrong types, repeated variant names, unreadable `set` paths) in `reader.issues`.
/// Whether the edits fit the base scenario is checked later, when they are applied.
struct WhatIfFileDecoder {
    var reader: FieldReader

    static let topLevelFields = ["base", "variants"]
    static let variantFields = ["name", "description", "add", "remove", "set", "scaleDemand"]
    static let operations = ["add", "remove", "set", "scaleDemand"]

    init(file: String) { reader = FieldReader(file: file) }

    mutating func decode(_ document: DocumentValue) -> WhatIfFile? {
        if document == .null {
            reader.report(.root, "the document is empty; expected a what-if file with base and variants")
            return nil
        }
        guard let root = reader.fields(document, at: .root, known: Self.topLevelFields, what: "a what-if file {base, variants}") else {
            return nil
        }
        let base = reader.string(root, "base", required: true)
        var variants: [WhatIfVariant] = []
        if let items = reader.list(root, "variants", required: true) {
            if items.isEmpty { reader.report(root.path("variants"), "the list is empty; a what-if file needs at least one variant") }
            if items.count > InputLimits.variants {
                reader.report(root.path("variants"), "\(items.count) variants; a what-if compares at most \(InputLimits.variants) at once")
            }
            var firstUse: [String: DocumentPath] = [:]
            for (value, path) in items {
                guard let variant = decodeVariant(value, at: path) else { continue }
                if let earlier = firstUse[variant.name] {
                    reader.report(path + "name", "duplicate variant name \"\(variant.name)\" (also used by \(earlier))")
                } else {
                    firstUse[variant.name] = path
                }
                variants.append(variant)
            }
        }
        guard let base else { return nil }
        return WhatIfFile(file: reader.file, basePath: WhatIfLoader.resolve(base: base, relativeTo: reader.file), variants: variants)
    }

    mutating func decodeVariant(_ value: DocumentValue, at path: DocumentPath) -> WhatIfVariant? {
        guard let f = reader.fields(value, at: path, known: Self.variantFields,
                                    what: "a variant {name, description, add, remove, set, scaleDemand}") else { return nil }
        let name = reader.string(f, "name", required: true)
        let description = reader.string(f, "description")
        let removals = decodeRemovals(f)
        let additions = decodeAdditions(f)
        let settings = decodeSettings(f)
        let factor = reader.int(f, "scaleDemand", in: InputLimits.demandFactor)
        if !Self.operations.contains(where: f.has) {
            reader.report(path, "the variant changes nothing; give it at least one of add, remove, set or scaleDemand")
        }
        guard let name else { return nil }
        return WhatIfVariant(name: name, description: description, path: path, removals: removals, additions: additions,
                             settings: settings, demandFactor: factor)
    }

    /// `remove: {rooms: [R-301], staff: [li.wei]}`.
    mutating func decodeRemovals(_ variant: FieldSet) -> [WhatIfVariant.Removal] {
        guard let lists = listFields(variant, "remove", what: "lists of ids to remove") else { return [] }
        var removals: [WhatIfVariant.Removal] = []
        for (list, set) in lists {
            for (value, path) in reader.list(set, list.rawValue) ?? [] {
                guard let id = reader.text(value, at: path, nonEmpty: true) else { continue }
                if removals.contains(where: { $0.list == list && $0.id == id }) {
                    reader.report(path, "\(list.entryName) \"\(id)\" is listed twice")
                    continue
                }
                removals.append(.init(list: list, id: id, path: path))
            }
        }
        return removals
    }

    /// `add: {staff: [{id: new.guide, ...}]}`.
    mutating func decodeAdditions(_ variant: FieldSet) -> [WhatIfVariant.Addition] {
        guard let lists = listFields(variant, "add", what: "lists of entries to add") else { return [] }
        var additions: [WhatIfVariant.Addition] = []
        for (list, set) in lists {
            for (value, path) in reader.list(set, list.rawValue) ?? [] {
                guard case .object = value else {
                    reader.report(path, "expected a \(list.entryName) (a mapping of fields such as id), found \(value.shortDescription)")
                    continue
                }
                additions.append(.init(list: list, entry: value, path: path))
            }
        }
        return additions
    }

    /// `set: {policies.mealBudgetPerHead.banquet: 400}`: field paths as `DocumentPath` writes them.
    mutating func decodeSettings(_ variant: FieldSet) -> [WhatIfVariant.Setting] {
        var settings: [WhatIfVariant.Setting] = []
        for (text, value, path) in reader.entries(variant, "set") ?? [] {
            let target: DocumentPath
            do { target = try DocumentPath(parsing: text) } catch {
                reader.report(path, "\(error)")
                continue
            }
            guard !target.isRoot else {
                reader.report(path, "the path is empty; name a field such as policies.weeklyHospitalityBudget")
                continue
            }
            settings.append(.init(target: target, value: value, path: path))
        }
        return settings
    }

    /// The lists named in `add` or `remove`, in the order of `ScenarioList`.
    private mutating func listFields(_ variant: FieldSet, _ key: String, what: String) -> [(ScenarioList, FieldSet)]? {
        let names = ScenarioList.allCases.map(\.rawValue)
        guard let f = reader.fields(variant, key, known: names, what: "\(what) {\(names.joined(separator: ", "))}") else { return nil }
        return ScenarioList.allCases.filter { f.has($0.rawValue) }.map { ($0, f) }
    }
}
