// The seeded scenario generator.
