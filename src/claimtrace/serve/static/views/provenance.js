// Provenance of one claim cluster: the reports in time order, which outlet each one credits, and which add
// sourcing of their own. A strip of outlets with arcs from each report to the outlet it cites sits on top.
import { api } from "../api.js";
import { certaintyBadge } from "../badges.js";
import { el, svg } from "../dom.js";

const NODE_GAP = 150;
const STRIP_HEIGHT = 150;
const BASELINE = 110;

// The outlet a report credits: as stored when the store has it (credits_outlet), else as the report names it.
const cited = (r) => r.credits_outlet ?? r.credits;

// Outlets in order of their first report; an arc from each citing report up to the outlet it credits.
function citationStrip(reports) {
  const outlets = [];
  for (const r of reports) if (r.outlet && !outlets.includes(r.outlet)) outlets.push(r.outlet);
  for (const r of reports) if (cited(r) && !outlets.includes(cited(r))) outlets.unshift(cited(r));
  const x = (outlet) => 70 + outlets.indexOf(outlet) * NODE_GAP;
  const width = Math.max(300, 140 + (outlets.length - 1) * NODE_GAP);
  const strip = svg("svg", {
    viewBox: `0 0 ${width} ${STRIP_HEIGHT}`,
    width,
    height: STRIP_HEIGHT,
    role: "img",
    "aria-label": "who cites whom",
    class: "citation-strip",
    "data-testid": "citation-strip",
  });
  strip.append(
    svg(
      "defs",
      {},
      svg(
        "marker",
        { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
        svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" }),
      ),
    ),
  );
  for (const r of reports) {
    if (!cited(r) || !r.outlet || cited(r) === r.outlet) continue;
    const x1 = x(r.outlet);
    const x2 = x(cited(r));
    const lift = Math.min(90, 30 + Math.abs(x1 - x2) / 4);
    strip.append(
      svg(
        "path",
        { d: `M ${x1} ${BASELINE - 14} C ${x1} ${BASELINE - lift}, ${x2} ${BASELINE - lift}, ${x2} ${BASELINE - 16}`, class: "cite-arc", "marker-end": "url(#arrow)", "data-testid": "cite-arc" },
        svg("title", {}, `${r.outlet} cites ${cited(r)}`),
      ),
    );
  }
  for (const outlet of outlets) {
    const report = reports.find((r) => r.outlet === outlet);
    const cls = report ? (report.is_origin ? "node origin" : report.adds_own_sourcing ? "node own-sourcing" : "node rereport") : "node credited-only";
    strip.append(
      svg("circle", { cx: x(outlet), cy: BASELINE, r: 12, class: cls }, svg("title", {}, outlet)),
      svg("text", { x: x(outlet), y: BASELINE + 30, "text-anchor": "middle", class: "node-label" }, outlet),
    );
  }
  return strip;
}

function reportCard(report, index) {
  const flags = [
    report.is_origin ? el("span", { class: "flag flag-origin" }, "origin") : null,
    report.credits ? el("span", { class: "flag flag-cites" }, `cites ${cited(report)}`) : null,
    report.adds_own_sourcing ? el("span", { class: "flag flag-own" }, "adds own sourcing") : null,
    !report.is_origin && !report.adds_own_sourcing ? el("span", { class: "flag flag-rereport" }, "re-report") : null,
  ];
  return el(
    "li",
    { class: "report", "data-testid": "provenance-report" },
    el("div", { class: "report-when" }, report.published ?? "undated", el("span", { class: "position" }, ` #${index + 1}`)),
    el(
      "div",
      { class: "report-body" },
      el("div", { class: "report-outlet" }, report.outlet ?? "unknown outlet", " ", flags),
      el("a", { href: `#/article/${report.article_id}${report.key ? `?claim=${encodeURIComponent(report.key)}` : ""}` }, report.title ?? report.record_id ?? `article ${report.article_id}`),
      el("p", { class: "report-source" }, "source: ", el("span", { class: "chip chip-source" }, report.source ?? "no source"), " ", report.certainty_label ? certaintyBadge({ label: report.certainty_label, value: report.certainty_value }) : null),
      el("blockquote", { class: "chip-content" }, report.content ?? ""),
      (report.own_sources ?? []).length ? el("p", { class: "own-sources" }, "own sources: ", report.own_sources.join("; ")) : null,
    ),
  );
}

export async function provenanceView(container, id) {
  const trace = await api.trace(id);
  const cluster = trace.claim;
  container.replaceChildren(
    el(
      "section",
      { "data-testid": "provenance-view" },
      el("h2", {}, "Provenance of a claim"),
      el("blockquote", { class: "cluster-claim" }, cluster.content),
      el(
        "p",
        { class: "cluster-summary" },
        `${cluster.n_articles} article(s) from ${cluster.n_outlets} outlet(s); first reported ${cluster.first_published ?? "on an unknown date"}; `,
        cluster.credited_outlet ? `credited to ${cluster.credited_outlet_stored ?? cluster.credited_outlet} (${cluster.credited_basis})` : "no outlet credited",
      ),
      citationStrip(trace.chain),
      el(
        "p",
        { class: "legend" },
        el("span", { class: "swatch node origin" }), " origin ",
        el("span", { class: "swatch node own-sourcing" }), " adds own sourcing ",
        el("span", { class: "swatch node rereport" }), " re-report ",
        el("span", { class: "swatch node credited-only" }), " credited, not in the corpus",
      ),
      el("ol", { class: "report-list" }, trace.chain.map(reportCard)),
    ),
  );
}

// Without an id: the claims reported by the most outlets, each opening its provenance.
export async function clustersView(container) {
  const { items } = await api.clusters({ limit: 30 });
  container.replaceChildren(
    el(
      "section",
      { "data-testid": "clusters-view" },
      el("h2", {}, "Claims reported by the most outlets"),
      items.length
        ? el(
            "ol",
            { class: "cluster-list" },
            items.map((c) =>
              el(
                "li",
                {},
                el("a", { href: `#/trace/${c.claim_id}`, "data-testid": "cluster-link" }, c.content),
                el("span", { class: "article-meta" }, ` ${c.n_outlets} outlet(s), ${c.n_articles} article(s), first ${c.first_published ?? "undated"}${c.credited_outlet ? `, credited to ${c.credited_outlet}` : ""}`),
              ),
            ),
          )
        : el("p", { class: "empty" }, "No claim clusters in this store yet."),
    ),
  );
}
