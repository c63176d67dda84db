/// Names, industries and topics the generator draws from.
enum NamePools {
    static let languages = ["zh", "en", "ja", "de"]
    static let industries = ["manufacturing", "automotive", "electronics", "energy", "healthcare", "logistics", "retail", "finance"]
    static let topics = ["robotics", "machine-vision", "plc", "cloud", "ai", "iot", "mes", "battery", "safety"]

    static let companies = [
        "Contoso", "Fabrikam", "Woodgrove", "Litware", "Adatum", "Northwind", "Tailspin", "Wingtip", "Coho Vineyard",
        "Alpine Ski", "Fourth Coffee", "Lamna", "VanArsdel", "Proseware", "Trey Research", "Wide World Importers",
        "Blue Yonder", "Margie's Travel", "Relecloud", "Humongous Insurance",
    ]

    /// Company suffixes that suit a client speaking `language`.
    static func companySuffixes(for language: String) -> [String] {
        switch language {
        case "de": ["GmbH", "AG"]
        case "ja": ["KK", "Co"]
        case "zh": ["Co", "Ltd", "Group"]
        default: ["Inc", "Ltd", "Group"]
        }
    }

    /// A family name and a telephone number prefix for a client contact speaking `language`.
    static func contact(for language: String) -> (families: [String], phonePrefix: String) {
        switch language {
        case "de": (["Schmidt", "Müller", "Weber", "Fischer", "Wagner"], "+49 151")
        case "ja": (["Tanaka", "Sato", "Suzuki", "Takahashi", "Ito"], "+81 90")
        case "zh": (["Chen", "Li", "Wang", "Zhang", "Zhao"], "+86 138")
        default: (["Miller", "Brown", "Wilson", "Taylor", "Evans"], "+44 7700")
        }
    }

    /// Where a staff member comes from: the languages they speak and the names they may have.
    enum Origin: Sendable {
        case chinese, german, japanese, english

        /// Given and family names; `familyFirst` when the name is written family name first.
        var names: (given: [String], family: [String], familyFirst: Bool) {
            switch self {
            case .chinese:
                (["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yan", "Jie", "Tao", "Ming",
                  "Chao", "Xiu", "Lan", "Hao", "Yu", "Ping"],
                 ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu",
                  "Gao", "Lin", "He", "Guo", "Ma", "Luo"], true)
            case .german:
                (["Anna", "Lukas", "Julia", "Felix", "Katrin", "Jonas"], ["Schmidt", "Müller", "Weber", "Fischer", "Wagner", "Becker"], false)
            case .japanese:
                (["Yuki", "Kenji", "Haruto", "Aiko", "Sota", "Mei"], ["Tanaka", "Sato", "Suzuki", "Takahashi", "Ito", "Watanabe"], false)
            case .english:
                (["David", "Emma", "James", "Olivia", "Michael", "Sarah"], ["Miller", "Brown", "Wilson", "Taylor", "Clark", "Evans"], false)
            }
        }
    }

    /// A staff id such as `liu.qiang` or `anna.mueller`: lower case ASCII, family name first for
    /// Chinese names as they are written.
    static func staffID(_ displayName: String) -> String {
        var id = ""
        for character in displayName.lowercased() {
            switch character {
            case " ": id += "."
            case "ä": id += "ae"
            case "ö": id += "oe"
            case "ü": id += "ue"
            case "ß": id += "ss"
            default: id.append(character)
            }
        }
        return id
    }
}
