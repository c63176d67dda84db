import VisitDomain

/// Applies one what-if variant to a copy of the base scenario's document tree and reads the result
/// back with the scenario loader, so a variant is checked exactly like a scenario. Problems name
/// the what-if file and the variant; a problem inside an added entry or a set value points at its
/// place in the what-if file (`variants[0].add.staff[0].routes[0]`), any other at its place in the
/// variant's scenario.
///
/// Order: `remove`, `add`, `set`, `scaleDemand`. What the edits imply:
/// - removing a staff member drops every visit's `preferredHost` naming them (a soft wish);
/// - removing a tour route takes it out of the staff's certificates and the tours that list other
///   routes too; a route that is the only choice of some tour is kept but closed for the whole
///   horizon instead, so those tours (and their visits) cannot be planned and say why;
/// - `set` may fill in a field the base leaves out; a misspelt field name is caught by the reader,
///   a new name in a name-keyed map (budgets per service or tier, caterer services, dietary counts)
///   must be a name the scenario already uses, and list indexes must exist (`add` appends);
/// - `scaleDemand: k` appends k − 1 copies of every visit, with ids suffixed `-2` ... `-k`.
struct VariantApplier {
    let whatIf: WhatIfFile
    let baseDocument: DocumentValue
    let base: Scenario

    func apply(_ variant: WhatIfVariant) -> Result<ScenarioVariant, ScenarioError> {
        var edit = VariantEdit(document: baseDocument, file: "\(whatIf.file) (variant \(variant.name))", base: base)
        for removal in variant.removals { edit.remove(removal) }
        for addition in variant.additions { edit.add(addition) }
        for setting in variant.settings { edit.set(setting) }
        if let factor = variant.demandFactor, factor > 1 { edit.scaleDemand(factor, at: variant.demandFactorPath) }
        if variant.settings.allSatisfy({ $0.target != DocumentPath.root + "name" }) {
            try? edit.document.setValue(.string("\(base.name) / \(variant.name)"), at: DocumentPath.root + "name")
        }
        // Decoded even when an edit failed (that edit was left out), so every problem is reported at once.
        do {
            let scenario = try ScenarioLoader.decode(edit.document, file: edit.file, defaultNow: base.now)
            guard edit.issues.isEmpty else { return .failure(.invalid(edit.issues)) }
            return .success(ScenarioVariant(name: variant.name, description: variant.description, scenario: scenario,
                                            document: edit.document, notes: edit.notes))
        } catch {
            return .failure(.invalid(edit.issues + error.issues.map(edit.locate)))
        }
    }
}

/// A variant being applied: the edited tree, notes for the planner, problems found, and where
/// each added or set part of the tree came from in the what-if file.
struct VariantEdit {
    var document: DocumentValue
    let file: String
    let base: Scenario
    var notes: [String] = []
    var issues: [ValidationIssue] = []
    /// (place in the variant's scenario, place in the what-if file).
    private var origins: [(edited: DocumentPath, origin: DocumentPath)] = []

    init(document: DocumentValue, file: String, base: Scenario) {
        self.document = document; self.file = file; self.base = base
    }

    mutating func report(_ path: DocumentPath, _ message: String) {
        issues.append(ValidationIssue(file: file, path: path.description, message: message))
    }

    // MARK: remove

    mutating func remove(_ removal: WhatIfVariant.Removal) {
        let list = DocumentPath.root + removal.list.rawValue
        let ids = entryIDs(removal.list)
        guard let index = ids.firstIndex(of: removal.id) else {
            let known = ids.isEmpty ? " (the base scenario has no \(removal.list.rawValue))" : NameHint.hint(for: removal.id, in: ids)
            report(removal.path, "no \(removal.list.entryName) \"\(removal.id)\" in the base scenario\(known)")
            return
        }
        switch removal.list {
        case .tourRoutes:
            let soleUsers = visitsWithOnlyRoute(removal.id)
            if !soleUsers.isEmpty {
                closeRoute(at: list + index)
                notes.append("tour route \(removal.id) is the only route of the tour of \(soleUsers.joined(separator: ", ")), "
                             + "so it stays in the scenario but closed for the whole horizon: those tours cannot run")
                return
            }
            document.removeValue(at: list + index)
            removeFromLists(removal.id, under: ["staff", "*", "routes"])
            removeFromLists(removal.id, under: ["visits", "*", "agenda", "*", "routes"])
        case .staff:
            document.removeValue(at: list + index)
            var dropped: [String] = []
            for (v, visit) in (document["visits"]?.arrayValue ?? []).enumerated() where visit["preferredHost"]?.stringValue == removal.id {
                document.removeValue(at: DocumentPath.root + "visits" + v + "preferredHost")
                dropped.append(visit["id"]?.stringValue ?? "visits[\(v)]")
            }
            if !dropped.isEmpty {
                notes.append("\(removal.id) was the preferred host of \(dropped.joined(separator: ", ")); that wish is dropped")
            }
        case .rooms, .caterers, .visits, .hotels:
            document.removeValue(at: list + index)
        }
    }

    private func entryIDs(_ list: ScenarioList) -> [String] {
        (document[list.rawValue]?.arrayValue ?? []).map { $0["id"]?.stringValue ?? "" }
    }

    /// Visits with a tour whose only route is `route`.
    private func visitsWithOnlyRoute(_ route: String) -> [String] {
        (document["visits"]?.arrayValue ?? []).compactMap { visit in
            let sole = (visit["agenda"]?.arrayValue ?? []).contains {
                $0["kind"]?.stringValue == "tour" && $0["routes"]?.arrayValue?.compactMap(\.stringValue) == [route]
            }
            return sole ? visit["id"]?.stringValue : nil
        }
    }

    /// Adds to the route's `unavailable` a period that covers the whole horizon, with a year to spare
    /// on each side should the variant move the horizon.
    private mutating func closeRoute(at path: DocumentPath) {
        let start = LocalDateTime(date: base.horizon.start.adding(days: -366), minuteOfDay: 0)
        let end = LocalDateTime(date: base.horizon.end.adding(days: 367), minuteOfDay: 0)
        let closure: DocumentValue = ["start": .string(start.description), "end": .string(end.description)]
        let existing = document.value(at: path + "unavailable")?.arrayValue ?? []
        try? document.setValue(.array(existing + [closure]), at: path + "unavailable")
    }

    /// Removes `id` from every list of texts at `pattern` (`*` stands for every list index).
    private mutating func removeFromLists(_ id: String, under pattern: [String]) {
        func paths(_ value: DocumentValue, _ rest: ArraySlice<String>, _ at: DocumentPath) -> [DocumentPath] {
            guard let step = rest.first else { return [at] }
            if step == "*" {
                return (value.arrayValue ?? []).enumerated().flatMap { paths($0.element, rest.dropFirst(), at + $0.offset) }
            }
            return value[step].map { paths($0, rest.dropFirst(), at + step) } ?? []
        }
        for path in paths(document, pattern[...], .root) {
            guard let items = document.value(at: path)?.arrayValue, items.contains(.string(id)) else { continue }
            try? document.setValue(.array(items.filter { $0 != .string(id) }), at: path)
        }
    }

    // MARK: add

    mutating func add(_ addition: WhatIfVariant.Addition) {
        let list = DocumentPath.root + addition.list.rawValue
        let items = document.value(at: list)?.arrayValue ?? []
        try? document.setValue(.array(items + [addition.entry]), at: list)
        origins.append((list + items.count, addition.path))
    }

    // MARK: set

    mutating func set(_ setting: WhatIfVariant.Setting) {
        guard checkTarget(setting) else { return }
        do {
            try document.setValue(setting.value, at: setting.target)
            origins.append((setting.target, setting.path))
        } catch {
            report(setting.path, "cannot set \(setting.target): \(error)")
        }
    }

    /// Whether every list index on the way exists and every new name in a name-keyed map is one
    /// the scenario already uses (reports why not).
    private mutating func checkTarget(_ setting: WhatIfVariant.Setting) -> Bool {
        var current: DocumentValue? = document
        var done = DocumentPath.root
        for component in setting.target.components {
            switch component {
            case .index(let i):
                let count = current?.arrayValue?.count
                guard let count, i < count else {
                    let has = count.map { "has \($0) entries" } ?? "is not a list in the base scenario"
                    report(setting.path, "\(done + i) does not exist: \(done) \(has) (use add to append entries)")
                    return false
                }
                current = current?[i]
            case .key(let key):
                if let next = current?[key], next != .null {
                    current = next
                } else {
                    if let kind = MapKeyKind(parent: done), case let names = kind.knownNames(in: document), !names.contains(key) {
                        report(setting.path, "\(done + key) does not exist: the scenario uses no \(kind.noun) named \"\(key)\""
                               + NameHint.hint(for: key, in: names))
                        return false
                    }
                    current = nil
                }
            }
            done = DocumentPath(done.components + [component])
        }
        return true
    }

    // MARK: scaleDemand

    mutating func scaleDemand(_ factor: Int, at path: DocumentPath) {
        let visits = document["visits"]?.arrayValue ?? []
        guard visits.count * factor <= InputLimits.visits else {
            report(path, "\(visits.count) visits × \(factor) would be \(visits.count * factor) visits; a scenario has at most \(InputLimits.visits)")
            return
        }
        var ids = Set(visits.compactMap { $0["id"]?.stringValue })
        var copies: [DocumentValue] = []
        for n in 2...factor {
            for visit in visits {
                guard let id = visit["id"]?.stringValue else { continue }
                let copyID = "\(id)-\(n)"
                guard ids.insert(copyID).inserted else {
                    report(path, "the copy \"\(copyID)\" of visit \(id) would repeat the id of another visit; rename that visit")
                    continue
                }
                var copy = visit
                try? copy.setValue(.string(copyID), at: DocumentPath.root + "id")
                copies.append(copy)
            }
        }
        try? document.setValue(.array(visits + copies), at: DocumentPath.root + "visits")
        let example = visits.first?["id"]?.stringValue.map { id in
            " (the copies of \(id) are \((2...factor).map { "\(id)-\($0)" }.joined(separator: ", ")))"
        } ?? ""
        notes.append("demand × \(factor): each of the \(visits.count) visits is asked for \(factor) times\(example)")
    }

    // MARK: messages

    /// `issue` with its path moved into the what-if file when it lies in an added entry or a set value.
    func locate(_ issue: ValidationIssue) -> ValidationIssue {
        guard let path = try? DocumentPath(parsing: issue.path), !path.isRoot else { return issue }
        for (edited, origin) in origins.reversed() {  // a later edit wins: a set inside an added entry
            if path.components.starts(with: edited.components) {
                let inside = DocumentPath(origin.components + path.components.dropFirst(edited.components.count))
                return ValidationIssue(file: file, path: inside.description, message: issue.message)
            }
            if edited.components.starts(with: path.components) {
                return ValidationIssue(file: file, path: origin.description, message: "\(path): \(issue.message)")
            }
        }
        return issue
    }
}
