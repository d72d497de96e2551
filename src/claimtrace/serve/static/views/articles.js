// Article search: full-text over titles and bodies, newest first, each result opening the article view.
import { api } from "../api.js";
import { el, toQuery } from "../dom.js";

export async function articlesView(container, params) {
  const q = params.get("q") ?? "";
  const offset = Number(params.get("offset") ?? 0) || 0;
  const limit = 20;
  const input = el("input", { type: "search", name: "q", value: q, placeholder: "search article text", "aria-label": "search articles" });
  const form = el("form", { class: "filters", "data-testid": "article-search" }, input, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = `#/articles${toQuery({ q: input.value })}`;
  });
  const { items, has_more: hasMore } = await api.articles({ q, limit, offset });
  const list = el(
    "ol",
    { class: "article-list", "data-testid": "article-list" },
    items.map((a) =>
      el(
        "li",
        {},
        el("a", { href: `#/article/${a.article_id}`, "data-testid": "article-link" }, a.title ?? a.record_id ?? `article ${a.article_id}`),
        el("span", { class: "article-meta" }, ` ${a.outlet ?? "unknown outlet"} · ${a.published ?? "undated"}`),
        a.snippet ? el("p", { class: "snippet" }, a.snippet) : null,
      ),
    ),
  );
  const pager = el(
    "p",
    { class: "pager" },
    offset > 0 ? el("a", { href: `#/articles${toQuery({ q, offset: Math.max(0, offset - limit) })}` }, "← previous") : null,
    ` ${items.length ? `${offset + 1}–${offset + items.length}` : "no articles"} `,
    hasMore ? el("a", { href: `#/articles${toQuery({ q, offset: offset + limit })}` }, "next →") : null,
  );
  container.replaceChildren(el("section", { "data-testid": "articles-view" }, el("h2", {}, "Articles"), form, pager, list));
}
