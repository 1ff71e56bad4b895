// Sizes of the files under a folder: count, bytes raw and gzipped, the largest file.
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

/** Every file below `dir` (recursively), skipping those `skip` rejects (given the relative path). */
export function listFiles(dir: string, skip: (relativePath: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !skip(relative(dir, path))) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** Bytes of the file once gzipped (default level), streamed so a large file is never held whole. */
export async function gzipBytes(path: string): Promise<number> {
  let bytes = 0;
  // A counting sink as the last stage: pipeline resolves only once every gzipped byte reached it.
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  await pipeline(createReadStream(path), createGzip(), count);
  return bytes;
}

export interface FileSizes {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  largestBytes: number;
  largest: string | null;
}

/** Totals over `paths`; gzip is the sum of each file gzipped alone (as a CDN would serve them). */
export async function fileSizes(paths: readonly string[], withGzip = true): Promise<FileSizes> {
  const sizes: FileSizes = { files: paths.length, rawBytes: 0, gzipBytes: 0, largestBytes: 0, largest: null };
  for (const path of paths) {
    const size = statSync(path).size;
    sizes.rawBytes += size;
    if (withGzip) sizes.gzipBytes += await gzipBytes(path);
    if (size > sizes.largestBytes) [sizes.largestBytes, sizes.largest] = [size, path];
  }
  return sizes;
}
