import VisitDomain

/// The score of FORMAT.md "Objective" as coefficients of the model's variables.
struct ObjectiveTerms: Sendable {
    let scenario: Scenario
    var weights: ObjectiveWeights { scenario.objective }

    /// A visit placed with `timing`: its priority value and the preferred-start penalty.
    func timingValue(_ visit: Visit, _ timing: VisitTiming) -> Double {
        var value = weights.visit * Double(visit.priority)
        if let preferred = visit.preferredStart {
            value += weights.preferredStartPerSlot * Double(abs(timing.start - preferred.minutes)) / Double(scenario.calendar.slotMinutes)
        }
        return value
    }

    func hostValue(_ person: StaffMember, for visit: Visit) -> Double {
        (visit.preferredHost == person.id ? weights.preferredHost : 0) + industryValue(person, for: visit)
    }

    func guideValue(_ person: StaffMember, for visit: Visit) -> Double { industryValue(person, for: visit) }

    private func industryValue(_ person: StaffMember, for visit: Visit) -> Double {
        guard let industry = visit.client.industry, person.industries.contains(industry) else { return 0 }
        return weights.industryMatch
    }
}
