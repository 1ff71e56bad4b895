// The isolate's JavaScript heap, read over the Chrome DevTools Protocol from workerd's inspector
// (http://127.0.0.1:<inspector port>/json lists one target per worker of the process; Miniflare
// names the user's "core:user:<name>", beside its own services).
//
// Two quirks of that route, found by trying it (workerd of the wrangler 4.155 release):
// - The upgrade carries `Origin: http://127.0.0.1`: wrangler dev's inspector proxy refused a
//   WebSocket with a User-Agent (Node's sends one) and without a local Origin.
// - workerd runs V8's `HeapProfiler.collectGarbage` task only when the isolate next takes its
//   lock, that is on its next request: the reply never comes on an idle worker. So the GC call
//   is followed by requests to an empty endpoint until it answers; `Runtime.getHeapUsage` then
//   gives `usedSize`, the bytes of live objects in the isolate's V8 heap after a full GC
//   (strings, the index, compiled code), and `backingStorageSize`, the ArrayBuffer backing
//   stores outside the heap (cached shards as read, typed arrays).
// Only one DevTools client may be connected at a time; the session is opened after the timed
// requests, so no debugger is attached while latencies are measured.

interface CdpReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export interface InspectorSession {
  /** Sends one CDP command and resolves with its result; rejects on a CDP error or after `timeoutMs`. */
  call(method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

type WebSocketWithHeaders = new (url: string, init: { headers: Record<string, string> }) => WebSocket;

/** @param worker The worker whose isolate is read: Miniflare's worker name (the target is "core:user:<name>"). */
export async function openInspector(inspectorPort: number, worker: string): Promise<InspectorSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    id?: string;
    webSocketDebuggerUrl?: string;
  }[];
  const url = targets.find((target) => target.id === `core:user:${worker}`)?.webSocketDebuggerUrl;
  if (!url)
    throw new Error(
      `the inspector on port ${inspectorPort} lists no target core:user:${worker} (it lists ${targets.map((target) => target.id).join(", ")})`,
    );
  if (typeof WebSocket === "undefined")
    throw new Error(`no global WebSocket in Node ${process.version}: run the bench with Node 22`);
  const socket = new (WebSocket as unknown as WebSocketWithHeaders)(url, { headers: { Origin: "http://127.0.0.1" } });
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`could not open the DevTools WebSocket ${url}`)), {
      once: true,
    });
  });
  const pending = new Map<number, (reply: CdpReply) => void>();
  socket.addEventListener("message", (event) => {
    const reply = JSON.parse(String(event.data)) as CdpReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  // Ids far from the proxy's own (1e8 and up) and from any earlier session's.
  let nextId = 1_000 + Math.floor(Math.random() * 1_000_000);
  return {
    call(method, params = {}, timeoutMs = 60_000) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method} got no reply within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, (reply) => {
          clearTimeout(timer);
          pending.delete(id);
          if (reply.error) reject(new Error(`${method} failed: ${reply.error.message}`));
          else resolve(reply.result ?? {});
        });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

/**
 * Forces a full GC in the worker's isolate and returns its used heap in bytes. `poke` sends one
 * request to the worker (an empty endpoint), which lets workerd run the pending GC task.
 */
/** An isolate's memory after a full GC, bytes. */
export interface IsolateMemory {
  /** Live objects in the V8 heap. */
  heapBytes: number;
  /** ArrayBuffer backing stores, outside the heap. */
  backingBytes: number;
}

export async function heapAfterGc(
  session: InspectorSession,
  poke: () => Promise<unknown>,
  timeoutMs = 60_000,
): Promise<IsolateMemory> {
  let collected = false;
  const gc = session.call("HeapProfiler.collectGarbage", {}, timeoutMs).then(() => {
    collected = true;
  });
  gc.catch(() => {}); // awaited below
  for (const deadline = Date.now() + timeoutMs; !collected && Date.now() < deadline; ) {
    await poke();
    await Promise.race([gc, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  await gc;
  const { usedSize, backingStorageSize } = await session.call("Runtime.getHeapUsage");
  if (typeof usedSize !== "number") throw new Error("Runtime.getHeapUsage returned no usedSize");
  if (typeof backingStorageSize !== "number") throw new Error("Runtime.getHeapUsage returned no backingStorageSize");
  return { heapBytes: usedSize, backingBytes: backingStorageSize };
}
