// The bench's HTTP client: one keep-alive HTTP/1.1 connection, one request at a time, written
// and read by hand. Node's fetch (undici) adds pooling, streams and promise layers that cost
// more than an empty worker request and whose pauses showed up as tail latency of their own;
// this client keeps the measured time close to the worker's. GET only; bodies are read whole,
// by Content-Length or chunked transfer coding.
import { connect, type Socket } from "node:net";

export interface HttpResponse {
  status: number;
  /** Milliseconds from writing the request to having the whole body. */
  ms: number;
  body: Buffer;
}

export interface HttpClient {
  get(path: string): Promise<HttpResponse>;
  close(): void;
}

const HEADER_END = Buffer.from("\r\n\r\n");

/** The body's end offset in `buffer` (from `start`), or -1 while more bytes are needed. */
function chunkedEnd(buffer: Buffer, start: number): number {
  let at = start;
  for (;;) {
    const line = buffer.indexOf("\r\n", at);
    if (line < 0) return -1;
    const size = Number.parseInt(buffer.toString("latin1", at, line), 16);
    if (Number.isNaN(size)) throw new Error(`bad chunk size at byte ${at}`);
    at = line + 2 + size + 2;
    if (at > buffer.length) return -1;
    if (size === 0) return at;
  }
}

/** Decodes a chunked body (sizes, data, CRLFs) into its bytes. */
function dechunk(buffer: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; ; ) {
    const line = buffer.indexOf("\r\n", at);
    const size = Number.parseInt(buffer.toString("latin1", at, line), 16);
    if (size === 0) return Buffer.concat(parts);
    parts.push(buffer.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

/** Opens a connection to host:port; the time of connecting is not part of any request. */
export async function httpClient(host: string, port: number): Promise<HttpClient> {
  const socket: Socket = connect({ host, port, noDelay: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  let received: Buffer[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  socket.on("data", (chunk) => {
    received.push(chunk);
    wake?.();
  });
  const fail = (error: Error) => {
    failure = error;
    wake?.();
  };
  socket.on("error", fail);
  socket.on("close", () => fail(new Error(`the connection to ${host}:${port} closed`)));
  const more = () => new Promise<void>((resolve) => (wake = resolve));

  return {
    async get(path) {
      received = [];
      const start = performance.now();
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: application/json\r\n\r\n`);
      for (;;) {
        if (failure) throw failure;
        const buffer = received.length === 1 ? received[0]! : Buffer.concat(received);
        received = [buffer];
        const headEnd = buffer.indexOf(HEADER_END);
        if (headEnd >= 0) {
          const head = buffer.toString("latin1", 0, headEnd);
          const bodyStart = headEnd + 4;
          const length = /\r\ncontent-length: *(\d+)/i.exec(head);
          if (length) {
            const end = bodyStart + Number(length[1]);
            if (buffer.length >= end)
              return {
                status: Number(head.slice(9, 12)),
                ms: performance.now() - start,
                body: buffer.subarray(bodyStart, end),
              };
          } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
            const end = chunkedEnd(buffer, bodyStart);
            if (end >= 0) {
              const ms = performance.now() - start;
              return { status: Number(head.slice(9, 12)), ms, body: dechunk(buffer.subarray(bodyStart, end)) };
            }
          } else {
            throw new Error(
              `${path}: a response with neither Content-Length nor chunked coding (${head.split("\r\n")[0]})`,
            );
          }
        }
        await more();
      }
    },
    close: () => socket.destroy(),
  };
}
