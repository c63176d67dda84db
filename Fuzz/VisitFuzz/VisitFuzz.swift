import Foundation
import FuzzHarness

// Built two ways (see scripts/fuzz):
// - with `-sanitize=fuzzer,address -D FUZZING`: libFuzzer's driver; the surface comes from VISITPLAN_FUZZ;
// - plainly: `visit-fuzz SURFACE FILE...` replays inputs (a crash found by a fuzzer, a corpus).

#if FUZZING
private let surface: FuzzSurface = {
    let name = ProcessInfo.processInfo.environment["VISITPLAN_FUZZ"] ?? ""
    guard let surface = FuzzSurface(rawValue: name) else {
        fatalError("set VISITPLAN_FUZZ to one of: \(FuzzSurface.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return surface
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { surface.run(Data()); return 0 }
    surface.run(Data(bytes: bytes, count: count))
    return 0
}

/// libFuzzer's driver, for programs that keep their own `main` (SwiftPM renames an executable's
/// entry point, so libFuzzer's own `main` cannot be used). All three arguments are pointers, which
/// Swift's and C's calling conventions pass alike on the platforms this runs on.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct VisitFuzzDriver {
    static func main() {
        surface.prepare()
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main
struct VisitFuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let surface = FuzzSurface(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: visit-fuzz \(FuzzSurface.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("visit-fuzz: cannot read \(path)\n".utf8))
                exit(66)
            }
            surface.run(data)
        }
        print("replayed \(arguments.count - 1) input(s) on \(surface.rawValue): no crash")
    }
}
#endif
