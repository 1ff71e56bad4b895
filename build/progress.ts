// Build progress: a bar on a terminal (cli-progress), plain lines otherwise (CI logs, pipes),
// nothing when quiet. One reporter per build; phases follow each other.
import { SingleBar } from "cli-progress";

export type Progress = ((phase: string, done: number, total: number) => void) & { stop(): void };

/** Bars on a TTY stderr; a line a phase (and every 25% of a long one) elsewhere; silence when `quiet`. */
export function progressReporter({ quiet = false, tty = Boolean(process.stderr.isTTY) } = {}): Progress {
  if (quiet) return Object.assign(() => {}, { stop() {} });
  let phase = "";
  let bar: SingleBar | undefined;
  let quarter = -1;
  const report = (name: string, done: number, total: number) => {
    if (name !== phase) {
      bar?.stop();
      bar = undefined;
      phase = name;
      quarter = -1;
      if (tty) {
        bar = new SingleBar({
          format: `  ${name.padEnd(15)} [{bar}] {percentage}% {value}/{total} {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 50,
        });
        bar.start(total, done);
      }
    }
    if (bar) {
      bar.setTotal(total);
      bar.update(done);
    } else {
      const now = total > 0 ? Math.floor((4 * done) / total) : 4;
      if (now !== quarter) {
        quarter = now;
        process.stderr.write(`newsfind build: ${name} ${done.toLocaleString("en")}/${total.toLocaleString("en")}\n`);
      }
    }
  };
  return Object.assign(report, {
    stop() {
      bar?.stop();
      bar = undefined;
    },
  });
}
