// The records of a web archive (WARC, plain or gzip-compressed), read by the warcio package.
// warcio's reader is asynchronous only, and the corpus formats are synchronous (a format visits
// its units during the build's single pass), so warcio runs in a worker thread while this
// thread waits on a shared flag (Atomics.wait), then takes the worker's one message with
// receiveMessageOnPort: the synchronous call the formats need, with warcio doing the parsing.
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";

/** A WARC record as the formats use it: its WARC headers, HTTP status and headers, and content. */
export interface WarcRecord {
  /** WARC-Type: "response", "request", "warcinfo", "metadata", "revisit", ... */
  type: string;
  /** WARC-Target-URI, or null. */
  uri: string | null;
  /** WARC-Date: when the crawler captured it. */
  date: string | null;
  /** The HTTP status code of a response record, or null. */
  status: number | null;
  /** The HTTP Content-Type of a response record (or the WARC Content-Type of another), or null. */
  contentType: string | null;
  /**
   * The HTTP body with transfer and content encodings undone (chunked, gzip), for a response
   * or resource record of a Content-Type `contentTypes` matches; null for the others, whose
   * content is not copied.
   */
  content: Uint8Array | null;
}

/** What `readWarcRecords` returns: the records read, and why reading stopped early, if it did. */
export interface WarcRecords {
  records: WarcRecord[];
  /** Why the archive could not be read to its end (the records before it are kept), or null. */
  error: string | null;
}

export interface ReadWarcOptions {
  /**
   * Content-Types whose content is copied; default HTML (text/html, application/xhtml+xml).
   * Example: `/^text\/plain/i`.
   */
  contentTypes?: RegExp;
  /** Longest wait for the worker, ms; default 120,000 (a large archive's worth). */
  timeoutMs?: number;
}

/** The Content-Types of an HTML page. */
export const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/**
 * The worker: parses the archive with warcio, sends every record's headers (and the content the
 * main thread asked for), then raises the flag. Plain
 * CommonJS, so it loads the same way under any TypeScript runner.
 */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { warcio, source, port, flag, contentTypes } = workerData;
const copied = new RegExp(contentTypes.source, contentTypes.flags);
const records = [];
let error = null;
let answered = false;
function answer() {
  if (answered) return;
  answered = true;
  port.postMessage({ records, error });
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
// Should warcio leave a promise unsettled (its skipFully does on a record cut short), the
// thread runs out of work and exits: it answers then, rather than leave the build waiting.
process.on("exit", () => {
  error ??= "the archive ends inside a record";
  answer();
});
(async () => {
  try {
    const { WARCParser } = require(warcio);
    const input = typeof source === "string" ? require("node:fs").createReadStream(source) : [source];
    for await (const record of WARCParser.iterRecords(input)) {
      const http = record.httpHeaders;
      const type = record.warcType ?? "";
      const status = http && type === "response" ? Number(http.statusCode) : null;
      const head = {
        type,
        uri: record.warcTargetURI ?? null,
        date: record.warcDate ?? null,
        status: Number.isFinite(status) ? status : null,
        contentType: (http ? http.headers.get("content-type") : record.warcContentType) ?? null,
      };
      const wanted = (type === "response" || type === "resource") && copied.test(head.contentType ?? "");
      // Read through every record (warcio's skipFully never settles on one cut short).
      const content = await record.readFully(wanted);
      records.push({ ...head, content: wanted ? content : null });
    }
  } catch (caught) {
    error = caught && caught.message ? caught.message : String(caught);
  }
  answer();
})();
`;

/**
 * Reads every record of a WARC file (gzip-compressed or not; warcio tells them apart),
 * synchronously. `source` is the file's path, streamed by the worker so an archive of
 * gigabytes is never held whole, or its bytes.
 * @throws Error when the worker does not answer within `timeoutMs`.
 */
export function readWarcRecords(source: string | Uint8Array, options: ReadWarcOptions = {}): WarcRecords {
  const { contentTypes = HTML_TYPES, timeoutMs = 120_000 } = options;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      warcio: createRequire(import.meta.url).resolve("warcio"),
      source,
      port: port2,
      flag,
      contentTypes: { source: contentTypes.source, flags: contentTypes.flags },
    },
    transferList: [port2],
  });
  try {
    if (Atomics.wait(flag, 0, 0, timeoutMs) === "timed-out") {
      throw new Error(`warcio did not finish reading the archive within ${timeoutMs / 1000} s`);
    }
    const message = receiveMessageOnPort(port1)?.message as WarcRecords | undefined;
    if (!message) throw new Error("the archive reader ended without an answer");
    return message;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
