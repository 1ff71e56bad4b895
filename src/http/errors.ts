// The API's one error type and its table of codes. `apiErrorOf` says which API error a thrown
// value stands for (the engine's own errors and Hono's included), and `problemResponse` renders
// it as RFC 9457 application/problem+json; app.onError sends every failure through both.
import { HTTPException } from "hono/http-exception";
import { EngineError } from "../engine/errors.js";
import { jsonResponse } from "./json.js";

/**
 * Every error the API returns, by stable machine code. An engine error's code is a row here
 * too (the type check in `apiErrorOf` sees to it), so its status and title are set in one place.
 */
export const ERROR_TABLE = {
  "invalid-parameter": { status: 400, title: "Invalid request parameter" },
  "not-found": { status: 404, title: "Not found" },
  "article-not-found": { status: 404, title: "Article not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "index-unavailable": { status: 503, title: "Search index unavailable" },
  internal: { status: 500, title: "Internal server error" },
} as const;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** One problem with one request parameter. */
export interface ParamError {
  param: string;
  message: string;
}

export class NewsfindError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors?: ParamError[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    detail: string,
    extra: { errors?: ParamError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "NewsfindError";
    this.code = code;
    this.status = ERROR_TABLE[code].status;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ParamError[];
}

/** The API error a thrown value stands for; undefined for a failure nobody planned (a bug). */
export function apiErrorOf(error: unknown): NewsfindError | undefined {
  if (error instanceof NewsfindError) return error;
  if (error instanceof EngineError) return new NewsfindError(error.code, error.message);
  if (error instanceof HTTPException) {
    const code =
      error.status === 404
        ? "not-found"
        : error.status === 405
          ? "method-not-allowed"
          : error.status < 500
            ? "invalid-parameter"
            : "internal";
    return new NewsfindError(code, error.message || "the request could not be handled");
  }
  return undefined;
}

/** Renders an API error as problem+json; without one (an unplanned failure), an `internal` problem. */
export function problemResponse(error: NewsfindError | undefined, instance?: string): Response {
  const known =
    error ??
    new NewsfindError("internal", "the server failed to answer this request; try again, and report it if it persists");
  const problem: Problem = {
    type: `/problems/${known.code}`,
    title: ERROR_TABLE[known.code].title,
    status: known.status,
    detail: known.message,
    ...(instance ? { instance } : {}),
    ...(known.errors ? { errors: known.errors } : {}),
  };
  return jsonResponse(problem, {
    status: known.status,
    type: "application/problem+json",
    headers: { "cache-control": "no-store", ...known.headers },
  });
}
