import { fold } from "../text/fold.js";

/**
 * Reading a time reference in a question: a year, a month, a month and year, or a day of them, in English, Arabic
 * (both the Gregorian names يناير… and the Levantine كانون الثاني…) or Persian (Gregorian ژانویه… and solar فروردین…).
 * The result is a list of date ranges the question prefers; it never filters.
 */
export interface DateRange {
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  /** The words that named it, as folded tokens. */
  tokens: string[];
}

const GREGORIAN_MONTHS: [number, string[]][] = [
  [1, ["january", "jan", "يناير", "كانون الثاني", "ژانويه"]],
  [2, ["february", "feb", "فبراير", "شباط", "فوريه"]],
  [3, ["march", "mar", "مارس", "اذار", "مارس"]],
  [4, ["april", "apr", "ابريل", "نيسان", "اوريل", "اپريل"]],
  [5, ["may", "مايو", "ايار", "مه"]],
  [6, ["june", "jun", "يونيو", "حزيران", "ژوين", "ژوئن"]],
  [7, ["july", "jul", "يوليو", "تموز", "ژوييه", "ژوئيه"]],
  [8, ["august", "aug", "اغسطس", "اب", "اوت"]],
  [9, ["september", "sep", "sept", "سبتمبر", "ايلول", "سپتامبر"]],
  [10, ["october", "oct", "اكتوبر", "تشرين الاول", "اكتبر"]],
  [11, ["november", "nov", "نوفمبر", "تشرين الثاني", "نوامبر"]],
  [12, ["december", "dec", "ديسمبر", "كانون الاول", "دسامبر"]],
];
/** Persian solar months; month 1 (فروردین) starts about 21 March. */
const SOLAR_MONTHS = ["فروردين", "ارديبهشت", "خرداد", "تير", "مرداد", "شهريور", "مهر", "ابان", "اذر", "دي", "بهمن", "اسفند"];
/** Approximate Gregorian start (month, day) of each solar month. */
const SOLAR_START: [number, number][] = [
  [3, 21], [4, 21], [5, 22], [6, 22], [7, 23], [8, 23], [9, 23], [10, 23], [11, 22], [12, 22], [1, 21], [2, 20],
];

/** Month names that are also ordinary words; read as a month only next to a year or after "in/في/در". */
const AMBIGUOUS = new Set(["may", "mar", "jun", "اب", "مه", "دي", "تير", "مهر", "اذر"]);
const PREPOSITIONS = new Set(["in", "during", "since", "في", "خلال", "منذ", "در", "طي"]);

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface MonthHit {
  start: number;
  length: number;
  month: number;
  solar: boolean;
}

/**
 * Month names folded once, as token lists, each word also with «و» glued on, and the first with spoken Arabic's «ب»
 * ("in": «بأيار», «بشباط»), except a name that is also a word («باب» is a door). Made here, not per token: this runs
 * for every word of every question.
 */
const FOLDED_MONTHS: { month: number; words: Set<string>[] }[] = GREGORIAN_MONTHS.flatMap(([month, names]) =>
  names.map((name) => {
    const parts = fold(name).split(" ");
    return { month, words: parts.map((p, k) => new Set([p, `و${p}`, ...(k === 0 && !AMBIGUOUS.has(parts.join(" ")) ? [`ب${p}`] : [])])) };
  }),
);

function findMonth(tokens: readonly string[], i: number): MonthHit | undefined {
  for (const { month, words } of FOLDED_MONTHS) {
    let all = true;
    for (let k = 0; k < words.length && all; k++) all = words[k]!.has(tokens[i + k] ?? "");
    if (all) return { start: i, length: words.length, month, solar: false };
  }
  const solar = SOLAR_MONTHS.indexOf(tokens[i] ?? "");
  if (solar >= 0) return { start: i, length: 1, month: solar + 1, solar: true };
  return undefined;
}

/** Years a question may name: Gregorian 1990–2039 and solar 1370–1419 (two-digit solar years 70–99 after a month). */
function readYear(token: string | undefined, afterSolarMonth: boolean): { year: number; solar: boolean } | undefined {
  if (!token || !/^\d+$/.test(token)) return undefined;
  const n = Number(token);
  if (n >= 1990 && n <= 2039) return { year: n, solar: false };
  if (n >= 1370 && n <= 1419) return { year: n, solar: true };
  if (afterSolarMonth && n >= 70 && n <= 99) return { year: 1300 + n, solar: true };
  return undefined;
}

function solarMonthStart(year: number, month: number): Date {
  const [m, d] = SOLAR_START[month - 1]!;
  return new Date(Date.UTC(month >= 11 ? year + 622 : year + 621, m - 1, d));
}

/** A solar month runs to the day before the next one starts (31 days in months 1–6, 30 or 29 after). */
function solarMonthRange(year: number, month: number): [string, string] {
  const start = solarMonthStart(year, month);
  const next = month === 12 ? solarMonthStart(year + 1, 1) : solarMonthStart(year, month + 1);
  const end = new Date(next.getTime() - 86_400_000);
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

/** A day of the month as a question writes it next to the month: "24", "24th", "1st". */
function readDay(token: string | undefined): number | undefined {
  const m = token === undefined ? null : /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token);
  const day = m ? Number(m[1]) : 0;
  return day >= 1 && day <= 31 ? day : undefined;
}

/** Days a report of a dated event is published in: that day and the two after (late news, time zones). */
const REPORT_DAYS = 2;

/** The range of articles reporting a day: [day, day + REPORT_DAYS], as ISO dates (a day past the month's end rolls over). */
function dayRange(start: Date): [string, string] {
  const end = new Date(start.getTime() + REPORT_DAYS * 86_400_000);
  return [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

/**
 * Seasons, read only with a year ("spring 2018", «ربيع 2018», «بهار ۹۷»; alone «الربيع» is as often the Arab Spring).
 * English and Arabic seasons are the meteorological ones of the northern hemisphere (spring: March–May; winter: its
 * December and the next January–February, so "winter 2018" is December 2017 to February 2018); Persian seasons are
 * the solar year's quarters (بهار: فروردین–خرداد).
 */
const SEASONS: { names: string[]; first: number; solar: boolean }[] = [
  { names: ["spring", "ربيع", "الربيع"], first: 3, solar: false },
  { names: ["summer", "صيف", "الصيف"], first: 6, solar: false },
  { names: ["autumn", "fall", "خريف", "الخريف"], first: 9, solar: false },
  { names: ["winter", "شتاء", "الشتاء"], first: 12, solar: false },
  { names: ["بهار"], first: 1, solar: true },
  { names: ["تابستان"], first: 4, solar: true },
  { names: ["پاييز"], first: 7, solar: true },
  { names: ["زمستان"], first: 10, solar: true },
].map((s) => ({ ...s, names: s.names.map((n) => fold(n)) }));

/** The range of a season and year (three months), or undefined when the tokens at i are none. */
function readSeason(tokens: readonly string[], i: number): DateRange | undefined {
  const season = SEASONS.find((s) => s.names.includes(tokens[i]!));
  if (!season) return undefined;
  const year = readYear(tokens[i + 1], season.solar);
  if (!year || year.solar !== season.solar) return undefined;
  if (season.solar) {
    const from = solarMonthRange(year.year, season.first)[0];
    const to = solarMonthRange(year.year, season.first + 2)[1];
    return { from, to, tokens: [tokens[i]!, tokens[i + 1]!] };
  }
  // Winter of a year starts in the December before it.
  const startYear = season.first === 12 ? year.year - 1 : year.year;
  const endMonth = season.first === 12 ? 2 : season.first + 2;
  return {
    from: `${startYear}-${pad(season.first)}-01`,
    to: `${year.year}-${pad(endMonth)}-${pad(lastDay(year.year, endMonth))}`,
    tokens: [tokens[i]!, tokens[i + 1]!],
  };
}

/** Find the date ranges a folded token list names. Tokens used for dates are listed so the caller can drop them. */
export function readDates(tokens: readonly string[]): DateRange[] {
  const ranges: DateRange[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const season = readSeason(tokens, i);
    if (season) {
      ranges.push(season);
      i++;
      continue;
    }
    const hit = findMonth(tokens, i);
    if (hit) {
      // A day before the month ("24 April", «۳ مهر») or between it and its year ("April 24, 2018").
      const dayBefore = readDay(tokens[i - 1]);
      const dayAfter = dayBefore === undefined && readYear(tokens[i + hit.length], hit.solar) === undefined ? readDay(tokens[i + hit.length]) : undefined;
      const yearAt = i + hit.length + (dayAfter === undefined ? 0 : 1);
      const next = tokens[yearAt];
      const year = readYear(next, hit.solar);
      const before = tokens[i - 1];
      const name = tokens.slice(i, i + hit.length);
      const day = dayBefore ?? dayAfter;
      const dayTokens = day === undefined ? [] : [dayBefore !== undefined ? tokens[i - 1]! : tokens[i + hit.length]!];
      if (AMBIGUOUS.has(name.join(" ")) && !year && day === undefined && !(before && PREPOSITIONS.has(before))) continue;
      if (hit.solar) {
        if (year?.solar) {
          const [from, to] = day === undefined ? solarMonthRange(year.year, hit.month) : dayRange(new Date(solarMonthStart(year.year, hit.month).getTime() + (day - 1) * 86_400_000));
          ranges.push({ from, to, tokens: [...dayTokens, ...name, next!] });
          i = yearAt;
        }
        // A solar month without its year cannot be placed; it is left to the words.
        continue;
      }
      if (year && !year.solar) {
        const [from, to] =
          day !== undefined && day <= lastDay(year.year, hit.month)
            ? dayRange(new Date(Date.UTC(year.year, hit.month - 1, day)))
            : [`${year.year}-${pad(hit.month)}-01`, `${year.year}-${pad(hit.month)}-${pad(lastDay(year.year, hit.month))}`];
        ranges.push({ from, to, tokens: [...dayTokens, ...name, next!] });
        i = yearAt;
      } else {
        // Without a year, a day cannot narrow the month (its articles may be of any year); it is still a date word.
        ranges.push({ from: `*-${pad(hit.month)}-01`, to: `*-${pad(hit.month)}-31`, tokens: [...dayTokens, ...name] });
        i += hit.length - 1 + (dayAfter === undefined ? 0 : 1);
      }
      continue;
    }
    const year = readYear(tokens[i], false);
    if (year) {
      const g = year.solar ? year.year + 621 : year.year;
      ranges.push(
        year.solar
          ? { from: `${g}-03-21`, to: `${g + 1}-03-20`, tokens: [tokens[i]!] }
          : { from: `${g}-01-01`, to: `${g}-12-31`, tokens: [tokens[i]!] },
      );
    }
  }
  return ranges;
}

/** True when an ISO date (YYYY-MM-DD…) falls in the range; "*" years match any year. */
export function inRange(published: string | undefined, range: DateRange): boolean {
  if (!published || !/^\d{4}-\d{2}-\d{2}/.test(published)) return false;
  const date = published.slice(0, 10);
  if (range.from.startsWith("*")) {
    const md = date.slice(5);
    return md >= range.from.slice(2) && md <= range.to.slice(2);
  }
  return date >= range.from && date <= range.to;
}
