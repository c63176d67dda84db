import Foundation
import Hummingbird
import VisitDomain

/// The reception KPIs (issue 15), computed from the store's facts (`KPIFactsBuilder`) by the
/// domain's `MonthlyKPIs`. Coordinators and planners only: the figures include spend and budgets.
///
/// - `GET /api/reports/monthly?month=2026-12[&format=html]`: the month beside the month before,
///   as JSON (`report` and its `rows`) or as an HTML page with an SVG chart.
/// - `GET /api/reports/quarterly?quarter=2026-Q4`: the quarter's months side by side and the
///   cases to discuss (JSON, or `format=text`).
struct ReportRoutes {
    let services: ServerServices

    /// The monthly answer.
    struct MonthlyView: Encodable {
        var report: MonthlyReport
        var rows: [Row]
        struct Row: Encodable {
            var name: String
            var current: String
            var previous: String
            var change: String
        }
    }

    func add(to routes: RouteCollection<VisitRequestContext>) {
        let builder = KPIFactsBuilder(store: services.store, now: { [services] in services.now(for: $0) })
        routes.get("/reports/monthly") { request, context in
            _ = try context.require(.coordinator, .planner, toDo: "read the reception KPIs")
            let query = FormQuery(request)
            guard let text = query.get("month"), let month = ReportMonth(text) else {
                throw APIError.badRequest("give month=YYYY-MM (a month from 1970 to 2200)")
            }
            let report = MonthlyReport(current: try await builder.facts(month), previous: try await builder.facts(month.previous))
            switch query.get("format") ?? "json" {
            case "json":
                let rows = KPIRow.rows(report).map { MonthlyView.Row(name: $0.name, current: $0.current, previous: $0.previous, change: $0.change) }
                return try JSONResponse.make(MonthlyView(report: report, rows: rows))
            case "html":
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                                       .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'"],
                                body: .init(byteBuffer: ByteBuffer(string: MonthlyReportHTML.render(report))))
            case let other:
                throw APIError.badRequest("format is json or html, not \"\(other)\"")
            }
        }
        routes.get("/reports/quarterly") { request, context in
            _ = try context.require(.coordinator, .planner, toDo: "read the quarterly review")
            let query = FormQuery(request)
            guard let text = query.get("quarter"), let (name, months) = Self.quarter(text) else {
                throw APIError.badRequest("give quarter=YYYY-Qn (2026-Q4)")
            }
            var facts: [KPIFacts] = []
            for month in months { facts.append(try await builder.facts(month)) }
            let review = QuarterlyReview(quarter: name, facts: facts)
            switch query.get("format") ?? "json" {
            case "json": return try JSONResponse.make(review)
            case "text":
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(string: review.text())))
            case let other: throw APIError.badRequest("format is json or text, not \"\(other)\"")
            }
        }
    }

    /// `2026-Q4`: its name and months.
    static func quarter(_ text: String) -> (String, [ReportMonth])? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q),
              let year = Int(parts[0]), let first = ReportMonth(year: year, month: q * 3 - 2) else { return nil }
        return QuarterlyReview.quarter(of: first)
    }
}
