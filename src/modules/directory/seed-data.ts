/**
 * Seed data for the directory.
 *
 * The names of the Executive Yuan, its agencies and their units are public information (see the
 * agencies' organisation acts and official websites); they are meant to reflect the organisation after
 * the 2023–2025 reorganisations (農業部, 環境部, 核能安全委員會, the 2023 reorganisation of 內政部,
 * 經濟部 and 交通部, and 運動部 in 2025). Check them against the official sources before relying
 * on them: unit names in particular change more often than agency names.
 *
 * ALL PEOPLE IN THIS FILE ARE FICTIONAL. Every demo person's name starts with 示範 / "Demo" and
 * every e-mail address is under the reserved domain example.org. The internal resources are demo
 * entries marked （示範）/ (demo); the outside pools are fictional organisations.
 */

/** One agency or unit in the seed directory. */
export interface SeedOrg {
  /** Lowercase ascii [a-z0-9-], unique in the file, e.g. "moi", "moi-npa", "moi-dept-civil-affairs". */
  slug: string;
  kind: "executive-yuan" | "agency" | "unit";
  /**
   * 1 = Executive Yuan itself; 2 = second-level agency (部/會/署/總處/行/院...); 3 = third-level agency
   * (署/局/...) under a ministry; units carry the level of the agency they belong to.
   */
  level: 1 | 2 | 3;
  /** Executive Yuan: null; 2nd-level: "executive-yuan"; 3rd-level: its ministry; unit: its agency. */
  parentSlug: string | null;
  /** Official names. */
  name: { "zh-TW": string; en: string };
  /** E.g. 內政部 has none; 國家發展委員會 → 國發會 / NDC. */
  abbreviation?: { "zh-TW": string; en: string };
  /** Official https URL of agencies (omitted for units). */
  website?: string;
}

/** A demo person: names must be clearly fictional. */
export interface SeedPerson {
  /** Ascii identifier used by other seed rows, e.g. "po-moi-lead". */
  key: string;
  /** zh-TW display name, clearly fictional: 示範 + a common name. */
  name: string;
  nameEn: string;
  /** Under the reserved domain example.org, e.g. "po-moi-lead@example.org". */
  email: string;
  /** Job title. */
  title?: { "zh-TW": string; en: string };
}

/** Memberships of demo people. */
export interface SeedMembership {
  personKey: string;
  /** An agency slug for PO/supervisor roles, a unit slug for unit staff. */
  orgSlug: string;
  role: "unit-staff" | "po" | "supervisor" | "pdis";
  /** For role "po" only. */
  tags?: Array<"lead-po" | "team-po" | "legislative-liaison" | "press" | "it" | "planning" | "evaluation">;
}

/** Resource directory entries: internal per-agency resources and outside pools. */
export interface SeedResource {
  slug: string;
  kind: "internal" | "pool";
  category:
    | "planning"
    | "it"
    | "press"
    | "legislative-liaison"
    | "stenographer"
    | "facilitator"
    | "plain-language"
    | "livestream"
    | "civil-society-expert";
  /** The agency for internal resources; null for outside pools. */
  orgSlug: string | null;
  name: { "zh-TW": string; en: string };
  description: { "zh-TW": string; en: string };
  /** Under @example.org. */
  contactEmail: string;
}

export const seedOrgs: SeedOrg[] = [
  // ── Level 1: the Executive Yuan ─────────────────────────────────────────────────────────────
  {
    slug: "executive-yuan",
    kind: "executive-yuan",
    level: 1,
    parentSlug: null,
    name: { "zh-TW": "行政院", en: "Executive Yuan" },
    website: "https://www.ey.gov.tw",
  },
  {
    slug: "pdis",
    kind: "unit",
    level: 1,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "公共數位創新空間", en: "Public Digital Innovation Space" },
    abbreviation: { "zh-TW": "PDIS", en: "PDIS" },
  },

  // ── Level 2: ministries (部) ─────────────────────────────────────────────────────────────────
  {
    slug: "moi",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "內政部", en: "Ministry of the Interior" },
    website: "https://www.moi.gov.tw",
  },
  {
    slug: "mofa",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "外交部", en: "Ministry of Foreign Affairs" },
    website: "https://www.mofa.gov.tw",
  },
  {
    slug: "mnd",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國防部", en: "Ministry of National Defense" },
    website: "https://www.mnd.gov.tw",
  },
  {
    slug: "mof",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "財政部", en: "Ministry of Finance" },
    website: "https://www.mof.gov.tw",
  },
  {
    slug: "moe",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "教育部", en: "Ministry of Education" },
    website: "https://www.edu.tw",
  },
  {
    slug: "moj",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "法務部", en: "Ministry of Justice" },
    website: "https://www.moj.gov.tw",
  },
  {
    slug: "moea",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "經濟部", en: "Ministry of Economic Affairs" },
    website: "https://www.moea.gov.tw",
  },
  {
    slug: "motc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "交通部", en: "Ministry of Transportation and Communications" },
    website: "https://www.motc.gov.tw",
  },
  {
    slug: "mol",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "勞動部", en: "Ministry of Labor" },
    website: "https://www.mol.gov.tw",
  },
  {
    slug: "moa",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "農業部", en: "Ministry of Agriculture" },
    website: "https://www.moa.gov.tw",
  },
  {
    slug: "mohw",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "衛生福利部", en: "Ministry of Health and Welfare" },
    abbreviation: { "zh-TW": "衛福部", en: "MOHW" },
    website: "https://www.mohw.gov.tw",
  },
  {
    slug: "moenv",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "環境部", en: "Ministry of Environment" },
    website: "https://www.moenv.gov.tw",
  },
  {
    slug: "moc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "文化部", en: "Ministry of Culture" },
    website: "https://www.moc.gov.tw",
  },
  {
    slug: "moda",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "數位發展部", en: "Ministry of Digital Affairs" },
    abbreviation: { "zh-TW": "數發部", en: "MODA" },
    website: "https://moda.gov.tw",
  },
  {
    // Established 9 September 2025 from the Sports Administration of the Ministry of Education.
    slug: "sports",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "運動部", en: "Ministry of Sports" },
    website: "https://www.sports.gov.tw",
  },

  // ── Level 2: councils (會) ───────────────────────────────────────────────────────────────────
  {
    slug: "ndc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國家發展委員會", en: "National Development Council" },
    abbreviation: { "zh-TW": "國發會", en: "NDC" },
    website: "https://www.ndc.gov.tw",
  },
  {
    slug: "nstc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國家科學及技術委員會", en: "National Science and Technology Council" },
    abbreviation: { "zh-TW": "國科會", en: "NSTC" },
    website: "https://www.nstc.gov.tw",
  },
  {
    slug: "mac",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "大陸委員會", en: "Mainland Affairs Council" },
    abbreviation: { "zh-TW": "陸委會", en: "MAC" },
    website: "https://www.mac.gov.tw",
  },
  {
    slug: "fsc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "金融監督管理委員會", en: "Financial Supervisory Commission" },
    abbreviation: { "zh-TW": "金管會", en: "FSC" },
    website: "https://www.fsc.gov.tw",
  },
  {
    slug: "oac",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "海洋委員會", en: "Ocean Affairs Council" },
    abbreviation: { "zh-TW": "海委會", en: "OAC" },
    website: "https://www.oac.gov.tw",
  },
  {
    slug: "ocac",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "僑務委員會", en: "Overseas Community Affairs Council" },
    abbreviation: { "zh-TW": "僑委會", en: "OCAC" },
    website: "https://www.ocac.gov.tw",
  },
  {
    slug: "vac",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國軍退除役官兵輔導委員會", en: "Veterans Affairs Council" },
    abbreviation: { "zh-TW": "退輔會", en: "VAC" },
    website: "https://www.vac.gov.tw",
  },
  {
    slug: "cip",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "原住民族委員會", en: "Council of Indigenous Peoples" },
    abbreviation: { "zh-TW": "原民會", en: "CIP" },
    website: "https://www.cip.gov.tw",
  },
  {
    slug: "hac",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "客家委員會", en: "Hakka Affairs Council" },
    abbreviation: { "zh-TW": "客委會", en: "HAC" },
    website: "https://www.hakka.gov.tw",
  },
  {
    slug: "pcc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "行政院公共工程委員會", en: "Public Construction Commission" },
    abbreviation: { "zh-TW": "工程會", en: "PCC" },
    website: "https://www.pcc.gov.tw",
  },

  // ── Level 2: central bank, museum, directorates-general ─────────────────────────────────────
  {
    slug: "cbc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "中央銀行", en: "Central Bank of the Republic of China (Taiwan)" },
    abbreviation: { "zh-TW": "央行", en: "CBC" },
    website: "https://www.cbc.gov.tw",
  },
  {
    slug: "npm",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國立故宮博物院", en: "National Palace Museum" },
    abbreviation: { "zh-TW": "故宮", en: "NPM" },
    website: "https://www.npm.gov.tw",
  },
  {
    slug: "dgbas",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "行政院主計總處", en: "Directorate-General of Budget, Accounting and Statistics" },
    abbreviation: { "zh-TW": "主計總處", en: "DGBAS" },
    website: "https://www.dgbas.gov.tw",
  },
  {
    slug: "dgpa",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "行政院人事行政總處", en: "Directorate-General of Personnel Administration" },
    abbreviation: { "zh-TW": "人事總處", en: "DGPA" },
    website: "https://www.dgpa.gov.tw",
  },

  // ── Level 2: independent agencies (獨立機關) ─────────────────────────────────────────────────
  {
    slug: "cec",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "中央選舉委員會", en: "Central Election Commission" },
    abbreviation: { "zh-TW": "中選會", en: "CEC" },
    website: "https://www.cec.gov.tw",
  },
  {
    slug: "ftc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "公平交易委員會", en: "Fair Trade Commission" },
    abbreviation: { "zh-TW": "公平會", en: "FTC" },
    website: "https://www.ftc.gov.tw",
  },
  {
    slug: "ncc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國家通訊傳播委員會", en: "National Communications Commission" },
    abbreviation: { "zh-TW": "通傳會", en: "NCC" },
    website: "https://www.ncc.gov.tw",
  },
  {
    // Formerly the Atomic Energy Council (原子能委員會), reorganised on 27 September 2023.
    slug: "nusc",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "核能安全委員會", en: "Nuclear Safety Commission" },
    abbreviation: { "zh-TW": "核安會", en: "NSC" },
  },
  {
    slug: "ttsb",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "國家運輸安全調查委員會", en: "Taiwan Transportation Safety Board" },
    abbreviation: { "zh-TW": "運安會", en: "TTSB" },
    website: "https://www.ttsb.gov.tw",
  },
  {
    slug: "cipas",
    kind: "agency",
    level: 2,
    parentSlug: "executive-yuan",
    name: { "zh-TW": "不當黨產處理委員會", en: "Ill-gotten Party Assets Settlement Committee" },
    abbreviation: { "zh-TW": "黨產會", en: "CIPAS" },
    website: "https://www.cipas.gov.tw",
  },

  // ── 內政部: third-level agencies ─────────────────────────────────────────────────────────────
  {
    slug: "moi-npa",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部警政署", en: "National Police Agency, MOI" },
    website: "https://www.npa.gov.tw",
  },
  {
    slug: "moi-nia",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部移民署", en: "National Immigration Agency, MOI" },
    website: "https://www.immigration.gov.tw",
  },
  {
    slug: "moi-nfa",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部消防署", en: "National Fire Agency, MOI" },
    website: "https://www.nfa.gov.tw",
  },
  {
    slug: "moi-nlma",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部國土管理署", en: "National Land Management Agency, MOI" },
  },
  {
    slug: "moi-nps",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部國家公園署", en: "National Park Service, MOI" },
  },
  {
    slug: "moi-nasc",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部空中勤務總隊", en: "National Airborne Service Corps, MOI" },
    website: "https://www.nasc.gov.tw",
  },
  {
    slug: "moi-abri",
    kind: "agency",
    level: 3,
    parentSlug: "moi",
    name: { "zh-TW": "內政部建築研究所", en: "Architecture and Building Research Institute, MOI" },
    website: "https://www.abri.gov.tw",
  },

  // ── 內政部: units ────────────────────────────────────────────────────────────────────────────
  {
    slug: "moi-dept-civil-affairs",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部民政司", en: "Department of Civil Affairs, MOI" },
  },
  {
    slug: "moi-dept-household-registration",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部戶政司", en: "Department of Household Registration Affairs, MOI" },
  },
  {
    slug: "moi-dept-land-administration",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部地政司", en: "Department of Land Administration, MOI" },
  },
  {
    slug: "moi-dept-cooperative-civil-associations",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部合作及人民團體司", en: "Department of Cooperative and Civil Associations, MOI" },
  },
  {
    slug: "moi-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部秘書處", en: "Secretariat, MOI" },
  },
  {
    slug: "moi-information-center",
    kind: "unit",
    level: 2,
    parentSlug: "moi",
    name: { "zh-TW": "內政部資訊中心", en: "Information Center, MOI" },
  },

  // ── 經濟部: third-level agencies ─────────────────────────────────────────────────────────────
  {
    slug: "moea-ea",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部能源署", en: "Energy Administration, MOEA" },
  },
  {
    slug: "moea-ida",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部產業發展署", en: "Industrial Development Administration, MOEA" },
    abbreviation: { "zh-TW": "產發署", en: "IDA" },
    website: "https://www.ida.gov.tw",
  },
  {
    slug: "moea-wra",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部水利署", en: "Water Resources Agency, MOEA" },
    website: "https://www.wra.gov.tw",
  },
  {
    slug: "moea-tipo",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部智慧財產局", en: "Taiwan Intellectual Property Office, MOEA" },
    abbreviation: { "zh-TW": "智慧局", en: "TIPO" },
    website: "https://www.tipo.gov.tw",
  },
  {
    slug: "moea-bsmi",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部標準檢驗局", en: "Bureau of Standards, Metrology and Inspection, MOEA" },
    abbreviation: { "zh-TW": "標檢局", en: "BSMI" },
    website: "https://www.bsmi.gov.tw",
  },
  {
    slug: "moea-smesa",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: {
      "zh-TW": "經濟部中小及新創企業署",
      en: "Small and Medium Enterprise and Startup Administration, MOEA",
    },
  },
  {
    slug: "moea-ita",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部國際貿易署", en: "International Trade Administration, MOEA" },
  },
  {
    slug: "moea-ac",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部商業發展署", en: "Administration of Commerce, MOEA" },
  },
  {
    slug: "moea-ipa",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部產業園區管理局", en: "Industrial Park Administration, MOEA" },
  },
  {
    slug: "moea-gsmma",
    kind: "agency",
    level: 3,
    parentSlug: "moea",
    name: {
      "zh-TW": "經濟部地質調查及礦業管理中心",
      en: "Geological Survey and Mining Management Agency, MOEA",
    },
  },

  // ── 經濟部: units ────────────────────────────────────────────────────────────────────────────
  {
    slug: "moea-dept-planning",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部綜合規劃司", en: "Department of Comprehensive Planning, MOEA" },
  },
  {
    slug: "moea-dept-industrial-technology",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部產業技術司", en: "Department of Industrial Technology, MOEA" },
  },
  {
    slug: "moea-dept-investment-promotion",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部投資促進司", en: "Department of Investment Promotion, MOEA" },
  },
  {
    slug: "moea-dept-investment-review",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部投資審議司", en: "Department of Investment Review, MOEA" },
  },
  {
    slug: "moea-dept-state-owned-enterprises",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部國營事業管理司", en: "Department of State-owned Enterprise Affairs, MOEA" },
  },
  {
    slug: "moea-dept-legal-affairs",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部經濟法制司", en: "Department of Economic Legal Affairs, MOEA" },
  },
  {
    slug: "moea-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "moea",
    name: { "zh-TW": "經濟部秘書處", en: "Secretariat, MOEA" },
  },

  // ── 交通部: third-level agencies ─────────────────────────────────────────────────────────────
  {
    slug: "motc-thb",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部公路局", en: "Highway Bureau, MOTC" },
    website: "https://www.thb.gov.tw",
  },
  {
    slug: "motc-freeway",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部高速公路局", en: "Freeway Bureau, MOTC" },
    website: "https://www.freeway.gov.tw",
  },
  {
    slug: "motc-caa",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部民用航空局", en: "Civil Aeronautics Administration, MOTC" },
    abbreviation: { "zh-TW": "民航局", en: "CAA" },
    website: "https://www.caa.gov.tw",
  },
  {
    slug: "motc-cwa",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部中央氣象署", en: "Central Weather Administration, MOTC" },
    abbreviation: { "zh-TW": "氣象署", en: "CWA" },
    website: "https://www.cwa.gov.tw",
  },
  {
    slug: "motc-tourism",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部觀光署", en: "Tourism Administration, MOTC" },
    website: "https://admin.taiwan.net.tw",
  },
  {
    slug: "motc-rb",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部鐵道局", en: "Railway Bureau, MOTC" },
    website: "https://www.rb.gov.tw",
  },
  {
    slug: "motc-mpb",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部航港局", en: "Maritime and Port Bureau, MOTC" },
    website: "https://www.motcmpb.gov.tw",
  },
  {
    slug: "motc-iot",
    kind: "agency",
    level: 3,
    parentSlug: "motc",
    name: { "zh-TW": "交通部運輸研究所", en: "Institute of Transportation, MOTC" },
    website: "https://www.iot.gov.tw",
  },

  // ── 交通部: units ────────────────────────────────────────────────────────────────────────────
  {
    slug: "motc-dept-planning",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: { "zh-TW": "交通部綜合規劃司", en: "Department of Comprehensive Planning, MOTC" },
  },
  {
    slug: "motc-dept-railways-highways-road-safety",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: { "zh-TW": "交通部路政及道安司", en: "Department of Railways, Highways and Road Safety, MOTC" },
  },
  {
    slug: "motc-dept-public-transport-regulation",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: {
      "zh-TW": "交通部公共運輸及監理司",
      en: "Department of Public Transportation and Regulation, MOTC",
    },
  },
  {
    slug: "motc-dept-navigation-aviation",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: { "zh-TW": "交通部航政司", en: "Department of Navigation and Aviation, MOTC" },
  },
  {
    slug: "motc-dept-technology-information",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: {
      "zh-TW": "交通部交通科技及資訊司",
      en: "Department of Transportation Technology and Information, MOTC",
    },
  },
  {
    slug: "motc-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "motc",
    name: { "zh-TW": "交通部秘書處", en: "Secretariat, MOTC" },
  },

  // ── 交通部中央氣象署: units (level 3) ─────────────────────────────────────────────────────────
  {
    slug: "motc-cwa-weather-forecast-center",
    kind: "unit",
    level: 3,
    parentSlug: "motc-cwa",
    name: { "zh-TW": "中央氣象署氣象預報中心", en: "Weather Forecast Center, CWA" },
  },
  {
    slug: "motc-cwa-seismological-center",
    kind: "unit",
    level: 3,
    parentSlug: "motc-cwa",
    name: { "zh-TW": "中央氣象署地震測報中心", en: "Seismological Center, CWA" },
  },

  // ── 衛生福利部: third-level agencies ─────────────────────────────────────────────────────────
  {
    slug: "mohw-cdc",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部疾病管制署", en: "Taiwan Centers for Disease Control" },
    abbreviation: { "zh-TW": "疾管署", en: "Taiwan CDC" },
    website: "https://www.cdc.gov.tw",
  },
  {
    slug: "mohw-fda",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部食品藥物管理署", en: "Taiwan Food and Drug Administration" },
    abbreviation: { "zh-TW": "食藥署", en: "TFDA" },
    website: "https://www.fda.gov.tw",
  },
  {
    slug: "mohw-nhia",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部中央健康保險署", en: "National Health Insurance Administration, MOHW" },
    abbreviation: { "zh-TW": "健保署", en: "NHIA" },
    website: "https://www.nhi.gov.tw",
  },
  {
    slug: "mohw-hpa",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部國民健康署", en: "Health Promotion Administration, MOHW" },
    abbreviation: { "zh-TW": "國健署", en: "HPA" },
    website: "https://www.hpa.gov.tw",
  },
  {
    slug: "mohw-sfaa",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部社會及家庭署", en: "Social and Family Affairs Administration, MOHW" },
    abbreviation: { "zh-TW": "社家署", en: "SFAA" },
    website: "https://www.sfaa.gov.tw",
  },
  {
    slug: "mohw-nricm",
    kind: "agency",
    level: 3,
    parentSlug: "mohw",
    name: {
      "zh-TW": "衛生福利部國家中醫藥研究所",
      en: "National Research Institute of Chinese Medicine, MOHW",
    },
  },

  // ── 衛生福利部: units ────────────────────────────────────────────────────────────────────────
  {
    slug: "mohw-dept-planning",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部綜合規劃司", en: "Department of Planning, MOHW" },
  },
  {
    slug: "mohw-dept-social-assistance-social-work",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: {
      "zh-TW": "衛生福利部社會救助及社工司",
      en: "Department of Social Assistance and Social Work, MOHW",
    },
  },
  {
    slug: "mohw-dept-protective-services",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部保護服務司", en: "Department of Protective Services, MOHW" },
  },
  {
    slug: "mohw-dept-long-term-care",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部長期照顧司", en: "Department of Long-Term Care, MOHW" },
  },
  {
    slug: "mohw-dept-mental-health",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部心理健康司", en: "Department of Mental Health, MOHW" },
  },
  {
    slug: "mohw-dept-information-management",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部資訊處", en: "Department of Information Management, MOHW" },
  },
  {
    slug: "mohw-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "mohw",
    name: { "zh-TW": "衛生福利部秘書處", en: "Secretariat, MOHW" },
  },

  // ── 衛生福利部疾病管制署: units (level 3) ─────────────────────────────────────────────────────
  {
    slug: "mohw-cdc-epidemic-intelligence-center",
    kind: "unit",
    level: 3,
    parentSlug: "mohw-cdc",
    name: { "zh-TW": "疾病管制署疫情中心", en: "Epidemic Intelligence Center, Taiwan CDC" },
  },
  {
    slug: "mohw-cdc-research-diagnostics-vaccine",
    kind: "unit",
    level: 3,
    parentSlug: "mohw-cdc",
    name: {
      "zh-TW": "疾病管制署檢驗及疫苗研製中心",
      en: "Centers for Research, Diagnostics and Vaccine Development, Taiwan CDC",
    },
  },
  {
    slug: "mohw-cdc-acute-infectious-diseases",
    kind: "unit",
    level: 3,
    parentSlug: "mohw-cdc",
    name: { "zh-TW": "疾病管制署急性傳染病組", en: "Division of Acute Infectious Diseases, Taiwan CDC" },
  },

  // ── 農業部: third-level agencies ─────────────────────────────────────────────────────────────
  {
    slug: "moa-afa",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部農糧署", en: "Agriculture and Food Agency, MOA" },
    abbreviation: { "zh-TW": "農糧署", en: "AFA" },
    website: "https://www.afa.gov.tw",
  },
  {
    slug: "moa-fa",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部漁業署", en: "Fisheries Agency, MOA" },
    website: "https://www.fa.gov.tw",
  },
  {
    slug: "moa-aphia",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部動植物防疫檢疫署", en: "Animal and Plant Health Inspection Agency, MOA" },
    abbreviation: { "zh-TW": "防檢署", en: "APHIA" },
  },
  {
    slug: "moa-fanca",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部林業及自然保育署", en: "Forestry and Nature Conservation Agency, MOA" },
  },
  {
    slug: "moa-ia",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部農田水利署", en: "Irrigation Agency, MOA" },
  },
  {
    slug: "moa-ardswc",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: {
      "zh-TW": "農業部農村發展及水土保持署",
      en: "Agency of Rural Development and Soil and Water Conservation, MOA",
    },
  },
  {
    slug: "moa-afinance",
    kind: "agency",
    level: 3,
    parentSlug: "moa",
    name: { "zh-TW": "農業部農業金融署", en: "Agricultural Finance Agency, MOA" },
  },

  // ── 農業部: units ────────────────────────────────────────────────────────────────────────────
  {
    slug: "moa-dept-planning",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部綜合規劃司", en: "Department of Planning, MOA" },
  },
  {
    slug: "moa-dept-resources-sustainability",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部資源永續利用司", en: "Department of Resources Sustainability, MOA" },
  },
  {
    slug: "moa-dept-farmers-guidance",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部農民輔導司", en: "Department of Farmers' Guidance, MOA" },
  },
  {
    slug: "moa-dept-animal-industry",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部畜牧司", en: "Department of Animal Industry, MOA" },
  },
  {
    slug: "moa-dept-animal-welfare",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部動物保護司", en: "Department of Animal Welfare, MOA" },
  },
  {
    slug: "moa-dept-information-technology",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部資訊司", en: "Department of Information Technology, MOA" },
  },
  {
    slug: "moa-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "moa",
    name: { "zh-TW": "農業部秘書處", en: "Secretariat, MOA" },
  },

  // ── 環境部: third-level agencies ─────────────────────────────────────────────────────────────
  {
    slug: "moenv-cca",
    kind: "agency",
    level: 3,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部氣候變遷署", en: "Climate Change Administration, MOENV" },
  },
  {
    slug: "moenv-rca",
    kind: "agency",
    level: 3,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部資源循環署", en: "Resource Circulation Administration, MOENV" },
  },
  {
    slug: "moenv-cha",
    kind: "agency",
    level: 3,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部化學物質管理署", en: "Chemicals Administration, MOENV" },
  },
  {
    slug: "moenv-ema",
    kind: "agency",
    level: 3,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部環境管理署", en: "Environmental Management Administration, MOENV" },
  },
  {
    slug: "moenv-nera",
    kind: "agency",
    level: 3,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部國家環境研究院", en: "National Environmental Research Academy, MOENV" },
  },

  // ── 環境部: units ────────────────────────────────────────────────────────────────────────────
  {
    slug: "moenv-dept-comprehensive-planning",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部綜合規劃司", en: "Department of Comprehensive Planning, MOENV" },
  },
  {
    slug: "moenv-dept-environmental-protection",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部環境保護司", en: "Department of Environmental Protection, MOENV" },
  },
  {
    slug: "moenv-dept-atmospheric-environment",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部大氣環境司", en: "Department of Atmospheric Environment, MOENV" },
  },
  {
    slug: "moenv-dept-water-quality-protection",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部水質保護司", en: "Department of Water Quality Protection, MOENV" },
  },
  {
    // Formerly 監測資訊司 (Department of Monitoring and Information); renamed in October 2025.
    slug: "moenv-dept-technology-information",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: {
      "zh-TW": "環境部環境科技資訊司",
      en: "Department of Environmental Technology and Information, MOENV",
    },
  },
  {
    slug: "moenv-secretariat",
    kind: "unit",
    level: 2,
    parentSlug: "moenv",
    name: { "zh-TW": "環境部秘書處", en: "Secretariat, MOENV" },
  },

  // ── 數位發展部: third-level agencies and units ──────────────────────────────────────────────
  {
    slug: "moda-adi",
    kind: "agency",
    level: 3,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部數位產業署", en: "Administration for Digital Industries, MODA" },
    abbreviation: { "zh-TW": "數產署", en: "ADI" },
  },
  {
    slug: "moda-acs",
    kind: "agency",
    level: 3,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部資通安全署", en: "Administration for Cyber Security, MODA" },
    abbreviation: { "zh-TW": "資安署", en: "ACS" },
  },
  {
    slug: "moda-dept-digital-strategy",
    kind: "unit",
    level: 2,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部數位策略司", en: "Department of Digital Strategy, MODA" },
  },
  {
    slug: "moda-dept-democracy-network",
    kind: "unit",
    level: 2,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部民主網絡司", en: "Department of Democracy Network, MODA" },
  },
  {
    slug: "moda-dept-plural-innovation",
    kind: "unit",
    level: 2,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部多元創新司", en: "Department of Plural Innovation, MODA" },
  },
  {
    slug: "moda-dept-information-management",
    kind: "unit",
    level: 2,
    parentSlug: "moda",
    name: { "zh-TW": "數位發展部資訊處", en: "Department of Information Management, MODA" },
  },

  // ── 國家發展委員會: units ─────────────────────────────────────────────────────────────────────
  {
    slug: "ndc-dept-overall-planning",
    kind: "unit",
    level: 2,
    parentSlug: "ndc",
    name: { "zh-TW": "國家發展委員會綜合規劃處", en: "Department of Overall Planning, NDC" },
  },
  {
    slug: "ndc-dept-social-development",
    kind: "unit",
    level: 2,
    parentSlug: "ndc",
    name: { "zh-TW": "國家發展委員會社會發展處", en: "Department of Social Development, NDC" },
  },
  {
    slug: "ndc-dept-supervision-evaluation",
    kind: "unit",
    level: 2,
    parentSlug: "ndc",
    name: { "zh-TW": "國家發展委員會管制考核處", en: "Department of Supervision and Evaluation, NDC" },
  },
  {
    slug: "ndc-dept-information-management",
    kind: "unit",
    level: 2,
    parentSlug: "ndc",
    name: { "zh-TW": "國家發展委員會資訊管理處", en: "Department of Information Management, NDC" },
  },
];

// Titles shared by several demo people.
const T_LEAD = { "zh-TW": "專門委員", en: "Senior Specialist" };
const T_CHIEF = { "zh-TW": "科長", en: "Section Chief" };
const T_SPECIALIST = { "zh-TW": "專員", en: "Specialist" };
const T_OFFICER = { "zh-TW": "科員", en: "Officer" };
const T_ADMIN_DEPUTY = { "zh-TW": "常務次長", en: "Administrative Deputy Minister" };
const T_DEPUTY_CIO = { "zh-TW": "常務次長兼資訊長", en: "Administrative Deputy Minister and CIO" };

export const seedPeople: SeedPerson[] = [
  // 內政部
  {
    key: "po-moi-lead",
    name: "示範王小明",
    nameEn: "Demo Wang Hsiao-ming",
    email: "po-moi-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-moi-press",
    name: "示範林美華",
    nameEn: "Demo Lin Mei-hua",
    email: "po-moi-press@example.org",
    title: T_CHIEF,
  },
  {
    key: "po-moi-it",
    name: "示範陳志明",
    nameEn: "Demo Chen Chih-ming",
    email: "po-moi-it@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-moi",
    name: "示範張淑芬",
    nameEn: "Demo Chang Shu-fen",
    email: "sup-moi@example.org",
    title: T_ADMIN_DEPUTY,
  },
  {
    key: "staff-moi-civil-affairs",
    name: "示範李建宏",
    nameEn: "Demo Li Chien-hung",
    email: "staff-moi-civil-affairs@example.org",
    title: T_OFFICER,
  },
  {
    key: "staff-moi-information",
    name: "示範黃雅婷",
    nameEn: "Demo Huang Ya-ting",
    email: "staff-moi-information@example.org",
    title: T_SPECIALIST,
  },

  // 經濟部
  {
    key: "po-moea-lead",
    name: "示範吳家豪",
    nameEn: "Demo Wu Chia-hao",
    email: "po-moea-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-moea-planning",
    name: "示範劉怡君",
    nameEn: "Demo Liu Yi-chun",
    email: "po-moea-planning@example.org",
    title: T_CHIEF,
  },
  {
    key: "po-moea-liaison",
    name: "示範蔡宗翰",
    nameEn: "Demo Tsai Tsung-han",
    email: "po-moea-liaison@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-moea",
    name: "示範楊佩珊",
    nameEn: "Demo Yang Pei-shan",
    email: "sup-moea@example.org",
    title: T_ADMIN_DEPUTY,
  },
  {
    key: "staff-moea-technology",
    name: "示範許文彬",
    nameEn: "Demo Hsu Wen-pin",
    email: "staff-moea-technology@example.org",
    title: T_OFFICER,
  },

  // 交通部
  {
    key: "po-motc-lead",
    name: "示範鄭惠如",
    nameEn: "Demo Cheng Hui-ju",
    email: "po-motc-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-motc-press",
    name: "示範謝冠廷",
    nameEn: "Demo Hsieh Kuan-ting",
    email: "po-motc-press@example.org",
    title: T_CHIEF,
  },
  {
    key: "sup-motc",
    name: "示範郭欣怡",
    nameEn: "Demo Kuo Hsin-yi",
    email: "sup-motc@example.org",
    title: T_DEPUTY_CIO,
  },
  {
    key: "staff-motc-information",
    name: "示範洪俊傑",
    nameEn: "Demo Hung Chun-chieh",
    email: "staff-motc-information@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "staff-cwa-forecast",
    name: "示範曾靜宜",
    nameEn: "Demo Tseng Ching-yi",
    email: "staff-cwa-forecast@example.org",
    title: T_OFFICER,
  },

  // 衛生福利部
  {
    key: "po-mohw-lead",
    name: "示範邱國華",
    nameEn: "Demo Chiu Kuo-hua",
    email: "po-mohw-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-mohw-it",
    name: "示範廖淑惠",
    nameEn: "Demo Liao Shu-hui",
    email: "po-mohw-it@example.org",
    title: T_CHIEF,
  },
  {
    key: "po-mohw-evaluation",
    name: "示範賴承恩",
    nameEn: "Demo Lai Cheng-en",
    email: "po-mohw-evaluation@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-mohw",
    name: "示範周玉玲",
    nameEn: "Demo Chou Yu-ling",
    email: "sup-mohw@example.org",
    title: T_ADMIN_DEPUTY,
  },
  {
    key: "staff-mohw-planning",
    name: "示範葉振宇",
    nameEn: "Demo Yeh Chen-yu",
    email: "staff-mohw-planning@example.org",
    title: T_OFFICER,
  },
  {
    key: "staff-cdc-epidemic-intelligence",
    name: "示範蘇美玲",
    nameEn: "Demo Su Mei-ling",
    email: "staff-cdc-epidemic-intelligence@example.org",
    title: T_SPECIALIST,
  },

  // 農業部
  {
    key: "po-moa-lead",
    name: "示範莊明哲",
    nameEn: "Demo Chuang Ming-che",
    email: "po-moa-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-moa-planning",
    name: "示範呂佳蓉",
    nameEn: "Demo Lu Chia-jung",
    email: "po-moa-planning@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-moa",
    name: "示範江柏翰",
    nameEn: "Demo Chiang Po-han",
    email: "sup-moa@example.org",
    title: T_DEPUTY_CIO,
  },
  {
    key: "staff-moa-information",
    name: "示範何雅雯",
    nameEn: "Demo Ho Ya-wen",
    email: "staff-moa-information@example.org",
    title: T_OFFICER,
  },

  // 環境部
  {
    key: "po-moenv-lead",
    name: "示範羅志豪",
    nameEn: "Demo Lo Chih-hao",
    email: "po-moenv-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-moenv-press",
    name: "示範高淑娟",
    nameEn: "Demo Kao Shu-chuan",
    email: "po-moenv-press@example.org",
    title: T_CHIEF,
  },
  {
    key: "po-moenv-team",
    name: "示範簡宏文",
    nameEn: "Demo Chien Hung-wen",
    email: "po-moenv-team@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-moenv",
    name: "示範彭心怡",
    nameEn: "Demo Peng Hsin-yi",
    email: "sup-moenv@example.org",
    title: T_ADMIN_DEPUTY,
  },
  {
    key: "staff-moenv-planning",
    name: "示範游家銘",
    nameEn: "Demo Yu Chia-ming",
    email: "staff-moenv-planning@example.org",
    title: T_OFFICER,
  },

  // 國家發展委員會
  {
    key: "po-ndc-lead",
    name: "示範詹雅惠",
    nameEn: "Demo Chan Ya-hui",
    email: "po-ndc-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-ndc-evaluation",
    name: "示範潘建志",
    nameEn: "Demo Pan Chien-chih",
    email: "po-ndc-evaluation@example.org",
    title: T_CHIEF,
  },
  {
    key: "sup-ndc",
    name: "示範范佩君",
    nameEn: "Demo Fan Pei-chun",
    email: "sup-ndc@example.org",
    title: { "zh-TW": "副主任委員", en: "Deputy Minister" },
  },
  {
    key: "staff-ndc-information",
    name: "示範沈俊宏",
    nameEn: "Demo Shen Chun-hung",
    email: "staff-ndc-information@example.org",
    title: T_SPECIALIST,
  },

  // 數位發展部
  {
    key: "po-moda-lead",
    name: "示範石美君",
    nameEn: "Demo Shih Mei-chun",
    email: "po-moda-lead@example.org",
    title: T_LEAD,
  },
  {
    key: "po-moda-it",
    name: "示範方志偉",
    nameEn: "Demo Fang Chih-wei",
    email: "po-moda-it@example.org",
    title: T_SPECIALIST,
  },
  {
    key: "sup-moda",
    name: "示範田秀英",
    nameEn: "Demo Tien Hsiu-ying",
    email: "sup-moda@example.org",
    title: T_DEPUTY_CIO,
  },
  {
    key: "staff-moda-democracy-network",
    name: "示範孫家瑜",
    nameEn: "Demo Sun Chia-yu",
    email: "staff-moda-democracy-network@example.org",
    title: T_OFFICER,
  },

  // PDIS
  {
    key: "pdis-project-manager",
    name: "示範宋志強",
    nameEn: "Demo Sung Chih-chiang",
    email: "pdis-project-manager@example.org",
    title: { "zh-TW": "專案經理", en: "Project Manager" },
  },
  {
    key: "pdis-designer",
    name: "示範朱怡萱",
    nameEn: "Demo Chu Yi-hsuan",
    email: "pdis-designer@example.org",
    title: { "zh-TW": "服務設計師", en: "Service Designer" },
  },
  {
    key: "pdis-engineer",
    name: "示範馬雅筑",
    nameEn: "Demo Ma Ya-chu",
    email: "pdis-engineer@example.org",
    title: { "zh-TW": "工程師", en: "Engineer" },
  },
];

export const seedMemberships: SeedMembership[] = [
  // 內政部
  { personKey: "po-moi-lead", orgSlug: "moi", role: "po", tags: ["lead-po"] },
  { personKey: "po-moi-press", orgSlug: "moi", role: "po", tags: ["team-po", "press"] },
  { personKey: "po-moi-it", orgSlug: "moi", role: "po", tags: ["team-po", "it"] },
  { personKey: "sup-moi", orgSlug: "moi", role: "supervisor" },
  { personKey: "staff-moi-civil-affairs", orgSlug: "moi-dept-civil-affairs", role: "unit-staff" },
  { personKey: "staff-moi-information", orgSlug: "moi-information-center", role: "unit-staff" },

  // 經濟部
  { personKey: "po-moea-lead", orgSlug: "moea", role: "po", tags: ["lead-po"] },
  { personKey: "po-moea-planning", orgSlug: "moea", role: "po", tags: ["team-po", "planning"] },
  { personKey: "po-moea-liaison", orgSlug: "moea", role: "po", tags: ["team-po", "legislative-liaison"] },
  { personKey: "sup-moea", orgSlug: "moea", role: "supervisor" },
  { personKey: "staff-moea-technology", orgSlug: "moea-dept-industrial-technology", role: "unit-staff" },

  // 交通部
  { personKey: "po-motc-lead", orgSlug: "motc", role: "po", tags: ["lead-po"] },
  { personKey: "po-motc-press", orgSlug: "motc", role: "po", tags: ["team-po", "press"] },
  { personKey: "sup-motc", orgSlug: "motc", role: "supervisor" },
  { personKey: "staff-motc-information", orgSlug: "motc-dept-technology-information", role: "unit-staff" },
  { personKey: "staff-cwa-forecast", orgSlug: "motc-cwa-weather-forecast-center", role: "unit-staff" },

  // 衛生福利部
  { personKey: "po-mohw-lead", orgSlug: "mohw", role: "po", tags: ["lead-po"] },
  { personKey: "po-mohw-it", orgSlug: "mohw", role: "po", tags: ["team-po", "it"] },
  { personKey: "po-mohw-evaluation", orgSlug: "mohw", role: "po", tags: ["team-po", "evaluation"] },
  { personKey: "sup-mohw", orgSlug: "mohw", role: "supervisor" },
  { personKey: "staff-mohw-planning", orgSlug: "mohw-dept-planning", role: "unit-staff" },
  {
    personKey: "staff-cdc-epidemic-intelligence",
    orgSlug: "mohw-cdc-epidemic-intelligence-center",
    role: "unit-staff",
  },

  // 農業部
  { personKey: "po-moa-lead", orgSlug: "moa", role: "po", tags: ["lead-po"] },
  { personKey: "po-moa-planning", orgSlug: "moa", role: "po", tags: ["team-po", "planning"] },
  { personKey: "sup-moa", orgSlug: "moa", role: "supervisor" },
  { personKey: "staff-moa-information", orgSlug: "moa-dept-information-technology", role: "unit-staff" },

  // 環境部
  { personKey: "po-moenv-lead", orgSlug: "moenv", role: "po", tags: ["lead-po"] },
  { personKey: "po-moenv-press", orgSlug: "moenv", role: "po", tags: ["team-po", "press"] },
  { personKey: "po-moenv-team", orgSlug: "moenv", role: "po", tags: ["team-po"] },
  { personKey: "sup-moenv", orgSlug: "moenv", role: "supervisor" },
  { personKey: "staff-moenv-planning", orgSlug: "moenv-dept-comprehensive-planning", role: "unit-staff" },

  // 國家發展委員會
  { personKey: "po-ndc-lead", orgSlug: "ndc", role: "po", tags: ["lead-po"] },
  { personKey: "po-ndc-evaluation", orgSlug: "ndc", role: "po", tags: ["team-po", "evaluation"] },
  { personKey: "sup-ndc", orgSlug: "ndc", role: "supervisor" },
  { personKey: "staff-ndc-information", orgSlug: "ndc-dept-information-management", role: "unit-staff" },

  // 數位發展部
  { personKey: "po-moda-lead", orgSlug: "moda", role: "po", tags: ["lead-po"] },
  { personKey: "po-moda-it", orgSlug: "moda", role: "po", tags: ["team-po", "it"] },
  { personKey: "sup-moda", orgSlug: "moda", role: "supervisor" },
  { personKey: "staff-moda-democracy-network", orgSlug: "moda-dept-democracy-network", role: "unit-staff" },

  // PDIS
  { personKey: "pdis-project-manager", orgSlug: "pdis", role: "pdis" },
  { personKey: "pdis-designer", orgSlug: "pdis", role: "pdis" },
  { personKey: "pdis-engineer", orgSlug: "pdis", role: "pdis" },
];

export const seedResources: SeedResource[] = [
  // ── Internal resources (demo entries attached to real agencies) ─────────────────────────────
  {
    slug: "moi-planning",
    kind: "internal",
    category: "planning",
    orgSlug: "moi",
    name: { "zh-TW": "內政部綜合規劃窗口（示範）", en: "MOI planning desk (demo)" },
    description: {
      "zh-TW": "協助協作會議議題盤點、跨司處分工與年度施政計畫對接。",
      en: "Helps scope collaborative meetings, split work across departments and link to the annual plan.",
    },
    contactEmail: "moi-planning@example.org",
  },
  {
    slug: "moi-it",
    kind: "internal",
    category: "it",
    orgSlug: "moi",
    name: { "zh-TW": "內政部資訊支援窗口（示範）", en: "MOI IT support desk (demo)" },
    description: {
      "zh-TW": "提供線上會議平臺、表單與資料開放格式的技術諮詢。",
      en: "Advises on online meeting platforms, forms and open-data formats.",
    },
    contactEmail: "moi-it@example.org",
  },
  {
    slug: "moi-press",
    kind: "internal",
    category: "press",
    orgSlug: "moi",
    name: { "zh-TW": "內政部新聞聯繫窗口（示範）", en: "MOI press liaison desk (demo)" },
    description: {
      "zh-TW": "協助撰寫新聞稿、即時新聞澄清與社群媒體發布排程。",
      en: "Helps draft press releases, clarifications and social media schedules.",
    },
    contactEmail: "moi-press@example.org",
  },
  {
    slug: "moi-legislative-liaison",
    kind: "internal",
    category: "legislative-liaison",
    orgSlug: "moi",
    name: { "zh-TW": "內政部國會聯絡窗口（示範）", en: "MOI legislative liaison desk (demo)" },
    description: {
      "zh-TW": "掌握立法院議程與委員關切事項，協助安排法案說明。",
      en: "Follows the Legislative Yuan agenda and legislators' concerns; arranges bill briefings.",
    },
    contactEmail: "moi-legislative-liaison@example.org",
  },
  {
    slug: "moea-planning",
    kind: "internal",
    category: "planning",
    orgSlug: "moea",
    name: { "zh-TW": "經濟部綜合規劃窗口（示範）", en: "MOEA planning desk (demo)" },
    description: {
      "zh-TW": "協助政策溝通規劃、利害關係人盤點與意見回應彙整。",
      en: "Helps plan policy communication, map stakeholders and compile responses to input.",
    },
    contactEmail: "moea-planning@example.org",
  },
  {
    slug: "moea-legislative-liaison",
    kind: "internal",
    category: "legislative-liaison",
    orgSlug: "moea",
    name: { "zh-TW": "經濟部國會聯絡窗口（示範）", en: "MOEA legislative liaison desk (demo)" },
    description: {
      "zh-TW": "協調法案說明會與委員辦公室詢問之回應。",
      en: "Coordinates bill briefings and replies to legislators' offices.",
    },
    contactEmail: "moea-legislative-liaison@example.org",
  },
  {
    slug: "mohw-it",
    kind: "internal",
    category: "it",
    orgSlug: "mohw",
    name: { "zh-TW": "衛福部資訊支援窗口（示範）", en: "MOHW IT support desk (demo)" },
    description: {
      "zh-TW": "協助線上徵詢工具的資安檢核與無障礙檢測。",
      en: "Helps with security review and accessibility testing of online consultation tools.",
    },
    contactEmail: "mohw-it@example.org",
  },
  {
    slug: "mohw-press",
    kind: "internal",
    category: "press",
    orgSlug: "mohw",
    name: { "zh-TW": "衛福部新聞聯繫窗口（示範）", en: "MOHW press liaison desk (demo)" },
    description: {
      "zh-TW": "協助衛生福利議題的新聞發布與媒體詢問回應。",
      en: "Helps with press releases and media enquiries on health and welfare topics.",
    },
    contactEmail: "mohw-press@example.org",
  },
  {
    slug: "ndc-planning",
    kind: "internal",
    category: "planning",
    orgSlug: "ndc",
    name: { "zh-TW": "國發會政策規劃諮詢窗口（示範）", en: "NDC policy planning advice desk (demo)" },
    description: {
      "zh-TW": "提供跨部會議題協調、公共政策網路參與平臺提點子與眾開講的諮詢。",
      en: "Advises on cross-agency coordination and on the Join platform's proposals and consultations.",
    },
    contactEmail: "ndc-planning@example.org",
  },
  {
    slug: "ndc-it",
    kind: "internal",
    category: "it",
    orgSlug: "ndc",
    name: { "zh-TW": "國發會資訊支援窗口（示範）", en: "NDC IT support desk (demo)" },
    description: {
      "zh-TW": "協助政府資料開放與線上參與工具的技術問題。",
      en: "Helps with technical questions on open government data and online participation tools.",
    },
    contactEmail: "ndc-it@example.org",
  },
  {
    slug: "moda-it",
    kind: "internal",
    category: "it",
    orgSlug: "moda",
    name: { "zh-TW": "數發部數位服務諮詢窗口（示範）", en: "MODA digital service advice desk (demo)" },
    description: {
      "zh-TW": "提供數位服務設計、表單簡化與開源工具導入的諮詢。",
      en: "Advises on digital service design, form simplification and adopting open-source tools.",
    },
    contactEmail: "moda-it@example.org",
  },
  {
    slug: "moda-press",
    kind: "internal",
    category: "press",
    orgSlug: "moda",
    name: { "zh-TW": "數發部新聞聯繫窗口（示範）", en: "MODA press liaison desk (demo)" },
    description: {
      "zh-TW": "協助協作會議成果的對外說明與社群溝通。",
      en: "Helps explain the outcomes of collaborative meetings to the public and online communities.",
    },
    contactEmail: "moda-press@example.org",
  },

  // ── Outside pools (fictional organisations) ────────────────────────────────────────────────
  {
    slug: "pool-demo-stenography-coop",
    kind: "pool",
    category: "stenographer",
    orgSlug: null,
    name: { "zh-TW": "示範速記社", en: "Demo Stenography Co-op" },
    description: {
      "zh-TW": "提供會議逐字紀錄，會後三個工作天內交付初稿，可配合公開發布的格式。",
      en: "Verbatim meeting transcripts; first draft within three working days, ready to publish.",
    },
    contactEmail: "pool-stenography@example.org",
  },
  {
    slug: "pool-demo-realtime-captioning",
    kind: "pool",
    category: "stenographer",
    orgSlug: null,
    name: { "zh-TW": "示範即時聽打工作室", en: "Demo Real-time Captioning Studio" },
    description: {
      "zh-TW": "提供會議現場與線上直播的即時聽打字幕。",
      en: "Real-time captions for meetings on site and for livestreams.",
    },
    contactEmail: "pool-captioning@example.org",
  },
  {
    slug: "pool-demo-facilitators",
    kind: "pool",
    category: "facilitator",
    orgSlug: null,
    name: { "zh-TW": "示範引導師協會", en: "Demo Facilitators' Guild" },
    description: {
      "zh-TW": "提供協作會議、工作坊與審議討論的專業引導與會前設計。",
      en: "Facilitation and session design for collaborative meetings, workshops and deliberation.",
    },
    contactEmail: "pool-facilitators@example.org",
  },
  {
    slug: "pool-demo-plain-language",
    kind: "pool",
    category: "plain-language",
    orgSlug: null,
    name: { "zh-TW": "示範易讀文字工作室", en: "Demo Plain Language Studio" },
    description: {
      "zh-TW": "將政策說明、會議資料改寫為白話與易讀版本，並提供雙語校閱。",
      en: "Rewrites policy explainers and meeting papers in plain, easy-read language; bilingual review.",
    },
    contactEmail: "pool-plain-language@example.org",
  },
  {
    slug: "pool-demo-livestream",
    kind: "pool",
    category: "livestream",
    orgSlug: null,
    name: { "zh-TW": "示範直播技術團隊", en: "Demo Livestream Crew" },
    description: {
      "zh-TW": "提供會議直播、錄影與影音檔案公開發布的技術支援。",
      en: "Technical support for livestreaming, recording and publishing meeting video.",
    },
    contactEmail: "pool-livestream@example.org",
  },
  {
    slug: "pool-demo-civil-society-experts",
    kind: "pool",
    category: "civil-society-expert",
    orgSlug: null,
    name: { "zh-TW": "示範公民社會專家名冊", en: "Demo Civil Society Expert Roster" },
    description: {
      "zh-TW": "彙整關注開放政府、數位人權與社會福利等議題的公民團體聯絡人，供邀請與會。",
      en: "Contacts in civil society groups working on open government, digital rights and social welfare.",
    },
    contactEmail: "pool-civil-society@example.org",
  },
];
