// ISO 3166-1 alpha-2 → alpha-3 (plus XK/XKX for Kosovo, as ICAO uses it), packed to stay one screen long.
const TABLE =
  'AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM AT:AUT AU:AUS AW:ABW ' +
  'AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR BH:BHR BI:BDI BJ:BEN BL:BLM BM:BMU BN:BRN ' +
  'BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN BV:BVT BW:BWA BY:BLR BZ:BLZ CA:CAN CC:CCK CD:COD CF:CAF CG:COG ' +
  'CH:CHE CI:CIV CK:COK CL:CHL CM:CMR CN:CHN CO:COL CR:CRI CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP CZ:CZE ' +
  'DE:DEU DJ:DJI DK:DNK DM:DMA DO:DOM DZ:DZA EC:ECU EE:EST EG:EGY EH:ESH ER:ERI ES:ESP ET:ETH FI:FIN ' +
  'FJ:FJI FK:FLK FM:FSM FO:FRO FR:FRA GA:GAB GB:GBR GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL ' +
  'GM:GMB GN:GIN GP:GLP GQ:GNQ GR:GRC GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD HN:HND HR:HRV ' +
  'HT:HTI HU:HUN ID:IDN IE:IRL IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN IS:ISL IT:ITA JE:JEY JM:JAM ' +
  'JO:JOR JP:JPN KE:KEN KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA KP:PRK KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO ' +
  'LB:LBN LC:LCA LI:LIE LK:LKA LR:LBR LS:LSO LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE ' +
  'MF:MAF MG:MDG MH:MHL MK:MKD ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS ' +
  'MV:MDV MW:MWI MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC NL:NLD NO:NOR NP:NPL ' +
  'NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG PH:PHL PK:PAK PL:POL PM:SPM PN:PCN PR:PRI ' +
  'PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT RE:REU RO:ROU RS:SRB RU:RUS RW:RWA SA:SAU SB:SLB SC:SYC SD:SDN ' +
  'SE:SWE SG:SGP SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR SN:SEN SO:SOM SR:SUR SS:SSD ST:STP SV:SLV ' +
  'SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF TG:TGO TH:THA TJ:TJK TK:TKL TL:TLS TM:TKM TN:TUN TO:TON ' +
  'TR:TUR TT:TTO TV:TUV TW:TWN TZ:TZA UA:UKR UG:UGA UM:UMI US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN ' +
  'VG:VGB VI:VIR VN:VNM VU:VUT WF:WLF WS:WSM XK:XKX YE:YEM YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE';

const TO_ISO3 = new Map<string, string>();
const TO_ISO2 = new Map<string, string>();
for (const pair of TABLE.split(' ')) {
  const [alpha2, alpha3] = pair.split(':');
  if (alpha2 && alpha3) {
    TO_ISO3.set(alpha2, alpha3);
    TO_ISO2.set(alpha3, alpha2);
  }
}
// Machine-readable documents write Germany as "D" and ICAO has a few codes of its own.
TO_ISO2.set('D', 'DE');
TO_ISO2.set('D<<', 'DE');
TO_ISO2.set('RKS', 'XK');

/** The alpha-3 code for an alpha-2 one (any case); null when unknown. */
export function iso3Of(alpha2: string): string | null {
  return TO_ISO3.get(alpha2.trim().toUpperCase()) ?? null;
}

/** The alpha-2 code for an alpha-3 (or ICAO) one (any case); null when unknown. */
export function iso2Of(alpha3: string): string | null {
  return TO_ISO2.get(alpha3.trim().toUpperCase()) ?? null;
}

/** Codes in the table that ISO 3166-1 reserves for users rather than assigns (Kosovo's XK, as ICAO uses it). */
const USER_ASSIGNED = new Set(['XK']);

/**
 * Whether an alpha-2 code (exact, upper case) is officially assigned by ISO 3166-1: what a registration's
 * country may be. Documents may still carry the user-assigned codes above.
 */
export function isAssignedIso2(alpha2: string): boolean {
  return TO_ISO3.has(alpha2) && !USER_ASSIGNED.has(alpha2);
}

/** The officially assigned alpha-2 codes, in table order. */
export function assignedIso2Codes(): string[] {
  return [...TO_ISO3.keys()].filter((code) => !USER_ASSIGNED.has(code));
}

/** Whether an alpha-2 code is in the table. */
export function isKnownIso2(alpha2: string): boolean {
  return TO_ISO3.has(alpha2.trim().toUpperCase());
}
