// The widget's stylesheet, inside its shadow root. Theming goes through --newsfind-* custom
// properties (set them on the element or any ancestor) and ::part(); the host page's own rules
// cannot reach inside. Light by default, dark with prefers-color-scheme or theme="dark".

const LIGHT = `--newsfind-text:#1b1d21;--newsfind-muted:#555b65;--newsfind-background:#fff;--newsfind-border:#8a9099;--newsfind-accent:#0b57d0;--newsfind-active:#e8f0fe;--newsfind-mark:#fde68a;--newsfind-mark-text:#1b1d21;--newsfind-error:#b3261e`;
const DARK = `--newsfind-text:#e8eaed;--newsfind-muted:#aab0ba;--newsfind-background:#16181d;--newsfind-border:#6b717b;--newsfind-accent:#8ab4f8;--newsfind-active:#263247;--newsfind-mark:#facc15;--newsfind-mark-text:#16181d;--newsfind-error:#f2b8b5`;

export const CSS = `
:host{all:initial!important;display:block!important;position:relative!important;min-width:0!important;${LIGHT}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}
:host([theme=dark]){${DARK}}
:host([hidden]){display:none!important}
*{box-sizing:border-box}
.root{font:var(--newsfind-font-size,16px)/1.4 var(--newsfind-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--newsfind-text);background:var(--newsfind-background);text-align:start;position:relative}
input,select,button{font:inherit;color:inherit;background:var(--newsfind-background);border:1px solid var(--newsfind-border);border-radius:var(--newsfind-radius,6px);margin:0}
input,select{padding:.4em .6em;min-width:0}
.box{display:block;width:100%;font-size:1.1em}
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:2px solid var(--newsfind-accent);outline-offset:1px}
.filters{display:flex;flex-wrap:wrap;gap:.4em;margin-top:.4em;font-size:.875em}
.filters select{flex:1 1 8em}
.filters label{display:flex;align-items:center;gap:.3em;flex:1 1 9em;color:var(--newsfind-muted)}
.filters input{flex:1;color:var(--newsfind-text)}
.panel{position:absolute;z-index:var(--newsfind-z,1000);top:100%;left:0;right:0;margin-top:.25em;max-height:var(--newsfind-max-height,70vh);overflow:auto;background:var(--newsfind-background);border:1px solid var(--newsfind-border);border-radius:var(--newsfind-radius,6px);box-shadow:0 .5em 1.5em #0003}
[hidden]{display:none!important}
.status{margin:0;padding:.6em .8em;color:var(--newsfind-muted)}
.status[data-kind=error]{color:var(--newsfind-error)}
.suggest{margin:0;padding:.6em .8em 0}
.facets{padding:.5em .8em 0}
.bars{display:flex;gap:2px;height:2.2em;overflow-x:auto}
.bar{flex:1 0 10px;padding:0;border:0;border-radius:2px;background:linear-gradient(to top,var(--newsfind-accent) var(--h),transparent 0);opacity:.55;cursor:pointer}
.bar:hover,.bar:focus-visible,.bar[aria-pressed=true]{opacity:1}
.chips{display:flex;flex-wrap:wrap;gap:.3em;margin-top:.4em}
.chip{font-size:.8em;padding:.15em .6em;border-radius:1em;cursor:pointer}
.chip[aria-pressed=true]{background:var(--newsfind-active);border-color:var(--newsfind-accent)}
.suggestion{border:0;padding:0;background:none;color:var(--newsfind-accent);text-decoration:underline;cursor:pointer}
.list{margin:0;padding:0}
.list[aria-busy=true]{opacity:.6}
.option{display:block;padding:.6em .8em;color:inherit;text-decoration:none;border-top:1px solid var(--newsfind-border);overflow-wrap:anywhere}
.option:first-child{border-top:0}
.option[aria-selected=true]{background:var(--newsfind-active)}
.group-label{padding:.5em .8em .3em;border-top:1px solid var(--newsfind-border);color:var(--newsfind-muted);font-size:.85em;font-weight:600}
.list>.group:first-child>.group-label{border-top:0}
.title{display:block;color:var(--newsfind-accent);font-weight:600;text-decoration:underline}
.meta{display:block;color:var(--newsfind-muted);font-size:.85em}
.snippet{display:block;margin-top:.2em;font-size:.9em}
mark{background:var(--newsfind-mark);color:var(--newsfind-mark-text);padding:0 .1em;border-radius:2px}
.more{display:block;width:calc(100% - 1.6em);margin:.4em .8em .8em;padding:.4em;cursor:pointer;color:var(--newsfind-accent)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

/** Attaches the stylesheet: a constructed sheet where supported, else a <style> element. */
export function adoptStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = CSS;
  root.append(style);
}
