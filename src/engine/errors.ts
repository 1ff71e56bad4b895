// The engine's one error type. The engine knows nothing of HTTP: it says what went wrong with a
// stable code and a message naming the fix, and the HTTP layer (src/http/errors.ts) decides
// which problem response each code becomes.

/** Every way the engine fails on purpose, by stable machine code. */
export type EngineErrorCode =
  /** The index cannot be opened or read: wrong format, missing artefacts or asset files, no ASSETS binding. */
  "index-unavailable";

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
    this.code = code;
  }
}
