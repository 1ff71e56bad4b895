// A route's entry in the OpenAPI document: `documented({...})` is the describeRoute middleware
// of hono-openapi, with the responses every route shares written once. Success bodies are
// valibot schemas (responses.ts) or, for XML, HTML and JavaScript, a plain string schema; error
// bodies are the problem schema, one response a status, naming the problem types it carries.
import { describeRoute, resolver } from "hono-openapi";
import type { OpenAPIV3_1 } from "openapi-types";
import type * as v from "valibot";
import { ERROR_TABLE, type ErrorCode } from "./errors.js";
import { problemResponse } from "./responses.js";

/** Groups of the document's operations, in the order the reference page lists them. */
export const TAGS = [
  { name: "search", description: "Searching the archive, and following a search." },
  { name: "articles", description: "The archive's articles and what it can be filtered by." },
  { name: "service", description: "The worker's state and its description of itself." },
  { name: "browser", description: "Pages, the widget and the browser's search integration." },
] as const;

type Tag = (typeof TAGS)[number]["name"];

/** A success body: a valibot schema (JSON) or, for text formats, a description of the text. */
type Body = v.GenericSchema | { text: string };

export interface RouteDoc {
  /** One line, shown as the operation's title. */
  summary: string;
  /** What the route does, for whom, and what it costs; Markdown. */
  description: string;
  tag: Tag;
  /** The 200 response: what it is, and its body by media type. */
  ok: { description: string; content: Record<string, Body> };
  /** Error codes the route may answer besides invalid-parameter, rate-limited and internal. */
  problems?: ErrorCode[];
  /** Whether the route answers If-None-Match with 304 (an ETag on every 200). Default false. */
  tagged?: boolean;
  /** The response headers of a 200 worth naming, with what they say. */
  headers?: Record<string, string>;
  /** Whether the route answers through the edge cache (a Cache-Status on every 200). Default false. */
  cached?: boolean;
  /**
   * Answers besides the 200 and the problems, by status: their bodies join the problem's when
   * the status has one (/health's 503 "degraded" beside an index that cannot load). Default none.
   */
  also?: Record<string, { description: string; content: Record<string, Body> }>;
  /** Parameters the route reads without a validator (which documents its own). Default none. */
  parameters?: OpenAPIV3_1.ParameterObject[];
}

/** Problems every route may answer: a bad parameter, too many requests, a bug. */
const ALWAYS: ErrorCode[] = ["invalid-parameter", "rate-limited", "internal"];

/** The problem schema, as the document's one `Problem` component that every error refers to. */
export async function problemSchema(): Promise<OpenAPIV3_1.SchemaObject> {
  // Loaded with the document, not when the worker starts.
  const { toJsonSchema } = await import("@valibot/to-json-schema");
  const { $schema: _, ...schema } = toJsonSchema(problemResponse, { target: "draft-2020-12" });
  return schema as OpenAPIV3_1.SchemaObject;
}

const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

/** The 400 of every route that validates its parameters (hono-openapi adds it to each). */
export const VALIDATION_PROBLEM: OpenAPIV3_1.ResponseObject = {
  description: `${ERROR_TABLE["invalid-parameter"].title} (\`/problems/invalid-parameter\`): the problem's \`errors\` name each parameter and its fix.`,
  content: problemContent,
};

/** One response a status, its description naming each problem type it carries. */
export function problemResponses(codes: readonly ErrorCode[]): Record<string, OpenAPIV3_1.ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(ERROR_TABLE[code].status, [...(byStatus.get(ERROR_TABLE[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.map((code) => `${ERROR_TABLE[code].title} (\`/problems/${code}\`)`).join("; "),
        content: problemContent,
        ...(status === 429 && {
          headers: {
            "retry-after": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
          },
        }),
      },
    ]),
  );
}

const isSchema = (body: Body): body is v.GenericSchema => "~standard" in body;

export function documented({
  summary,
  description,
  tag,
  ok,
  problems = [],
  tagged = false,
  cached = false,
  headers = {},
  parameters,
  also = {},
}: RouteDoc) {
  const contentOf = (bodies: Record<string, Body>) =>
    Object.fromEntries(
      Object.entries(bodies).map(([type, body]) => [
        type,
        { schema: isSchema(body) ? resolver(body) : { type: "string" as const, description: body.text } },
      ]),
    );
  const content = contentOf(ok.content);
  const problemsByStatus: Record<string, OpenAPIV3_1.ResponseObject> = problemResponses(
    [...ALWAYS, ...problems].filter((code) => code !== "invalid-parameter"),
  );
  const others = Object.fromEntries(
    Object.entries(also).map(([status, answer]) => {
      const problem = problemsByStatus[status];
      return [
        status,
        {
          description: problem ? `${answer.description}; or ${problem.description}` : answer.description,
          content: { ...problem?.content, ...contentOf(answer.content) },
        },
      ];
    }),
  );
  const okHeaders = {
    ...headers,
    "cache-control": "How long the response may be cached, by the browser and the edge.",
    ...(tagged && { etag: "The body's tag: send it back in If-None-Match to get 304 when nothing changed." }),
    ...(cached && {
      "cache-status":
        "What the edge cache did (RFC 9211): `newsfind; hit`, `newsfind; fwd=uri-miss`, or `newsfind; fwd=bypass`.",
    }),
  };
  return describeRoute({
    summary,
    description,
    tags: [tag],
    ...(parameters && { parameters }),
    responses: {
      200: {
        description: ok.description,
        headers: Object.fromEntries(
          Object.entries(okHeaders).map(([name, about]) => [name, { description: about, schema: { type: "string" } }]),
        ),
        content,
      },
      ...(tagged && { 304: { description: "Not modified: the If-None-Match tag is the current one." } }),
      ...problemsByStatus,
      ...others,
    },
  });
}
