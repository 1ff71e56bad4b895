// The scale bench's HTTP client: whole bodies by Content-Length or chunked coding, split
// across packets, over one kept-alive connection; and timedGet's refusal of an error status.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpClient, type HttpClient } from "../../../bench/harness/http-client.js";
import { timedGet } from "../../../bench/scale/timing.js";

let server: Server;
let client: HttpClient;
const connections = new Set<unknown>();

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/length") {
      response.setHeader("content-length", "11");
      response.end("hello world");
    } else if (request.url === "/chunked") {
      // No Content-Length: Node sends chunked coding, one chunk a write, in separate packets.
      response.write("first,");
      setTimeout(() => response.write("second,"), 5);
      setTimeout(() => response.end("third"), 10);
    } else {
      response.statusCode = 404;
      response.end("no such page");
    }
  });
  server.on("connection", (socket) => connections.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = await httpClient("127.0.0.1", (server.address() as AddressInfo).port);
});

afterAll(async () => {
  client.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("httpClient", () => {
  it("reads a body by its Content-Length", async () => {
    const response = await client.get("/length");
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello world");
    expect(response.ms).toBeGreaterThan(0);
  });

  it("reads a chunked body whose chunks arrive apart", async () => {
    const response = await client.get("/chunked");
    expect(response.body.toString()).toBe("first,second,third");
  });

  it("keeps one connection for every request", async () => {
    for (let i = 0; i < 5; i++) expect((await client.get(i % 2 ? "/length" : "/chunked")).status).toBe(200);
    expect(connections.size).toBe(1);
  });
});

describe("timedGet", () => {
  it("throws with the status and body of a non-2xx answer", async () => {
    await expect(timedGet(client, "/missing")).rejects.toThrow(/404: no such page/);
  });
});
