// The widget's entry point (bundled into /widget.js): defines <newsfind-search> once.
import { NewsfindSearchElement } from "./element.js";

export { NewsfindSearchElement };

/** Defines the element under `name` (default "newsfind-search") unless already defined. */
export function defineNewsfindSearch(name = "newsfind-search"): CustomElementConstructor {
  if (!customElements.get(name)) customElements.define(name, NewsfindSearchElement);
  return customElements.get(name)!;
}

declare global {
  interface HTMLElementTagNameMap {
    "newsfind-search": NewsfindSearchElement;
  }
}

defineNewsfindSearch();
