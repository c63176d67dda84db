import Foundation
import MILP
import Testing

@Suite("Model export")
struct ExportTests {
    static func sampleModel() -> Model {
        var model = Model(name: "export sample")
        let x = model.addVariable("start time", kind: .integer, upperBound: 10)
        let y = model.addBinary("room[1]")
        let z = model.addVariable("slack", lowerBound: -.infinity)
        model.addConstraint(x + 3 * y - z, .lessOrEqual, 7, name: "capacity day 1")
        model.addConstraint(x - y, .greaterOrEqual, 1, name: "order")
        model.addConstraint(LinearExpression(z), .equal, 2, name: "fix slack")
        model.setObjective(2 * x + y + 4, .maximize)
        return model
    }

    @Test(arguments: [(ModelFileFormat.cplexLP, "lp"), (.freeMPS, "mps")])
    func writesAReadableFile(format: ModelFileFormat, fileExtension: String) throws {
        let model = Self.sampleModel()
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("milp-export-\(UUID().uuidString).\(fileExtension)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path, format: format)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.isEmpty)
        for name in ["capacity_day_1", "order", "fix_slack", "start_time", "room(1)", "slack"] {
            #expect(text.contains(name), "missing \(name)")
        }
    }

    @Test(arguments: [ModelFileFormat.cplexLP, .freeMPS])
    func unwritablePathThrows(format: ModelFileFormat) {
        let error = #expect(throws: ModelExportError.self) {
            try Self.sampleModel().write(to: "/nonexistent-milp-folder/model.lp", format: format)
        }
        #expect(error?.message.contains("/nonexistent-milp-folder/model.lp") == true)
    }

    @Test func emptyModelCanBeWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("milp-empty-\(UUID().uuidString).lp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Model().write(to: path, format: .cplexLP)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [("lp", ModelFileFormat.cplexLP), ("LP", .cplexLP), ("mps", .freeMPS), ("txt", nil), ("", nil)])
    func formatFromPathExtension(fileExtension: String, expected: ModelFileFormat?) {
        #expect(ModelFileFormat(pathExtension: fileExtension) == expected)
    }
}
