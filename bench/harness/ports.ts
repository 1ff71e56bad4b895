// Free loopback ports, chosen by the operating system: a worker never asks for a fixed port, so
// two benches, a test run and a developer's `npm start` can share the machine.
import { createServer, type Server } from "node:net";

/** `count` distinct free ports on 127.0.0.1 (all held open together while they are chosen). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, "127.0.0.1", resolve);
      });
    }
    return servers.map((server) => (server.address() as { port: number }).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
