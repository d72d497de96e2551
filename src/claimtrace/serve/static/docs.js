// API reference rendered from /openapi.json on this server: every operation with its parameters, body and
// responses, plus a ready-to-run curl line. Text goes in as text nodes only.
import { el } from "./dom.js";

function schemaSummary(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map((s) => schemaSummary(s, spec)).join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.type === "array") return `${schemaSummary(schema.items, spec)}[]`;
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : null,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : null,
    schema.pattern ? `/${schema.pattern}/` : null,
  ].filter(Boolean);
  return [schema.type ?? "any", ...bounds].join(", ") + (schema.default !== undefined ? ` (default ${JSON.stringify(schema.default)})` : "");
}

function operation(path, method, op, spec) {
  const params = op.parameters ?? [];
  const bodyRef = op.requestBody?.content?.["application/json"]?.schema;
  const body = bodyRef?.$ref ? spec.components.schemas[bodyRef.$ref.split("/").pop()] : null;
  const example = `curl -s ${method === "get" ? "" : "-X POST -H 'content-type: application/json' -d '{\"text\": \"…\"}' "}'${window.location.origin}${path}'`;
  return el(
    "section",
    { class: "operation", "data-testid": "operation" },
    el("h3", {}, el("span", { class: `method method-${method}` }, method.toUpperCase()), " ", el("code", {}, path)),
    el("p", {}, op.summary ?? ""),
    op.description ? el("p", { class: "description" }, op.description) : null,
    params.length
      ? el(
          "table",
          { class: "params" },
          el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "description"))),
          el(
            "tbody",
            {},
            params.map((p) =>
              el("tr", {}, el("td", {}, el("code", {}, p.name), p.required ? " *" : ""), el("td", {}, p.in), el("td", {}, schemaSummary(p.schema, spec)), el("td", {}, p.description ?? p.schema?.description ?? "")),
            ),
          ),
        )
      : null,
    body
      ? el(
          "table",
          { class: "params" },
          el("thead", {}, el("tr", {}, el("th", {}, "body field"), el("th", {}, "type"), el("th", {}, "description"))),
          el(
            "tbody",
            {},
            Object.entries(body.properties ?? {}).map(([name, s]) =>
              el("tr", {}, el("td", {}, el("code", {}, name)), el("td", {}, schemaSummary(s, spec)), el("td", {}, s.description ?? "")),
            ),
          ),
        )
      : null,
    el("p", { class: "responses" }, "responses: ", Object.entries(op.responses ?? {}).map(([code, r]) => `${code} ${r.description ?? ""}`).join(" · ")),
    el("pre", {}, el("code", {}, example)),
  );
}

async function render() {
  const target = document.getElementById("docs");
  try {
    const response = await fetch("/openapi.json");
    const spec = await response.json();
    const sections = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) sections.push(operation(path, method, op, spec));
    }
    target.replaceChildren(
      el("h2", {}, `${spec.info.title} API ${spec.info.version}`),
      el("p", {}, spec.info.description ?? ""),
      el("p", {}, "Errors are JSON: {\"error\": \"one line naming the parameter at fault\"}. Write endpoints answer only when the server runs with --enable-write (and a token beyond loopback)."),
      ...sections,
    );
  } catch (error) {
    target.replaceChildren(el("p", { class: "error" }, `could not load /openapi.json: ${error.message}`));
  }
}

render();
