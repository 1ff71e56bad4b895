// Child-process entry that builds one peer worker, so a peer that exhausts memory or crashes
// takes only this process down. Usage:
//   tsx bench/scale/peers/build-peer-cli.ts --peer minisearch|orama --corpus FILE.jsonl --dir DIR
// Prints one line `PEER-RESULT <json>` (a PeerWorker plus the article count and the process's
// peak RSS); build time includes reading and cleaning the corpus, as newsfind's build report does.
import { parseArgs } from "node:util";
import { readCleanArticles } from "../corpus-subset.js";
import { PEERS, writePeerWorker, type PeerName } from "./write-peer-worker.js";

const { values } = parseArgs({
  options: { peer: { type: "string" }, corpus: { type: "string" }, dir: { type: "string" } },
});
const peer = values.peer as PeerName;
if (!PEERS.includes(peer) || !values.corpus || !values.dir) {
  console.error(`usage: build-peer-cli.ts --peer ${PEERS.join("|")} --corpus FILE --dir DIR`);
  process.exit(2);
}
const started = performance.now();
const articles = readCleanArticles(values.corpus);
const readMs = performance.now() - started;
const result = await writePeerWorker(peer, articles, values.dir);
const buildMs = result.buildMs === null ? null : readMs + result.buildMs;
const buildRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(`PEER-RESULT ${JSON.stringify({ ...result, buildMs, buildRssBytes, articles: articles.length })}`);
