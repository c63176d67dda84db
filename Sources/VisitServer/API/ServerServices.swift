import Logging

/// What the routes share: the store, the background plan runs, replanning and what-if runs.
struct ServerServices: Sendable {
    let store: VisitStore
    let runner: PlanRunner
    let replans: ReplanService
    let whatIfs: WhatIfRunner
    let logger: Logger
    /// The calendar feeds' folded plan histories.
    let feeds: FeedHistoryCache = FeedHistoryCache()
}
