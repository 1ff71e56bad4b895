// readDate over the forms corpora give dates in, the locale rules for numeric dates, and the
// values it refuses; the locale tags it reads.
import { describe, expect, it } from "vitest";
import { AmbiguousDateError, readDate } from "../../../build/extract/dates.js";
import { dayOrder, languageOf } from "../../../build/extract/locale.js";

const now = new Date("2026-06-01T00:00:00Z");

describe("readDate", () => {
  it.each([
    // ISO 8601
    ["2016-12-22T23:43:37-08:00", null, "2016-12-22", "2016-12-22T23:43:37-08:00"],
    ["2025-10-21T08:00:00Z", null, "2025-10-21", "2025-10-21T08:00:00+00:00"],
    ["2025-10-21T08:00:00+0100", null, "2025-10-21", "2025-10-21T08:00:00+01:00"],
    ["2025-10-21T08:00:00+05", null, "2025-10-21", "2025-10-21T08:00:00+05:00"],
    ["2025-10-21 08:00:00.123456+05:30", null, "2025-10-21", "2025-10-21T08:00:00+05:30"],
    ["2025-10-21T08:00:00.5 -03:00", null, "2025-10-21", "2025-10-21T08:00:00-03:00"],
    ["2025-10-21T08:00", null, "2025-10-21", null],
    ["2025-10-21", null, "2025-10-21", null],
    ["  2025-10-21\n", null, "2025-10-21", null],
    ["20251021", null, "2025-10-21", null],
    ["2025/10/21", null, "2025-10-21", null],
    // RFC 822 and 1123
    ["Tue, 21 Oct 2025 08:00:00 GMT", null, "2025-10-21", "2025-10-21T08:00:00+00:00"],
    ["Wed, 1 Oct 2025 08:00:00 PST  ", null, "2025-10-01", "2025-10-01T08:00:00-08:00"],
    ["Wed, 01 Oct 2025 23:30:00 EDT", null, "2025-10-01", "2025-10-01T23:30:00-04:00"],
    ["Wed, 01 Oct 2025 23:30 UTC", null, "2025-10-01", "2025-10-01T23:30:00+00:00"],
    ["01 Oct 2025 09:15:00 +0930", null, "2025-10-01", "2025-10-01T09:15:00+09:30"],
    ["Thu, 02 Jan 97 10:00:00 -0500", null, "1997-01-02", "1997-01-02T10:00:00-05:00"],
    ["Thu, 02 Jan 2025 10:00:00 XYZ", null, "2025-01-02", null],
    // RFC 822 with localized day and month names
    ["Seg, 24 Set 2018 19:42:40 -0300", "pt-BR", "2018-09-24", "2018-09-24T19:42:40-03:00"],
    ["Seg, 24 Set 2018 19:42:40 -0300", null, "2018-09-24", "2018-09-24T19:42:40-03:00"],
    ["Mo, 24 Sep 2018 19:42:40 +0200", "de", "2018-09-24", "2018-09-24T19:42:40+02:00"],
    ["Di, 21 Okt 2025 08:00:00 MESZ", "de", "2025-10-21", "2025-10-21T08:00:00+02:00"],
    ["Mi, 05 Mär 2025 08:00:00 +0100", "de", "2025-03-05", "2025-03-05T08:00:00+01:00"],
    ["lun., 24 sept. 2018 19:42:40 +0200", "fr", "2018-09-24", "2018-09-24T19:42:40+02:00"],
    ["ven., 15 août 2025 12:00:00 +0200", "fr", "2025-08-15", "2025-08-15T12:00:00+02:00"],
    ["mié, 10 dic 2025 07:05:00 +0100", "es", "2025-12-10", "2025-12-10T07:05:00+01:00"],
    ["gio, 12 giu 2025 18:00:00 +0200", "it", "2025-06-12", "2025-06-12T18:00:00+02:00"],
    ["vr, 7 mrt 2025 09:00:00 +0100", "nl", "2025-03-07", "2025-03-07T09:00:00+01:00"],
    // Written dates
    ["21 October 2025", null, "2025-10-21", null],
    ["Tuesday, October 21, 2025", null, "2025-10-21", null],
    ["October 21, 2025 8:00 AM EST", null, "2025-10-21", "2025-10-21T08:00:00-05:00"],
    ["21. Oktober 2025", "de", "2025-10-21", null],
    ["mardi 21 octobre 2025", "fr", "2025-10-21", null],
    ["21 de outubro de 2025", "pt", "2025-10-21", null],
    // Numeric dates: settled by a part above 12, by the locale, or by equal parts
    ["13/02/2025", null, "2025-02-13", null],
    ["02/13/2025", null, "2025-02-13", null],
    ["05/05/2025", null, "2025-05-05", null],
    ["01/02/2025", "en-US", "2025-01-02", null],
    ["01-02-2025", "en_US", "2025-01-02", null],
    ["01/02/2025", "en-GB", "2025-02-01", null],
    ["01/02/2025", "en-AU", "2025-02-01", null],
    ["01.02.2025", "de", "2025-02-01", null],
    ["01.02.2025", "de-AT", "2025-02-01", null],
    ["01/02/2025", "fr", "2025-02-01", null],
    ["01/02/2025", "es-US", "2025-01-02", null],
    ["01/02/2025", "pt-BR", "2025-02-01", null],
    ["01/02/2025", "it", "2025-02-01", null],
    ["01-02-2025", "nl", "2025-02-01", null],
    ["21/10/2025 8:15 pm +02:00", "fr", "2025-10-21", "2025-10-21T20:15:00+02:00"],
    ["21.10.25", "de", "2025-10-21", null],
  ])("reads %j (locale %s) as %s, %s", (value, locale, date, time) => {
    expect(readDate(value, { locale, now })).toEqual({ date, time });
  });

  it("reads epoch seconds and milliseconds, as numbers or digit strings, as instants in UTC", () => {
    const utc = { date: "2025-10-21", time: "2025-10-21T08:00:00+00:00" };
    expect(readDate(1761033600, { now })).toEqual(utc);
    expect(readDate(1761033600000, { now })).toEqual(utc);
    expect(readDate("1761033600", { now })).toEqual(utc);
    expect(readDate("1761033600000", { now })).toEqual(utc);
    expect(readDate(-220924800, { now })).toEqual({ date: "1963-01-01", time: "1963-01-01T00:00:00+00:00" });
  });

  it("reads a Date from YAML front matter: its UTC day, with the instant unless it is a bare midnight", () => {
    expect(readDate(new Date("2025-10-21"), { now })).toEqual({ date: "2025-10-21", time: null });
    expect(readDate(new Date("2025-10-21T10:30:00+02:00"), { now })).toEqual({
      date: "2025-10-21",
      time: "2025-10-21T08:30:00+00:00",
    });
  });

  it("keeps the day the source dates it, not the UTC day", () => {
    expect(readDate("2016-12-22T23:43:37-08:00", { now })!.date).toBe("2016-12-22");
    expect(readDate("Fri, 01 Jan 2021 00:30:00 +0100", { now })!.date).toBe("2021-01-01");
  });

  it("says null for an empty value", () => {
    for (const value of [null, undefined, "", "   "]) expect(readDate(value, { now })).toBeNull();
  });

  it.each([
    ["01/02/2025", null],
    ["01/02/2025", "en"],
    ["01-02-2025", "en-CA"],
    ["03.04.2025", undefined],
  ])("refuses %j as ambiguous with locale %s, naming the fixes", (value, locale) => {
    const read = () => readDate(value, { locale, now });
    expect(read).toThrow(AmbiguousDateError);
    expect(read).toThrow(/ambiguous.*locale.*YYYY-MM-DD/);
  });

  it.each([
    ["soon", /is not a date newsfind can read/],
    ["21 Oct", /is not a date newsfind can read/],
    ["2025-10", /is not a date newsfind can read/],
    ["2025-02-30", /no such day/],
    ["2025-10-21T25:00:00Z", /no such time/],
    ["0001-01-01", /implausible.*year 1\b/],
    ["1599-12-31", /implausible/],
    ["2028-01-01", /implausible.*year 2028/],
    [2025, /epoch/],
    [0, /epoch/],
    [Number.NaN, /epoch/],
    [new Date("nonsense"), /not a valid time/],
    [{ year: 2025 }, /not a string or a number/],
  ])("refuses %j", (value, message) => {
    expect(() => readDate(value, { now })).toThrow(message);
  });

  it("reads dates up to the end of next year and the oldest printed news", () => {
    expect(readDate("2027-12-31", { now })!.date).toBe("2027-12-31");
    expect(readDate("1605-01-01", { now })!.date).toBe("1605-01-01");
  });
});

describe("locale tags", () => {
  it.each([
    ["de", "de"],
    ["DE-at", "de"],
    ["en_US.UTF-8", "en"],
    ["pt-BR", "pt"],
    ["German", null],
    ["deu", null],
    ["", null],
    [42, null],
  ])("reads the language of %j as %s", (tag, language) => {
    expect(languageOf(tag)).toBe(language);
  });

  it.each([
    ["en-US", "month-first"],
    ["en-ph", "month-first"],
    ["es-US", "month-first"],
    ["en-GB", "day-first"],
    ["en-IN", "day-first"],
    ["en-419", "day-first"],
    ["fr-CA", "day-first"],
    ["de", "day-first"],
    ["en", null],
    ["en-CA", null],
    ["", null],
    [null, null],
  ])("orders the numeric dates of %j %s", (locale, order) => {
    expect(dayOrder(locale)).toBe(order);
  });
});
