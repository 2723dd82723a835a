import { describe, expect, it } from "vitest";
import { inRange, readDates, type DateRange } from "../../src/search/dates.js";
import { tokenize } from "../../src/text/tokenize.js";

const read = (question: string) => readDates(tokenize(question)).map(({ from, to }) => [from, to]);

describe("readDates", () => {
  it.each([
    // English
    ["month and year after 'in'", "What did Lavrov say in May 2018?", [["2018-05-01", "2018-05-31"]]],
    ["month and year", "September 2018 talks", [["2018-09-01", "2018-09-30"]]],
    ["abbreviated month", "Sept 2019", [["2019-09-01", "2019-09-30"]]],
    ["February of a leap year", "February 2020", [["2020-02-01", "2020-02-29"]]],
    ["February of a common year", "february 2019", [["2019-02-01", "2019-02-28"]]],
    ["month without year: any year", "talks in March", [["*-03-01", "*-03-31"]]],
    ["ambiguous month after a preposition", "in May", [["*-05-01", "*-05-31"]]],
    ["bare year", "Iran and Russia in 2018", [["2018-01-01", "2018-12-31"]]],
    ["two years", "between 2018 and 2019", [["2018-01-01", "2018-12-31"], ["2019-01-01", "2019-12-31"]]],
    // Arabic: Gregorian and Levantine names, Eastern digits, glued و
    ["Levantine month, Eastern digits", "في أيار ٢٠١٨", [["2018-05-01", "2018-05-31"]]],
    ["Egyptian month name", "فبراير ٢٠٢٠", [["2020-02-01", "2020-02-29"]]],
    ["two-word Levantine month", "كانون الثاني ٢٠١٨", [["2018-01-01", "2018-01-31"]]],
    ["two-word Levantine month (October)", "تشرين الأول 2019", [["2019-10-01", "2019-10-31"]]],
    ["two-word Levantine month (December)", "كانون الأول 2019", [["2019-12-01", "2019-12-31"]]],
    ["month with و glued", "وأيار ٢٠١٨", [["2018-05-01", "2018-05-31"]]],
    ["spoken «ب» (in) glued", "بأيار 2018", [["2018-05-01", "2018-05-31"]]],
    ["spoken «ب» without a year", "الطيارة اللي وقعت بشباط", [["*-02-01", "*-02-31"]]],
    ["«باب» (door) is no «ب» + «آب»: only the year", "باب 2018", [["2018-01-01", "2018-12-31"]]],
    ["آب with a year is August", "آب ٢٠١٨", [["2018-08-01", "2018-08-31"]]],
    // Persian: Gregorian names and the solar calendar
    ["Persian Gregorian month", "سپتامبر ۲۰۱۸", [["2018-09-01", "2018-09-30"]]],
    ["solar month, first half of the year (31 days)", "فروردین ۱۴۰۰", [["2021-03-21", "2021-04-20"]]],
    ["solar month Mehr (30 days)", "مهر ۱۴۰۰", [["2021-09-23", "2021-10-22"]]],
    ["solar month Dey, across the Gregorian new year", "دی ۱۳۹۷", [["2018-12-22", "2019-01-20"]]],
    ["solar month Bahman with a two-digit year", "بهمن ۹۷", [["2019-01-21", "2019-02-19"]]],
    ["solar month Esfand ends the day before Farvardin", "اسفند ۱۳۹۹", [["2021-02-20", "2021-03-20"]]],
    ["bare solar year", "۱۴۰۰", [["2021-03-21", "2022-03-20"]]],
    // A day: the articles of that day and the two after
    ["day before the month", "what did Lavrov say on 24 April 2018?", [["2018-04-24", "2018-04-26"]]],
    ["day after the month", "April 24, 2018", [["2018-04-24", "2018-04-26"]]],
    ["ordinal day", "May 3rd 2018", [["2018-05-03", "2018-05-05"]]],
    ["day at the end of a month rolls over", "30 May 2018", [["2018-05-30", "2018-06-01"]]],
    ["day at the end of a year rolls over", "31 December 2018", [["2018-12-31", "2019-01-02"]]],
    ["Arabic day, Eastern digits", "في ٢٤ نيسان ٢٠١٨", [["2018-04-24", "2018-04-26"]]],
    ["solar day (3 Mehr 1397 = 25 September 2018)", "۳ مهر ۱۳۹۷", [["2018-09-25", "2018-09-27"]]],
    ["a day the month lacks reads the month", "31 February 2018", [["2018-02-01", "2018-02-28"]]],
    ["a day without a year keeps the month", "24 April", [["*-04-01", "*-04-31"]]],
    ["a day makes 'May' a month", "5 May", [["*-05-01", "*-05-31"]]],
    // Seasons with a year
    ["spring and year", "F-35s over Iran in spring 2018", [["2018-03-01", "2018-05-31"]]],
    ["winter of a year starts in the December before", "winter 2018", [["2017-12-01", "2018-02-28"]]],
    ["'fall' is autumn", "fall 2018 talks", [["2018-09-01", "2018-11-30"]]],
    ["Arabic season", "في صيف 2018", [["2018-06-01", "2018-08-31"]]],
    ["Persian season: the solar quarter", "بهار ۹۷", [["2018-03-21", "2018-06-21"]]],
    ["Persian winter", "زمستان ۱۳۹۶", [["2017-12-22", "2018-03-20"]]],
  ])("%s: %s", (_what, question, expected) => {
    expect(read(question)).toEqual(expected);
  });

  it.each([
    ["'may' as a verb", "Iran may sign the deal with Russia"],
    ["'May' as a verb at the start", "May Lavrov visit Tehran?"],
    ["solar month without a year cannot be placed", "در مهر"],
    ["Persian مهر (seal/kindness) alone", "مهر و محبت"],
    ["Arabic اب (father) alone", "اب الشهيد"],
    ["numbers that are not years", "500 troops and 2045 tanks"],
    ["no date at all", "ما هي نتائج زيارة لافروف؟"],
    ["a season without a year (the Arab Spring)", "الربيع العربي"],
    ["a season without a year", "talks in the spring"],
    ["empty", ""],
  ])("reads nothing from %s", (_what, question) => {
    expect(read(question)).toEqual([]);
  });

  it("lists the tokens that named the date so the caller can drop them", () => {
    expect(readDates(tokenize("Lavrov in May 2018")).map((r) => r.tokens)).toEqual([["may", "2018"]]);
    expect(readDates(tokenize("كانون الثاني ٢٠١٨")).map((r) => r.tokens)).toEqual([["كانون", "الثاني", "2018"]]);
    expect(readDates(tokenize("مهر ۱۴۰۰")).map((r) => r.tokens)).toEqual([["مهر", "1400"]]);
    expect(readDates(tokenize("talks on 24 April 2018")).map((r) => r.tokens)).toEqual([["24", "april", "2018"]]);
    expect(readDates(tokenize("April 24, 2018")).map((r) => r.tokens)).toEqual([["24", "april", "2018"]]);
  });

  it("consecutive solar months neither overlap nor leave gaps", () => {
    const months = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
    const ranges = months.map((m) => readDates(tokenize(`${m} ۱۴۰۰`))[0]!);
    const next = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from, months[i]).toBe(next(ranges[i - 1]!.to));
    expect(next(ranges[11]!.to)).toBe(readDates(tokenize("فروردین ۱۴۰۱"))[0]!.from);
  });
});

describe("inRange", () => {
  const may2018: DateRange = { from: "2018-05-01", to: "2018-05-31", tokens: [] };
  const anyMay: DateRange = { from: "*-05-01", to: "*-05-31", tokens: [] };
  it.each([
    ["inside", "2018-05-15", may2018, true],
    ["first day (inclusive)", "2018-05-01", may2018, true],
    ["last day with a time (inclusive)", "2018-05-31T23:59:00Z", may2018, true],
    ["day after", "2018-06-01", may2018, false],
    ["same month, other year", "2019-05-15", may2018, false],
    ["yearless month, any year", "2019-05-03", anyMay, true],
    ["yearless month, other month", "2019-06-01", anyMay, false],
    ["unknown date", undefined, may2018, false],
    ["not an ISO date", "15 May 2018", may2018, false],
    ["empty", "", anyMay, false],
  ])("%s", (_what, published, range, expected) => {
    expect(inRange(published, range)).toBe(expected);
  });
});
