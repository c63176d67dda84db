/// The names a visit may use for a meal service, a client tier and meeting equipment: FORMAT.md's
/// own and those the scenario defines (a caterer's services, the tiers with budgets, the rooms'
/// equipment). A visit naming anything else has a typing error (`workingmeal`, `projecter`), not
/// an impossible wish, so the loader reports it with the likely intended name.
struct KnownNames: Sendable {
    /// FORMAT.md's services (mealBudgetPerHead's keys).
    static let formatServices = ["teaBreak", "workingMeal", "banquet"]
    /// FORMAT.md's tiers.
    static let formatTiers = ["standard", "vip"]
    /// FORMAT.md's equipment.
    static let formatEquipment = ["projector", "microphone", "videoconf"]

    var services: Set<String>
    var tiers: Set<String>
    var equipment: Set<String>
    /// Room types a stay may ask for: those hotels offer and those with a budget.
    var roomTypes: Set<String>

    /// From a scenario document, before it is decoded (entries with problems still count).
    init(document root: FieldSet) {
        let caterers = root["caterers"]?.arrayValue ?? []
        let policies = root["policies"]
        let budgets = policies?["mealBudgetPerHead"]?.objectValue?.keys.map { $0 } ?? []
        let tierBudgets = policies?["tierBudgetPerHead"]?.objectValue ?? [:]
        services = Set(Self.formatServices + budgets + caterers.flatMap { $0["services"]?.objectValue?.keys.map { $0 } ?? [] }
                       + tierBudgets.values.flatMap { $0.objectValue?.keys.map { $0 } ?? [] })
        let tierHotelBudgets = policies?["tierHotelBudgetPerNight"]?.objectValue ?? [:]
        tiers = Set(Self.formatTiers + tierBudgets.keys + tierHotelBudgets.keys)
        equipment = Set(Self.formatEquipment + (root["rooms"]?.arrayValue ?? []).flatMap {
            ($0["equipment"]?.arrayValue ?? []).compactMap(\.stringValue)
        })
        let offered = (root["hotels"]?.arrayValue ?? []).flatMap { ($0["roomTypes"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } }
        roomTypes = Set(offered + (policies?["hotelBudgetPerNight"]?.objectValue?.keys.map { $0 } ?? [])
                        + tierHotelBudgets.values.flatMap { $0.objectValue?.keys.map { $0 } ?? [] })
    }

    /// From a decoded scenario (for a visit added by an event).
    init(scenario: Scenario) {
        services = Set(Self.formatServices + scenario.policies.mealBudgetPerHead.keys
                       + scenario.caterers.flatMap { $0.services.keys } + scenario.policies.tierBudgetPerHead.values.flatMap(\.keys))
        tiers = Set(Self.formatTiers + scenario.policies.tierBudgetPerHead.keys + scenario.policies.tierHotelBudgetPerNight.keys)
        equipment = Set(Self.formatEquipment + scenario.rooms.flatMap(\.equipment))
        roomTypes = Set(scenario.hotels.flatMap { $0.roomTypes.map(\.id) } + scenario.policies.hotelBudgetPerNight.keys
                        + scenario.policies.tierHotelBudgetPerNight.values.flatMap(\.keys))
    }
}
