// Loopback ports for the workers of one run: a worker port and an inspector port per process,
// each used once, skipping any port something else already listens on.
import { createServer } from "node:net";

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function nextFree(from: number): Promise<number> {
  for (let port = from; port < from + 500; port++) if (await isFree(port)) return port;
  throw new Error(`no free loopback port in ${from}..${from + 499}`);
}

/** Hands out fresh port pairs: workers from `first` (default 8810), inspectors from `first + 1000`. */
export function portPool(first = 8810): () => Promise<{ port: number; inspectorPort: number }> {
  let worker = first;
  let inspector = first + 1000;
  return async () => {
    const port = await nextFree(worker);
    const inspectorPort = await nextFree(inspector);
    worker = port + 1;
    inspector = inspectorPort + 1;
    return { port, inspectorPort };
  };
}
