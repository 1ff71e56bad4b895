// <newsfind-search>: a search box whose results appear as you type, with completions of the
// word being typed above them. It follows the WAI-ARIA combobox pattern (focus stays in the box;
// the active option is aria-activedescendant), lives in an open shadow root, and fires
// `newsfind:load` (results shown) and `newsfind:error` events.
import { fetchFilters, fetchPage, fetchSuggestions, MAX_OFFSET, type Hit } from "./api.js";
import {
  applyStrings,
  completionGroup,
  fillFacets,
  fillFilters,
  fillSuggestion,
  grouped,
  option,
  skeleton,
  type Entity,
  type Parts,
} from "./render.js";
import { fill, mergeStrings, parseStrings, type Strings } from "./strings.js";
import { adoptStyles } from "./styles.js";

export type WidgetState = "empty" | "loading" | "results" | "no-results" | "error";

const ORIGIN = new URL(import.meta.url).origin;
const EDITABLE = /^(INPUT|TEXTAREA|SELECT)$/;

function bounded(value: string | null, fallback: number, min: number, max: number): number {
  const number = Number.parseInt(value ?? "", 10);
  return Number.isFinite(number) ? Math.min(max, Math.max(min, number)) : fallback;
}

export class NewsfindSearchElement extends HTMLElement {
  static observedAttributes = ["placeholder", "strings"];

  #parts: Parts = skeleton();
  #strings: Strings = parseStrings(null);
  #hits: Hit[] = [];
  /** The completions shown above the hits. */
  #completions: string[] = [];
  #total = 0;
  /** Whether the last page came back short: no page follows (copies collapsed make the total an overcount of hits). */
  #ended = false;
  #active = -1;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;
  #filtersFor = "";
  /** The entity chips pressed: a kind's are alternatives, the kinds narrow the search together. */
  #chosen: Entity[] = [];

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    adoptStyles(shadow);
    shadow.append(this.#parts.root);
    const { root, input, source, from, to, more } = this.#parts;
    input.addEventListener("input", () => this.#schedule());
    input.addEventListener("keydown", (event) => this.#onKeydown(event));
    input.addEventListener("focus", () => this.#hits.length && this.#open(true));
    for (const control of [source, from, to]) control.addEventListener("change", () => this.#search(false));
    more.addEventListener("click", () => this.#search(true));
    root.addEventListener("focusout", (event) => {
      const next = (event as FocusEvent).relatedTarget as Node | null;
      if (!next || !shadow.contains(next)) this.#open(false);
    });
    applyStrings(this.#parts, this.#strings, null);
  }

  /** The newsfind API's base URL. Default: the origin that served widget.js. Attribute `endpoint`. */
  get endpoint(): string {
    return (this.getAttribute("endpoint") || ORIGIN).replace(/\/+$/, "");
  }
  set endpoint(value: string) {
    this.setAttribute("endpoint", value);
  }

  /** The search box's placeholder. Default: the strings table's `placeholder`. Attribute `placeholder`. */
  get placeholder(): string {
    return this.getAttribute("placeholder") ?? this.#strings.placeholder;
  }
  set placeholder(value: string) {
    this.setAttribute("placeholder", value);
  }

  /** Results per page, 1 to 100. Default 8. Attribute `limit`. */
  get limit(): number {
    return bounded(this.getAttribute("limit"), 8, 1, 100);
  }
  set limit(value: number) {
    this.setAttribute("limit", String(value));
  }

  /** Milliseconds of quiet typing before a search. Default 120. Attribute `debounce`. */
  get debounce(): number {
    return bounded(this.getAttribute("debounce"), 120, 0, 5000);
  }
  set debounce(value: number) {
    this.setAttribute("debounce", String(value));
  }

  /** Completions offered above the results while a word is typed, 0 to 10. Default 4. Attribute `suggestions`. */
  get suggestions(): number {
    return bounded(this.getAttribute("suggestions"), 4, 0, 10);
  }
  set suggestions(value: number) {
    this.setAttribute("suggestions", String(value));
  }

  /** True turns off the "/" shortcut that focuses the box. Attribute `no-slash`. */
  get noSlash(): boolean {
    return this.hasAttribute("no-slash");
  }
  set noSlash(value: boolean) {
    this.toggleAttribute("no-slash", value);
  }

  /** "light", "dark" or "auto" (default: follows prefers-color-scheme). Attribute `theme`. */
  get theme(): "light" | "dark" | "auto" {
    const theme = this.getAttribute("theme");
    return theme === "light" || theme === "dark" ? theme : "auto";
  }
  set theme(value: "light" | "dark" | "auto") {
    this.setAttribute("theme", value);
  }

  /** The user-facing strings; set a partial table to replace some. Attribute `strings` (JSON). */
  get strings(): Strings {
    return { ...this.#strings };
  }
  set strings(value: Partial<Strings> | null) {
    this.#strings = mergeStrings(value);
    applyStrings(this.#parts, this.#strings, this.getAttribute("placeholder"));
  }

  /** What the widget shows: empty, loading, results, no-results or error. */
  get state(): WidgetState {
    return this.#parts.root.dataset.state as WidgetState;
  }

  attributeChangedCallback(name: string): void {
    if (name === "strings") this.#strings = parseStrings(this.getAttribute("strings"));
    applyStrings(this.#parts, this.#strings, this.getAttribute("placeholder"));
  }

  /**
   * The query the box starts with: when the element is connected, the box takes it, gets the
   * focus and shows its results (a search page's ?q=). Attribute `value`.
   */
  get value(): string {
    return this.getAttribute("value") ?? "";
  }
  set value(value: string) {
    this.setAttribute("value", value);
  }

  connectedCallback(): void {
    document.addEventListener("keydown", this.#onSlash);
    if (this.value && !this.#parts.input.value) {
      this.#parts.input.value = this.value;
      this.#parts.input.focus();
      this.#search(false);
    }
    if (this.#filtersFor !== this.endpoint) {
      this.#filtersFor = this.endpoint;
      fetchFilters(this.endpoint).then(
        (filters) => fillFilters(this.#parts, filters),
        () => undefined, // searching still works without filter choices
      );
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener("keydown", this.#onSlash);
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }

  #onSlash = (event: KeyboardEvent): void => {
    if (event.key !== "/" || this.noSlash || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
      return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || EDITABLE.test(target.tagName))) return;
    event.preventDefault();
    this.#parts.input.focus();
  };

  /** Every option, completions first, in the order the arrow keys go through them. */
  #options(): HTMLElement[] {
    return [...this.#parts.list.querySelectorAll<HTMLElement>("[role=option]")];
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    const options = this.#options();
    const open = !this.#parts.panel.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options.length) return;
      event.preventDefault();
      if (!open) this.#open(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      this.#activate(Math.max(-1, Math.min(options.length - 1, this.#active + step)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && this.#active >= 0) options[this.#active]!.click();
      else this.#search(false);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        this.#open(false);
      } else if (this.#parts.input.value) {
        event.preventDefault();
        this.#parts.input.value = "";
        this.#search(false);
      }
    }
  }

  #activate(index: number): void {
    this.#options().forEach((node, i) => {
      node.setAttribute("aria-selected", String(i === index));
    });
    this.#active = index;
    const active = this.#options()[index];
    if (active) {
      this.#parts.input.setAttribute("aria-activedescendant", active.id);
      active.scrollIntoView({ block: "nearest" });
    } else {
      this.#parts.input.removeAttribute("aria-activedescendant");
    }
  }

  #open(open: boolean): void {
    const { panel, input } = this.#parts;
    open &&= this.state !== "empty";
    panel.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) this.#activate(-1);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(false), this.debounce);
  }

  async #search(append: boolean): Promise<void> {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    const { input, source, from, to } = this.#parts;
    const q = input.value.trim();
    if (!q) {
      this.#completions = [];
      this.#show([], 0, false);
      this.#suggest(null);
      this.#facets(undefined);
      this.#setState("empty");
      return;
    }
    const controller = (this.#controller = new AbortController());
    const request = {
      q,
      limit: this.limit,
      offset: append ? this.#hits.length : 0,
      source: source.value,
      from: from.value,
      to: to.value,
      // A box that ends in a letter or digit has its last word still being typed: it is completed.
      prefix: /[\p{L}\p{N}]$/u.test(input.value) ? ("last" as const) : undefined,
      // A new search counts its months and entities; a further page does not.
      facets: append ? undefined : "month,person,org,place",
      ...Object.fromEntries(
        (["person", "org", "place"] as const).map((kind) => [
          kind,
          this.#chosen.filter((entity) => entity.kind === kind).map((entity) => entity.name),
        ]),
      ),
    };
    this.#setState("loading");
    // Completions while the last word is being typed, fetched beside the page; a failure to
    // fetch them costs only the completions.
    const completions =
      append || !request.prefix || this.suggestions === 0
        ? Promise.resolve(append ? this.#completions : [])
        : fetchSuggestions(this.endpoint, q, this.suggestions, controller.signal).catch(() => []);
    try {
      const [page, texts] = await Promise.all([fetchPage(this.endpoint, request, controller.signal), completions]);
      if (controller.signal.aborted) return;
      this.#completions = texts;
      this.#show(page.hits, page.total + page.partialTotal, append, page.hits.length < page.limit);
      if (!append) {
        this.#suggest(page.didYouMean);
        this.#facets(page.facets);
      }
      const state = this.#hits.length ? "results" : "no-results";
      this.#setState(state, q);
      this.#announce(
        state !== "results"
          ? this.#parts.status.textContent!
          : page.total === 0
            ? fill(this.#strings.countSome, { count: page.partialTotal })
            : fill(page.total === 1 ? this.#strings.countOne : this.#strings.count, { count: page.total }),
      );
      this.dispatchEvent(
        new CustomEvent("newsfind:load", {
          bubbles: true,
          composed: true,
          detail: { query: q, total: page.total, partialTotal: page.partialTotal, hits: page.hits },
        }),
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      this.#setState("error", q, message);
      this.#announce(this.#parts.status.textContent!);
      this.dispatchEvent(
        new CustomEvent("newsfind:error", { bubbles: true, composed: true, detail: { query: q, message } }),
      );
    }
  }

  /**
   * Shows the completions, then these hits (after those shown, to append), of `total` matching
   * some or all words; `ended` when no page follows them.
   */
  #show(hits: Hit[], total: number, append: boolean, ended = true): void {
    const locale = this.closest("[lang]")?.getAttribute("lang") ?? "";
    const start = append ? this.#hits.length : 0;
    const nodes = hits.map((hit, i) => option(hit, start + i, this.endpoint, this.#strings, locale));
    this.#hits = append ? [...this.#hits, ...hits] : hits;
    // The shown options stay (with their selection), completions included; the list is
    // regrouped around them.
    const { list } = this.#parts;
    const shown = append ? [...list.querySelectorAll<HTMLAnchorElement>("a[role=option]")] : [];
    const completions = append
      ? list.querySelector<HTMLDivElement>("[part=completions]")
      : completionGroup(this.#completions, this.#strings, (text) => {
          this.#parts.input.value = text;
          this.#parts.input.focus();
          this.#search(false);
        });
    list.replaceChildren(
      ...(completions ? [completions] : []),
      ...grouped(this.#hits, [...shown, ...nodes], this.#strings),
    );
    this.#total = total;
    this.#ended = ended;
    if (!append) this.#activate(-1);
  }

  /**
   * Shows the date histogram and entity chips of the results. Pressing a bar narrows the dates
   * to its month; pressing a chip narrows to its entity, or widens again. A pressed control
   * keeps the focus across the new search.
   */
  #facets(facets: Parameters<typeof fillFacets>[1]): void {
    const { facets: box, from, to } = this.#parts;
    const focused = (this.shadowRoot!.activeElement as HTMLElement | null)?.dataset.key;
    // Focus leaves the control before it is replaced: losing it with the element would close the results.
    if (focused) this.#parts.input.focus();
    const locale = this.closest("[lang]")?.getAttribute("lang") ?? "";
    fillFacets(
      box,
      facets,
      this.#chosen,
      { from: from.value, to: to.value },
      this.#strings,
      locale,
      (month) => {
        const [year, number] = month.split("-").map(Number);
        from.value = `${month}-01`;
        to.value = new Date(Date.UTC(year!, number!, 0)).toISOString().slice(0, 10);
        this.#search(false);
      },
      (entity) => {
        const at = this.#chosen.findIndex((other) => other.kind === entity.kind && other.name === entity.name);
        this.#chosen = at < 0 ? [...this.#chosen, entity] : this.#chosen.filter((_, i) => i !== at);
        this.#search(false);
      },
    );
    if (focused) (box.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`) ?? this.#parts.input).focus();
  }

  /** Shows the did-you-mean line for a suggested query, or hides it; pressing it searches for the suggestion. */
  #suggest(suggestion: string | null): void {
    fillSuggestion(this.#parts.suggest, suggestion, this.#strings.didYouMean, (query) => {
      this.#parts.input.value = query;
      this.#parts.input.focus();
      this.#search(false);
    });
  }

  #setState(state: WidgetState, query = "", message = ""): void {
    const { root, status, list, more } = this.#parts;
    root.dataset.state = state;
    list.setAttribute("aria-busy", String(state === "loading"));
    const text =
      state === "loading" && !this.#hits.length
        ? this.#strings.loading
        : state === "no-results"
          ? fill(this.#strings.noResults, { query })
          : state === "error"
            ? fill(this.#strings.error, { message })
            : "";
    status.textContent = text;
    status.hidden = !text;
    status.dataset.kind = state;
    list.hidden = !this.#hits.length && !this.#completions.length;
    // The last page: every hit shown, a short page, or as deep as the API pages.
    const last =
      !this.#hits.length || this.#ended || this.#hits.length >= this.#total || this.#hits.length > MAX_OFFSET;
    // The last page hides the more-results control: focus on it goes back to the box first,
    // or losing it would close the results.
    if (last && this.shadowRoot!.activeElement === more) this.#parts.input.focus();
    more.hidden = last;
    this.#open(state !== "empty" && this.shadowRoot!.activeElement !== null);
  }

  #announce(text: string): void {
    this.#parts.live.textContent = text;
  }
}
