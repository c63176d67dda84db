import Foundation
import Logging
import VisitDomain

/// What the routes share: the store, the background plan runs, replanning, improvement searches and what-if runs.
struct ServerServices: Sendable {
    let store: any PlanStore
    let runner: PlanRunner
    let replans: ReplanService
    /// Background searches for a better week near the current plan, offered as proposals.
    let improvements: ImprovementService
    let whatIfs: WhatIfRunner
    /// Ranked options for visits not yet in a plan.
    let options: OptionsService
    let logger: Logger
    /// How many solves each token may have running or waiting.
    let quota: SolveQuota
    /// The calendar feeds' folded plan histories.
    let feeds: FeedHistoryCache = FeedHistoryCache()
    /// The time zone of feeds whose scenario names none (`calendar.timeZone`): the server's own.
    var siteTimeZone: String = TimeZone.current.identifier
    /// The real clock (tests set their own): what is overdue, and when a record is made.
    var clock: @Sendable () -> Date = Date.init

    /// Visit requests: saving them and accepting them into the week.
    var requests: RequestService {
        RequestService(store: store, threads: options.threads, quota: quota, now: { [self] scenario in now(for: scenario) })
    }

    /// Now on the site's clock of `scenario` (its `calendar.timeZone`, else the server's).
    func now(for scenario: Scenario) -> LocalDateTime {
        LocalDateTime.at(clock(), timeZone: scenario.calendar.timeZone ?? siteTimeZone)
    }
}
