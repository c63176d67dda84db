// Replanning: see Replanner.swift.
