// Article bodies kept in a scratch file instead of memory while the build runs: the build
// reads each body twice (to analyse it, and to write the article store) and holds only its
// offset in between, so the memory a build takes does not grow with the text it reads.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class BodySpill {
  private readonly dir: string;
  private readonly fd: number;
  private size = 0;

  /** @param parent where the scratch folder goes; default: the system's temporary folder. */
  constructor(parent = tmpdir()) {
    this.dir = mkdtempSync(join(parent, "newsfind-bodies-"));
    this.fd = openSync(join(this.dir, "bodies.json"), "w+");
  }

  /** Writes the body out; returns what reads it back. */
  keep(body: readonly string[]): () => string[] {
    const offset = this.size;
    const length = this.write(Buffer.from(JSON.stringify(body)), offset);
    this.size += length;
    // The reader holds the offset and length only, never the bytes.
    return () => {
      const back = Buffer.allocUnsafe(length);
      for (let done = 0; done < back.length; ) {
        const n = readSync(this.fd, back, done, back.length - done, offset + done);
        if (n === 0) throw new Error("the build's scratch file of article bodies was cut short");
        done += n;
      }
      return JSON.parse(back.toString("utf8")) as string[];
    };
  }

  private write(bytes: Buffer, offset: number): number {
    for (let done = 0; done < bytes.length; )
      done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
    return bytes.length;
  }

  /** Removes the scratch file; bodies kept here cannot be read after. */
  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
