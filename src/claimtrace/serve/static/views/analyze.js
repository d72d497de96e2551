// Analyze: paste text or a whole HTML page, get its claims back in the article layout. Only offered when the
// server runs with --enable-write; the token, if one is needed, stays in this page's memory.
import { ApiError } from "../api.js";
import { el } from "../dom.js";
import { articleLayout } from "./article.js";

let token = "";

async function postAnalyze(body) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch("/api/analyze", { method: "POST", headers, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, answer?.error ?? `HTTP ${response.status}`);
  return answer;
}

export function analyzeView(container) {
  const input = el("textarea", { name: "document", "aria-label": "document", placeholder: "paste article text or HTML", "data-testid": "analyze-input" });
  const kind = el("select", { name: "kind", "aria-label": "input kind" }, el("option", { value: "text" }, "text"), el("option", { value: "html" }, "HTML"));
  const published = el("input", { type: "date", name: "published", "aria-label": "published" });
  const tokenInput = el("input", { type: "password", name: "token", "aria-label": "token", placeholder: "token (if the server needs one)", value: token });
  const result = el("div", { "data-testid": "analyze-result", "aria-live": "polite" });
  const form = el(
    "form",
    { class: "filters analyze-form", "data-testid": "analyze-form" },
    input,
    el("label", {}, "input", kind),
    el("label", {}, "published", published),
    el("label", {}, "token", tokenInput),
    el("button", { type: "submit" }, "Analyze"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    token = tokenInput.value;
    result.replaceChildren(el("p", { class: "empty" }, "Analysing…"));
    const body = { id: "pasted", [kind.value]: input.value };
    if (published.value) body.published = published.value;
    try {
      result.replaceChildren(articleLayout(await postAnalyze(body)));
    } catch (error) {
      result.replaceChildren(el("p", { class: "error", role: "alert", "data-testid": "error" }, error.message));
    }
  });
  container.replaceChildren(el("section", { "data-testid": "analyze-view" }, el("h2", {}, "Analyze a document"), form, result));
}
