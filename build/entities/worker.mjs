// The named-entity tagger's thread (build/entities/thread.ts starts it): each batch of texts is
// tagged (tag.mjs) and answered on the port the build reads synchronously, and counted in the
// signal; a `done` raises the flag the build waits on. A failure, loading the tagger included,
// is answered and raises the flag too, so that the build never waits on a dead thread.
import { parentPort, workerData } from "node:worker_threads";

const { signal, port } = workerData;
/** Raises the flag the build waits on: 1 when every batch is answered, 2 when the thread failed. */
const raise = (value) => {
  Atomics.store(signal, 0, value);
  Atomics.notify(signal, 0);
};
const fail = (error) => {
  port.postMessage({ tagger: -1, first: -1, error: String(error?.stack ?? error) });
  raise(2);
};
process.on("uncaughtException", fail);

let mentionsOf;
try {
  ({ mentionsOf } = await import("./tag.mjs"));
} catch (error) {
  fail(error);
}
parentPort.on("message", (message) => {
  if (!mentionsOf) return fail(new Error("the tagger did not load"));
  if (message.done) return raise(1);
  port.postMessage({ tagger: message.tagger, first: message.first, mentions: mentionsOf(message.texts) });
  Atomics.add(signal, 1, 1);
});
