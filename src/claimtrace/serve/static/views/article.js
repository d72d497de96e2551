// Article view: the text with sources, cues and contents highlighted, and beside it the claims as a tree
// that follows the reporting chain (a claim quoted inside another claim sits inside it), each with its
// certainty and the status of the events it reports.
import { api } from "../api.js";
import { certaintyBadge, eventBadge, statusBadge } from "../badges.js";
import { el, externalLink } from "../dom.js";
import { highlightedText } from "../highlight.js";

function claimTree(attributions) {
  const byId = new Map(attributions.map((a) => [a.id, { attribution: a, children: [] }]));
  const roots = [];
  for (const node of byId.values()) {
    const parent = node.attribution.parent ? byId.get(node.attribution.parent) : null;
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  return roots;
}

function focusAttribution(root, id) {
  for (const node of root.querySelectorAll(".focus")) node.classList.remove("focus");
  for (const node of root.querySelectorAll("[data-attribution]")) {
    if (node.dataset.attribution === id) node.classList.add("focus");
  }
  const first = root.querySelector(`.article-text [data-attribution="${CSS.escape(id)}"]`);
  first?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function claimCard(attribution, events, stored) {
  const source = attribution.source?.text ?? attribution.source_profile?.name;
  const profile = attribution.source_profile;
  const traceLink =
    stored?.claim_id != null
      ? el(
          "a",
          { href: `#/trace/${stored.claim_id}`, class: "trace-link", "data-testid": "trace-link" },
          stored.claim_articles > 1 ? `traced across ${stored.claim_articles} articles` : "provenance",
        )
      : null;
  return el(
    "div",
    { class: "claim-card", "data-attribution": attribution.id, tabindex: "0", "data-testid": "claim-card" },
    el(
      "div",
      { class: "claim-head" },
      el("span", { class: "claim-id" }, attribution.id),
      el("span", { class: "kind" }, attribution.kind),
      certaintyBadge(attribution.certainty),
    ),
    el(
      "div",
      { class: "claim-chain" },
      el("span", { class: "chip chip-source" }, source ?? "no source"),
      profile?.type ? el("span", { class: "source-type" }, ` (${profile.type}${profile.role ? `, ${profile.role}` : ""})`) : null,
      attribution.cue ? [" ", el("span", { class: "chip chip-cue" }, attribution.cue.text)] : null,
    ),
    el("blockquote", { class: "chip-content" }, attribution.content?.text ?? ""),
    events.length
      ? el(
          "ul",
          { class: "claim-events" },
          events.map((e) =>
            el(
              "li",
              {},
              eventBadge(e.type),
              " ",
              statusBadge(e.status),
              " ",
              el("span", { class: "event-trigger" }, e.trigger?.text ?? ""),
              e.actor ? el("span", { class: "event-actor" }, ` · actor: ${e.actor.text}`) : null,
              e.target ? el("span", { class: "event-target" }, ` · target: ${e.target.text}`) : null,
            ),
          ),
        )
      : null,
    traceLink,
  );
}

function renderTree(nodes, eventsByAttribution, storedByKey) {
  return el(
    "ul",
    { class: "claim-tree" },
    nodes.map((node) =>
      el(
        "li",
        {},
        claimCard(node.attribution, eventsByAttribution.get(node.attribution.id) ?? [], storedByKey.get(node.attribution.id)),
        node.children.length ? renderTree(node.children, eventsByAttribution, storedByKey) : null,
      ),
    ),
  );
}

function legend() {
  return el(
    "p",
    { class: "legend" },
    el("span", { class: "hl hl-source" }, "source"),
    " ",
    el("span", { class: "hl hl-cue" }, "cue"),
    " ",
    el("span", { class: "hl hl-content" }, "content"),
    " ",
    el("span", { class: "hl hl-trigger" }, "event trigger"),
  );
}

// The article layout for a record; `article` and `claims` carry store ids when the record is stored.
export function articleLayout(record, article = {}, claims = []) {
  const eventsByAttribution = new Map();
  for (const event of record.events ?? []) {
    if (!event.attribution) continue;
    if (!eventsByAttribution.has(event.attribution)) eventsByAttribution.set(event.attribution, []);
    eventsByAttribution.get(event.attribution).push(event);
  }
  const storedByKey = new Map((claims ?? []).map((c) => [c.key, c]));
  const unattributedEvents = (record.events ?? []).filter((e) => !e.attribution);
  const meta = record.meta ?? {};

  const textPane = el(
    "section",
    { class: "article-pane" },
    el("h2", { "data-testid": "article-title" }, article.title ?? meta.title ?? record.id ?? "untitled"),
    el(
      "p",
      { class: "article-meta" },
      el("span", {}, article.outlet ?? meta.site ?? "unknown outlet"),
      " · ",
      el("span", {}, article.published ?? meta.published ?? "undated"),
      " · ",
      externalLink(article.url ?? meta.url, "original page"),
    ),
    (article.reprints ?? []).length
      ? el(
          "p",
          { class: "article-meta", "data-testid": "reprints" },
          "near-duplicates in this corpus: ",
          article.reprints.map((id, i) => [i ? ", " : "", el("a", { href: `#/article/${id}` }, `article ${id}`)]),
        )
      : null,
    (record.warnings ?? []).map((w) => el("p", { class: "warning" }, w)),
    legend(),
    highlightedText(record),
  );
  const claimsPane = el(
    "aside",
    { class: "claims-pane" },
    el("h3", {}, `Claims (${(record.attributions ?? []).length})`),
    renderTree(claimTree(record.attributions ?? []), eventsByAttribution, storedByKey),
    unattributedEvents.length
      ? [
          el("h3", {}, "Events asserted by the outlet"),
          el(
            "ul",
            { class: "claim-events" },
            unattributedEvents.map((e) =>
              el("li", {}, eventBadge(e.type), " ", statusBadge(e.status), " ", e.trigger?.text ?? ""),
            ),
          ),
        ]
      : null,
  );
  const layout = el("div", { class: "article-layout", "data-testid": "article-view" }, textPane, claimsPane);
  layout.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-attribution]") : null;
    if (target && !(event.target instanceof HTMLAnchorElement)) focusAttribution(layout, target.dataset.attribution);
  });
  return layout;
}

export async function articleView(container, id, params) {
  const { article, record, claims } = await api.article(id);
  const layout = articleLayout(record, article, claims);
  container.replaceChildren(layout);
  if (params.get("claim")) focusAttribution(layout, params.get("claim"));
}
