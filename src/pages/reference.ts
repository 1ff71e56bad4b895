// GET /docs for browsers: the API reference, rendered on the server from the OpenAPI document
// (routes/openapi.ts), so it needs no script and works under the pages' strict CSP. Each
// operation gets its parameters, its responses and the fields of its JSON body; every string
// is escaped, and `code` spans in descriptions become <code>.
import type { OpenAPIV3_1 } from "openapi-types";
import { escapeHtml } from "../html/escape.js";
import { ERROR_TABLE, type ErrorCode } from "../http/errors.js";
import { document } from "./html.js";

export const REFERENCE_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1d21;background:#fff}
main{max-width:56rem;margin:0 auto;padding:1.5rem 1rem 4rem}
h2{margin-top:2.5rem;border-bottom:1px solid #d5d9e0}h3{margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e3e6eb}
code{font:.88em ui-monospace,monospace;background:#f1f3f6;padding:0 .2em;border-radius:3px}
a{color:#0b57d0}nav a{margin-right:1rem}
@media (prefers-color-scheme:dark){body{color:#e8eaed;background:#16181d}code{background:#262a31}th,td{border-color:#333842}a{color:#8ab4f8}}`;

type Schema = OpenAPIV3_1.SchemaObject & { $ref?: string; prefixItems?: unknown[] };

/** Escaped text, with `code` spans as <code>. */
function prose(text = ""): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** A short type: string, integer, "a" | "b", string[], or null-able as "string or null". */
function typeOf(schema: Schema | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "";
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.map((option) => typeOf(option as Schema)).join(" or ");
  if (schema.type === "array") {
    const items = schema.items as Schema | undefined;
    return Array.isArray(schema.prefixItems) ? "tuple" : `${typeOf(items)}[]`;
  }
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Every field of an object schema, nested ones as a.b and arrays' items as a[].b. */
function fieldsOf(schema: Schema | undefined, path = ""): { name: string; schema: Schema; required: boolean }[] {
  if (!schema) return [];
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  const object = options?.find((option) => option.type === "object") ?? schema;
  if (object.type === "array") return fieldsOf(object.items as Schema, `${path}[]`);
  if (object.type !== "object" || !object.properties) return [];
  return Object.entries(object.properties).flatMap(([name, child]) => {
    const full = path ? `${path}.${name}` : name;
    const field = { name: full, schema: child as Schema, required: object.required?.includes(name) ?? false };
    return [field, ...fieldsOf(child as Schema, full)];
  });
}

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "")}`;

function parametersTable(parameters: OpenAPIV3_1.ParameterObject[]): string {
  if (parameters.length === 0) return "<p>No parameters: any other is refused.</p>";
  const rows = parameters.map((parameter) => {
    const schema = parameter.schema as Schema | undefined;
    const about = parameter.description ?? schema?.description ?? "";
    return `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${escapeHtml(parameter.in)}</td><td>${escapeHtml(typeOf(schema))}</td><td>${prose(about)}</td></tr>`;
  });
  return `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>What it is</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function responsesTable(responses: OpenAPIV3_1.ResponsesObject): string {
  const rows = Object.entries(responses).map(([status, response]) => {
    const { description, content = {} } = response as OpenAPIV3_1.ResponseObject;
    const types = Object.keys(content).map((type) => `<code>${escapeHtml(type)}</code>`);
    return `<tr><td>${escapeHtml(status)}</td><td>${types.join(" ")}</td><td>${prose(description)}</td></tr>`;
  });
  return `<table><thead><tr><th>Status</th><th>Body</th><th>What it means</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function fieldsTable(type: string, schema: Schema): string {
  const fields = fieldsOf(schema);
  if (fields.length === 0) return "";
  const rows = fields.map(
    ({ name, schema: field, required }) =>
      `<tr><td><code>${escapeHtml(name)}</code>${required ? "" : " (optional)"}</td><td>${escapeHtml(typeOf(field))}</td><td>${prose(field.description)}</td></tr>`,
  );
  return `<p>The fields of a 200 <code>${escapeHtml(type)}</code> body:</p><table><thead><tr><th>Field</th><th>Type</th><th>What it is</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function operationSection(method: string, path: string, operation: OpenAPIV3_1.OperationObject): string {
  const ok = operation.responses?.["200"] as OpenAPIV3_1.ResponseObject | undefined;
  const bodies = Object.entries(ok?.content ?? {}).map(([type, media]) => fieldsTable(type, media.schema as Schema));
  return `<section id="${escapeHtml(anchor(method, path))}">
<h3><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code>: ${prose(operation.summary)}</h3>
<p>${prose(operation.description)}</p>
${parametersTable((operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[])}
${responsesTable(operation.responses ?? {})}
${bodies.join("\n")}
</section>`;
}

function problemsTable(): string {
  const rows = (Object.keys(ERROR_TABLE) as ErrorCode[]).map(
    (code) =>
      `<tr><td><code>/problems/${escapeHtml(code)}</code></td><td>${ERROR_TABLE[code].status}</td><td>${escapeHtml(ERROR_TABLE[code].title)}</td></tr>`,
  );
  return `<table><thead><tr><th>type</th><th>Status</th><th>Title</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The reference page of an OpenAPI document: operations grouped by tag, in the tags' order. */
export function referencePage(spec: OpenAPIV3_1.Document): string {
  const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {})
      .filter(([, operation]) => operation && typeof operation === "object" && "responses" in operation)
      .map(([method, operation]) => ({ method, path, operation: operation as OpenAPIV3_1.OperationObject })),
  );
  const groups = (spec.tags ?? []).map((tag) => {
    const members = operations.filter(({ operation }) => operation.tags?.includes(tag.name));
    return `<h2 id="tag-${escapeHtml(tag.name)}">${escapeHtml(tag.name)}</h2>
<p>${prose(tag.description)}</p>
${members.map(({ method, path, operation }) => operationSection(method, path, operation)).join("\n")}`;
  });
  const contents = operations
    .map(({ method, path }) => `<a href="#${escapeHtml(anchor(method, path))}">${escapeHtml(path)}</a>`)
    .join(" ");
  const body = `<main>
<h1>${escapeHtml(spec.info.title)} API ${escapeHtml(spec.info.version)}</h1>
<p>Every endpoint answers GET and HEAD. The machine-readable contract is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1); this page is made from it.</p>
<nav>${contents}</nav>
<h2 id="problems">Errors</h2>
<p>Every error is an RFC 9457 problem, <code>application/problem+json</code>: its <code>detail</code> says what was wrong and how to fix it, and for invalid parameters its <code>errors</code> name each one.</p>
${problemsTable()}
${groups.join("\n")}
</main>`;
  return document({ title: `${spec.info.title} API reference`, css: REFERENCE_CSS, body });
}
