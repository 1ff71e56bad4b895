// The browser tests' worker: the seed bundle at /, and the hostile fixture under /hostile/ (the
// widget's `endpoint` attribute points there), each with the built widget.
import * as hostile from "../../dist/test-index/hostile/artefacts.js";
import * as seeds from "../../dist/test-index/seeds/artefacts.js";
import { source as widget } from "../../dist/widget/widget.js";
import { createApp } from "../../src/app.js";

const seedApp = createApp({ artefacts: seeds, widget });
const hostileApp = createApp({ artefacts: hostile, widget });

export default {
  fetch(request: Request, env: unknown, ctx: ExecutionContext): Response | Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== "/hostile" && !url.pathname.startsWith("/hostile/")) return seedApp.fetch(request, env, ctx);
    url.pathname = url.pathname.slice("/hostile".length) || "/";
    return hostileApp.fetch(new Request(url, request), env, ctx);
  },
};
