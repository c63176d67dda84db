// The planner.
