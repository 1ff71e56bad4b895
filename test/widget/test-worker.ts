// The browser tests' worker: the seed bundle at /, the hostile fixture under /hostile/ and the
// mixed fixture (articles of many months) under /mixed/ (the widget's `endpoint` attribute
// points there), each with the built widget.
import * as hostile from "../../dist/test-index/hostile/artefacts.js";
import * as mixed from "../../dist/test-index/mixed/artefacts.js";
import * as seeds from "../../dist/test-index/seeds/artefacts.js";
import { source as widget } from "../../dist/widget/widget.js";
import { createApp } from "../../src/app.js";

const seedApp = createApp({ artefacts: seeds, widget });
const under = {
  "/hostile": createApp({ artefacts: hostile, widget }),
  "/mixed": createApp({ artefacts: mixed, widget }),
};

export default {
  fetch(request: Request, env: unknown, ctx: ExecutionContext): Response | Promise<Response> {
    const url = new URL(request.url);
    for (const [prefix, app] of Object.entries(under)) {
      if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) continue;
      url.pathname = url.pathname.slice(prefix.length) || "/";
      return app.fetch(new Request(url, request), env, ctx);
    }
    return seedApp.fetch(request, env, ctx);
  },
};
