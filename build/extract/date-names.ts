// The names dates are written with: months in the languages of common news feeds (English,
// German, French, Spanish, Portuguese, Italian, Dutch), and the time zone abbreviations feeds
// put after an RFC 822 time.

/**
 * How each month's names begin, in lower case without accents: "Set" (Portuguese, Italian),
 * "Okt." (German, Dutch) and "août" (French) all find their month. No stem is the start of
 * another month's name ("juin" is June, "juil" July).
 */
const MONTH_STEMS: readonly (readonly string[])[] = [
  ["jan", "ene", "gen"],
  ["feb", "fev"],
  ["mar", "maa", "mrz", "mrt"],
  ["apr", "abr", "avr"],
  ["may", "mai", "mei", "mag"],
  ["jun", "juin", "giu"],
  ["jul", "juil", "lug"],
  ["aug", "ago", "aou"],
  ["sep", "set"],
  ["oct", "okt", "out", "ott"],
  ["nov"],
  ["dec", "dez", "dic"],
];

/** The month (1 to 12) a month name or abbreviation stands for, or null. */
export function monthNumber(name: string): number | null {
  const word = name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return null;
  const month = MONTH_STEMS.findIndex((stems) => stems.some((stem) => word.startsWith(stem)));
  return month === -1 ? null : month + 1;
}

/**
 * Time zone abbreviations and their offsets in minutes: RFC 822's (UT, GMT, the US zones, Z) and
 * the unambiguous European and Asia-Pacific ones news feeds use. IST (India, Ireland or Israel)
 * and others that name several zones are left out: a time in them is read without its instant.
 */
export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  Z: 0,
  UT: 0,
  UTC: 0,
  GMT: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};
