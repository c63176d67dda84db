import Testing
@testable import VisitDomain

/// The generic document tree and its path-based get/set (used by what-if `set:`).
struct DocumentValueTests {
    static let sample: DocumentValue = [
        "policies": ["mealBudgetPerHead": ["teaBreak": 30, "banquet": 300]],
        "visits": [["id": "V-1", "agenda": [["kind": "meeting"], ["kind": "tour", "routes": ["showroom"]]]]],
        "odd.key": true,
    ]

    @Test func pathsParseAndPrint() throws {
        let path = try DocumentPath(parsing: "visits[3].agenda[1].routes[0]")
        #expect(path.components == [.key("visits"), .index(3), .key("agenda"), .index(1), .key("routes"), .index(0)])
        #expect(path.description == "visits[3].agenda[1].routes[0]")
        let quoted = try DocumentPath(parsing: #"caterers[0].services["tea.break"].pricePerHead"#)
        #expect(quoted.components[3] == .key("tea.break"))
        #expect(quoted.description == #"caterers[0].services["tea.break"].pricePerHead"#)
        #expect((DocumentPath.root + "visits" + 2 + "headcount").description == "visits[2].headcount")
    }

    @Test(arguments: ["", "a..b", ".a", "a.", "a[x]", "a[-1]", "a[1]b", "a[\"x\""])
    func malformedPathsAreRejected(_ text: String) {
        if text.isEmpty {
            #expect((try? DocumentPath(parsing: text))?.isRoot == true)
        } else {
            #expect(throws: DocumentPathError.self) { try DocumentPath(parsing: text) }
        }
    }

    @Test func getByPath() throws {
        let doc = Self.sample
        #expect(try doc.value(at: "policies.mealBudgetPerHead.banquet") == 300)
        #expect(try doc.value(at: "visits[0].agenda[1].routes[0]") == "showroom")
        #expect(try doc.value(at: #"["odd.key"]"#) == true)
        #expect(try doc.value(at: "visits[5]") == nil)
        #expect(try doc.value(at: "policies.nothing.here") == nil)
        #expect(doc.value(at: .root) == doc)
    }

    @Test func setReplacesAddsAndCreatesObjects() throws {
        var doc = Self.sample
        try doc.setValue(400, at: "policies.mealBudgetPerHead.banquet")
        #expect(try doc.value(at: "policies.mealBudgetPerHead.banquet") == 400)
        // key order is kept on replace
        #expect(doc["policies"]?["mealBudgetPerHead"]?.objectValue?.keys.elementsEqual(["teaBreak", "banquet"]) == true)
        try doc.setValue(500, at: "policies.tierBudgetPerHead.vip.banquet")
        #expect(try doc.value(at: "policies.tierBudgetPerHead") == ["vip": ["banquet": 500]])
        try doc.setValue("lab", at: "visits[0].agenda[1].routes[1]")   // append at count
        #expect(try doc.value(at: "visits[0].agenda[1].routes") == ["showroom", "lab"])
    }

    @Test func setReportsImpossiblePaths() throws {
        var doc = Self.sample
        #expect(throws: DocumentPathError.indexOutOfRange(path: "visits[3]", index: 3, count: 1)) {
            try doc.setValue(1, at: "visits[3]")
        }
        #expect(throws: DocumentPathError.notAContainer(path: "visits[0].id", found: "\"V-1\"")) {
            try doc.setValue(1, at: "visits[0].id.x")
        }
        #expect(throws: DocumentPathError.notAContainer(path: "policies", found: "a mapping")) {
            try doc.setValue(1, at: "policies[0]")
        }
        let message = DocumentPathError.indexOutOfRange(path: "visits[3]", index: 3, count: 1).description
        #expect(message == "visits[3]: index 3 is out of range (the list has 1 items)")
    }

    @Test func removeByPath() throws {
        var doc = Self.sample
        let removed = doc.removeValue(at: try DocumentPath(parsing: "visits[0].agenda[0]"))
        #expect(removed == ["kind": "meeting"])
        #expect(try doc.value(at: "visits[0].agenda") == [["kind": "tour", "routes": ["showroom"]]])
        #expect(doc.removeValue(at: try DocumentPath(parsing: "policies.nothing")) == nil)
        doc.removeValue(at: try DocumentPath(parsing: "policies"))
        #expect(doc["policies"] == nil)
    }

    @Test func shortDescriptionsReadWell() {
        #expect(DocumentValue.string("six").shortDescription == "\"six\"")
        #expect(DocumentValue.int(6).shortDescription == "6")
        #expect(DocumentValue.double(6.5).shortDescription == "6.5")
        #expect(DocumentValue.bool(false).shortDescription == "false")
        #expect(DocumentValue.array([1]).shortDescription == "a list")
        #expect(DocumentValue.object([:]).shortDescription == "an empty mapping")
    }
}
