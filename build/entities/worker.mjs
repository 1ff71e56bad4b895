// The named-entity tagger's thread (build/entities/extract.ts starts it): each batch of texts
// is tagged (tag.mjs) and answered on the port the build reads synchronously; a null asks for
// the flag the build waits on.
import { parentPort, workerData } from "node:worker_threads";
import { mentionsOf } from "./tag.mjs";

const { signal, port } = workerData;
/** Raises the flag the build waits on: 1 when every result is sent, 2 when the thread failed. */
const raise = (value) => {
  Atomics.store(signal, 0, value);
  Atomics.notify(signal, 0);
};
process.on("uncaughtException", (error) => {
  port.postMessage({ first: -1, error: String(error?.stack ?? error) });
  raise(2);
});
parentPort.on("message", (batch) => {
  if (batch === null) raise(1);
  else port.postMessage({ first: batch.first, mentions: mentionsOf(batch.texts) });
});
