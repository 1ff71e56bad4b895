// The entity tagger's thread for builds in Node (extract.ts says what is tagged and why): compromise
// (tag.mjs) runs on a worker thread while the build compiles the index on the main one.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { Mentions, Tagger } from "./extract.js";

/** Texts sent to the thread at once. */
const BATCH = 200;

/** The compromise version, for the build cache's key: another tagger tags differently. */
export function taggerVersion(): string {
  // Its package.json is not among its exports: found above its entry point.
  let dir = dirname(createRequire(import.meta.url).resolve("compromise"));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

/** The tagger's thread, started by the first build of a process and kept for the next (compromise takes a while to load). */
interface TaggerThread {
  worker: Worker;
  /** Results come back on it. */
  port: MessagePort;
  /** Raised to 1 when every text sent before a `null` is answered, 2 when the thread failed. */
  signal: Int32Array;
}
let thread: TaggerThread | undefined;

function taggerThread(): TaggerThread {
  if (thread) return thread;
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
    workerData: { signal, port: channel.port2 },
    transferList: [channel.port2],
  });
  // Idle, it keeps no process alive.
  worker.unref();
  channel.port1.unref();
  thread = { worker, port: channel.port1, signal };
  return thread;
}

/**
 * Tags texts on a worker thread while the caller goes on; `finish` waits for the last. The
 * build is synchronous, so results come back through a port read with `receiveMessageOnPort`
 * after an `Atomics.wait` on a flag the thread raises when it has answered them all.
 */
export class EntityTagger implements Tagger {
  private batch: { first: number; texts: string[] } = { first: 0, texts: [] };
  private sent = 0;

  /** Queues the text of item `n`. */
  add(n: number, text: string): void {
    if (this.batch.texts.length > 0 && n !== this.batch.first + this.batch.texts.length) this.flush();
    if (this.batch.texts.length === 0) this.batch.first = n;
    this.batch.texts.push(text);
    if (this.batch.texts.length === BATCH) this.flush();
  }

  private flush(): void {
    if (this.batch.texts.length === 0) return;
    taggerThread().worker.postMessage(this.batch);
    this.sent += this.batch.texts.length;
    this.batch = { first: 0, texts: [] };
  }

  /** Every queued text's mentions, by item number. Throws when the thread failed. */
  finish(): Map<number, Mentions> {
    this.flush();
    const found = new Map<number, Mentions>();
    if (this.sent === 0) return found;
    const { worker, port, signal } = taggerThread();
    worker.postMessage(null);
    while (Atomics.load(signal, 0) === 0) Atomics.wait(signal, 0, 0, 1000);
    const failed = Atomics.load(signal, 0) === 2;
    Atomics.store(signal, 0, 0);
    let error: string | undefined;
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const answer = message.message as { first: number; mentions?: Mentions[]; error?: string };
      if (answer.error !== undefined) error = answer.error;
      else
        answer.mentions!.forEach((item, i) => {
          found.set(answer.first + i, item);
        });
    }
    if (failed || error !== undefined || found.size !== this.sent) {
      void worker.terminate();
      thread = undefined;
      throw new Error(`the entity tagger failed: ${error ?? "it stopped before it tagged every article"}`);
    }
    return found;
  }
}
