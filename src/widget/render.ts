// Builds the widget's parts: the skeleton of its shadow root, one result option, and the
// filter controls' options. All text goes in as text; the snippet through safe-snippet.ts.
import { hitHref, type Filters, type Hit, type SearchPage } from "./api.js";
import { el } from "./dom.js";
import { renderSnippet } from "./safe-snippet.js";
import { fill, type Strings } from "./strings.js";

export const LIST_ID = "newsfind-list";

export interface Parts {
  root: HTMLDivElement;
  input: HTMLInputElement;
  source: HTMLSelectElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  fromLabel: HTMLSpanElement;
  toLabel: HTMLSpanElement;
  panel: HTMLDivElement;
  suggest: HTMLParagraphElement;
  /** The date histogram and the entity chips of the results. */
  facets: HTMLDivElement;
  status: HTMLParagraphElement;
  list: HTMLDivElement;
  more: HTMLButtonElement;
  live: HTMLDivElement;
}

/** The shadow root's skeleton. The panel is absolutely placed, so opening it moves nothing. */
export function skeleton(): Parts {
  const input = el("input", {
    type: "text",
    class: "box",
    part: "input",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": LIST_ID,
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
    enterkeyhint: "search",
  });
  const source = el("select", { part: "filter source" }, el("option", { value: "" }));
  const fromLabel = el("span");
  const toLabel = el("span");
  const from = el("input", { type: "date", part: "filter from" });
  const to = el("input", { type: "date", part: "filter to" });
  const suggest = el("p", { class: "suggest", part: "did-you-mean", hidden: "" });
  const facets = el("div", { class: "facets", part: "facets", hidden: "" });
  const status = el("p", { class: "status", part: "status", hidden: "" });
  const list = el("div", { id: LIST_ID, class: "list", part: "list", role: "listbox", hidden: "" });
  const more = el("button", { type: "button", class: "more", part: "more", tabindex: "-1", hidden: "" });
  const panel = el("div", { class: "panel", part: "panel", hidden: "" }, suggest, facets, status, list, more);
  const live = el("div", { class: "sr", role: "status", "aria-live": "polite" });
  const filters = el(
    "div",
    { class: "filters", part: "filters" },
    source,
    el("label", {}, fromLabel, from),
    el("label", {}, toLabel, to),
  );
  const root = el("div", { class: "root", part: "root", "data-state": "empty" }, input, filters, panel, live);
  return { root, input, source, from, to, fromLabel, toLabel, panel, suggest, facets, status, list, more, live };
}

function formatDate(date: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale || undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
      new Date(`${date}T00:00:00Z`),
    );
  } catch {
    return date;
  }
}

/** One result: a link with role option (the title, source and date, and the snippet). */
export function option(hit: Hit, index: number, endpoint: string, strings: Strings, locale: string): HTMLAnchorElement {
  const meta = el("span", { class: "meta", part: "meta" });
  if (hit.source) meta.append(el("span", { part: "source" }, hit.source));
  if (hit.source && hit.published) meta.append(" · ");
  if (hit.published)
    meta.append(el("time", { datetime: hit.published, part: "date" }, formatDate(hit.published, locale)));
  const snippet = el("span", { class: "snippet", part: "snippet" });
  renderSnippet(snippet, hit.snippet);
  return el(
    "a",
    {
      id: `newsfind-option-${index}`,
      class: "option",
      part: "option",
      role: "option",
      "aria-selected": "false",
      tabindex: "-1",
      href: hitHref(endpoint, hit),
    },
    el("span", { class: "title", part: "title" }, hit.title || strings.untitled),
    meta,
    snippet,
  );
}

/**
 * The result list's children for these options: the hits matching every query word, then
 * a group, headed, of those lacking one, when the hits come in that order (a query short
 * enough for full matches to rank first). Otherwise, the options as they are ranked.
 */
export function grouped(hits: readonly Hit[], options: readonly HTMLAnchorElement[], strings: Strings): Node[] {
  const first = hits.findIndex((hit) => hit.partial);
  if (first < 0 || hits.slice(first).some((hit) => !hit.partial)) return [...options];
  const label = el(
    "div",
    { id: `${LIST_ID}-partial`, class: "group-label", part: "group-label", role: "presentation" },
    first === 0 ? strings.partialOnly : strings.partial,
  );
  const group = el(
    "div",
    { role: "group", class: "group", part: "partial", "aria-labelledby": label.id },
    label,
    ...options.slice(first),
  );
  return [...options.slice(0, first), group];
}

/**
 * The completions of what is typed, as options of the result list in a group headed by the
 * strings' `suggestions`: choosing one (a click, or Enter while it is active) calls `choose`
 * with its text. Null when there are none.
 */
export function completionGroup(
  texts: readonly string[],
  strings: Strings,
  choose: (text: string) => void,
): HTMLDivElement | null {
  if (texts.length === 0) return null;
  const label = el(
    "div",
    { id: `${LIST_ID}-completions`, class: "group-label", part: "group-label", role: "presentation" },
    strings.suggestions,
  );
  const options = texts.map((text, n) => {
    const option = el(
      "div",
      {
        id: `newsfind-completion-${n}`,
        class: "option completion",
        part: "completion",
        role: "option",
        "aria-selected": "false",
      },
      text,
    );
    option.addEventListener("click", () => choose(text));
    return option;
  });
  return el(
    "div",
    { role: "group", class: "group", part: "completions", "aria-labelledby": label.id },
    label,
    ...options,
  );
}

/**
 * Fills the did-you-mean line: the strings' template around a button showing the suggested
 * query, which `choose` is called with when pressed; hidden when there is no suggestion.
 */
export function fillSuggestion(
  line: HTMLParagraphElement,
  suggestion: string | null,
  template: string,
  choose: (query: string) => void,
): void {
  line.hidden = suggestion === null;
  if (suggestion === null) {
    line.replaceChildren();
    return;
  }
  const button = el("button", { type: "button", class: "suggestion", part: "suggestion" }, suggestion);
  button.addEventListener("click", () => choose(suggestion));
  const [before = "", ...after] = template.split("{query}");
  line.replaceChildren(before, button, after.join("{query}"));
}

/** An entity a chip stands for: its kind (the filter's name) and its name. */
export interface Entity {
  kind: "person" | "org" | "place";
  name: string;
}

/** Months the histogram shows at most: the latest. */
const BARS = 24;
/** Entity chips shown at most, the chosen ones among them. */
const CHIPS = 8;

/**
 * Fills the facets line: a bar a month (the latest BARS, filled to its share of the busiest),
 * each a button that `month` is called with, pressed when the dates are that month; then chips for the chosen entities and the most
 * named of the results, each a toggle button that `toggle` is called with. Hidden when empty.
 */
export function fillFacets(
  box: HTMLDivElement,
  facets: SearchPage["facets"],
  chosen: readonly Entity[],
  dates: { from: string; to: string },
  strings: Strings,
  locale: string,
  month: (value: string) => void,
  toggle: (entity: Entity) => void,
): void {
  const months = (facets?.month ?? []).slice(-BARS);
  const most = Math.max(1, ...months.map(({ count }) => count));
  const bars = months.map(({ value, count }) => {
    const label = fill(strings.monthCount, { month: formatMonth(value, locale), count });
    const pressed = dates.from === `${value}-01` && dates.to.startsWith(value);
    const bar = el("button", {
      type: "button",
      class: "bar",
      part: "bar",
      "aria-label": label,
      "aria-pressed": String(pressed),
      title: label,
    });
    // The whole height is the button; the fill shows the count.
    bar.style.setProperty("--h", `${Math.max(8, Math.round((100 * count) / most))}%`);
    bar.dataset.key = value;
    bar.addEventListener("click", () => month(value));
    return bar;
  });
  const same = (a: Entity, b: Entity) => a.kind === b.kind && a.name === b.name;
  const named = (["person", "org", "place"] as const)
    .flatMap((kind) => (facets?.[kind] ?? []).map(({ value, count }) => ({ kind, name: value, count })))
    .sort((a, b) => b.count - a.count)
    .filter((entity) => !chosen.some((other) => same(entity, other)));
  const chips = [...chosen, ...named].slice(0, Math.max(CHIPS, chosen.length)).map((entity) => {
    const pressed = chosen.some((other) => same(entity, other));
    const chip = el(
      "button",
      { type: "button", class: "chip", part: "chip", "aria-pressed": String(pressed) },
      entity.name,
    );
    chip.dataset.key = `${entity.kind}:${entity.name}`;
    chip.addEventListener("click", () => toggle({ kind: entity.kind, name: entity.name }));
    return chip;
  });
  box.replaceChildren(
    ...(bars.length > 1 ? [el("div", { class: "bars", role: "group", "aria-label": strings.byMonth }, ...bars)] : []),
    ...(chips.length ? [el("div", { class: "chips", role: "group", "aria-label": strings.entities }, ...chips)] : []),
  );
  box.hidden = box.childElementCount === 0;
}

function formatMonth(value: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale || undefined, { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  } catch {
    return value;
  }
}

/** The source filter's options from /filters, keeping the first ("all sources"). */
export function fillFilters(parts: Parts, filters: Filters): void {
  const first = parts.source.options[0]!;
  parts.source.replaceChildren(
    first,
    ...filters.sources.map(({ name, count }) => el("option", { value: name }, `${name} (${count})`)),
  );
  for (const input of [parts.from, parts.to]) {
    if (filters.dates.oldest) input.min = filters.dates.oldest;
    if (filters.dates.newest) input.max = filters.dates.newest;
  }
}

/** Sets every label and fixed text from the strings table. */
export function applyStrings(parts: Parts, strings: Strings, placeholder: string | null): void {
  parts.input.placeholder = placeholder ?? strings.placeholder;
  parts.input.setAttribute("aria-label", strings.label);
  parts.list.setAttribute("aria-label", strings.results);
  parts.source.setAttribute("aria-label", strings.sourceFilter);
  parts.source.options[0]!.textContent = strings.allSources;
  parts.fromLabel.textContent = strings.fromFilter;
  parts.toLabel.textContent = strings.toFilter;
  parts.more.textContent = strings.more;
}
