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
  /**
   * [0]: raised to 1 when every batch sent before a `done` is answered, to 2 when the thread
   * failed; [1]: counts the batches answered, so that a thread that died unseen is noticed.
   */
  signal: Int32Array;
}
let thread: TaggerThread | undefined;

/** How long a thread may answer nothing before the build gives up on it, ms. */
const STALL_MS = 120_000;

/** Numbers each tagger: answers to another (of a build that failed before it finished) are ignored. */
let taggers = 0;

function taggerThread(): TaggerThread {
  if (thread) return thread;
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
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

/** Ends the thread, so that the next build starts another. */
function dropThread(): void {
  void thread?.worker.terminate();
  thread?.port.close();
  thread = undefined;
}

/**
 * Tags texts on a worker thread while the caller goes on; `finish` waits for the last. The
 * build is synchronous, so results come back through a port read with `receiveMessageOnPort`
 * after an `Atomics.wait` on a flag the thread raises when it has answered them all; a thread
 * that answers nothing for STALL_MS is given up.
 */
export class EntityTagger implements Tagger {
  private readonly id = ++taggers;
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
    taggerThread().worker.postMessage({ tagger: this.id, ...this.batch });
    this.sent += this.batch.texts.length;
    this.batch = { first: 0, texts: [] };
  }

  /** Every queued text's mentions, by item number. Throws when the thread failed or stalled. */
  finish(): Map<number, Mentions> {
    this.flush();
    const found = new Map<number, Mentions>();
    if (this.sent === 0) return found;
    const { worker, port, signal } = taggerThread();
    worker.postMessage({ tagger: this.id, done: true });
    let answered = Atomics.load(signal, 1);
    let heard = performance.now();
    while (Atomics.load(signal, 0) === 0) {
      Atomics.wait(signal, 0, 0, 1000);
      if (Atomics.load(signal, 1) !== answered) {
        answered = Atomics.load(signal, 1);
        heard = performance.now();
      } else if (performance.now() - heard > STALL_MS) {
        dropThread();
        throw new Error(`the entity tagger failed: its thread answered nothing for ${STALL_MS / 1000} s`);
      }
    }
    const failed = Atomics.load(signal, 0) === 2;
    Atomics.store(signal, 0, 0);
    let error: string | undefined;
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const answer = message.message as { tagger: number; first: number; mentions?: Mentions[]; error?: string };
      if (answer.error !== undefined) error = answer.error;
      else if (answer.tagger === this.id)
        answer.mentions!.forEach((item, i) => {
          found.set(answer.first + i, item);
        });
    }
    if (failed || error !== undefined || found.size !== this.sent) {
      dropThread();
      throw new Error(`the entity tagger failed: ${error ?? "it stopped before it tagged every article"}`);
    }
    return found;
  }
}
