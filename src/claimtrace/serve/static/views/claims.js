// Claims explorer: the filters of `claimtrace claims`, kept in the URL so a view can be shared, with paging
// and links into each article and each claim's provenance.
import { api } from "../api.js";
import { CERTAINTY_LABELS, EVENT_STATUSES, certaintyBadge, eventBadge, statusBadge } from "../badges.js";
import { el, toQuery } from "../dom.js";

const TEXT_FILTERS = [
  ["q", "text", "words in the claim"],
  ["actor", "text", "actor"],
  ["source", "text", "source"],
  ["outlet", "text", "outlet"],
  ["since", "date", "since"],
  ["until", "date", "until"],
];
const PAGE_SIZES = [25, 50, 100];

function select(name, values, current, label) {
  return el(
    "label",
    {},
    label,
    el(
      "select",
      { name, "aria-label": label },
      el("option", { value: "" }, "any"),
      values.map((v) => el("option", { value: v, selected: v === current }, v)),
    ),
  );
}

function filterForm(params, eventTypes) {
  const form = el(
    "form",
    { class: "filters", "data-testid": "claims-filters" },
    TEXT_FILTERS.map(([name, type, label]) =>
      el("label", {}, label, el("input", { name, type, value: params.get(name) ?? "", "aria-label": label })),
    ),
    select("event_type", eventTypes, params.get("event_type"), "event type"),
    select("status", EVENT_STATUSES, params.get("status"), "status"),
    select("certainty", CERTAINTY_LABELS, params.get("certainty"), "certainty"),
    select("limit", PAGE_SIZES.map(String), params.get("limit") ?? "25", "per page"),
    el("button", { type: "submit" }, "Filter"),
    el("a", { href: "#/claims", class: "reset" }, "reset"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = Object.fromEntries(new FormData(form).entries());
    window.location.hash = `#/claims${toQuery(chosen)}`;
  });
  return form;
}

function row(claim) {
  return el(
    "tr",
    { "data-testid": "claim-row" },
    el("td", { class: "nowrap" }, claim.published ?? "undated"),
    el("td", {}, claim.outlet ?? ""),
    el("td", {}, claim.source ?? "—", claim.source_type ? el("span", { class: "source-type" }, ` (${claim.source_type})`) : null),
    el("td", {}, claim.cue ?? ""),
    el("td", { class: "content-cell" }, claim.content),
    el("td", {}, certaintyBadge({ label: claim.certainty_label ?? "unknown", value: claim.certainty_value })),
    el(
      "td",
      {},
      (claim.events ?? []).map((e) => el("div", {}, eventBadge(e.type), " ", statusBadge(e.status), e.actor ? ` ${e.actor}` : "")),
    ),
    el(
      "td",
      { class: "nowrap" },
      el("a", { href: `#/article/${claim.article_id}?claim=${encodeURIComponent(claim.key)}`, "data-testid": "article-link" }, "article"),
      claim.claim_id != null ? [" · ", el("a", { href: `#/trace/${claim.claim_id}`, "data-testid": "trace-link" }, "trace")] : null,
    ),
  );
}

export async function claimsView(container, params) {
  const limit = Number(params.get("limit") ?? 25) || 25;
  const offset = Number(params.get("offset") ?? 0) || 0;
  const query = Object.fromEntries(params.entries());
  const [facets, page] = await Promise.all([api.facets(), api.claims({ ...query, limit, offset, count: true })]);
  const pageLink = (newOffset, label) =>
    el("a", { href: `#/claims${toQuery({ ...query, offset: newOffset })}`, "data-testid": `page-${label}` }, label);
  const pager = el(
    "p",
    { class: "pager", "data-testid": "claims-pager" },
    offset > 0 ? pageLink(Math.max(0, offset - limit), "previous") : null,
    ` ${page.total === 0 ? 0 : offset + 1}–${offset + page.items.length} of ${page.total} `,
    offset + page.items.length < page.total ? pageLink(offset + limit, "next") : null,
  );
  const table = el(
    "table",
    { class: "claims-table", "data-testid": "claims-table" },
    el(
      "thead",
      {},
      el("tr", {}, ["date", "outlet", "source", "cue", "claim", "certainty", "events", ""].map((h) => el("th", {}, h))),
    ),
    el("tbody", {}, page.items.map(row)),
  );
  container.replaceChildren(
    el(
      "section",
      { "data-testid": "claims-view" },
      el("h2", {}, "Claims"),
      filterForm(params, facets.event_types),
      pager,
      page.items.length ? table : el("p", { class: "empty" }, "No claims match these filters."),
    ),
  );
}
