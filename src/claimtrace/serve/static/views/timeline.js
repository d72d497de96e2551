// Timeline: one lane per group (actor, event type, …), one stacked bar per period, stacks coloured by
// certainty. Drawn as inline SVG from DOM calls: no chart library, no markup strings.
import { api } from "../api.js";
import { CERTAINTY_LABELS } from "../badges.js";
import { el, svg, toQuery } from "../dom.js";

const EVENT_GROUPS = ["actor", "actor_country", "actor_sector", "event_type", "event_mode", "status", "place",
  "place_country"];
const GROUPS = [...EVENT_GROUPS, "outlet", "source_type", "certainty", "kind"];
const INTERVALS = ["day", "week", "month"];
const MAX_LANES = 12;

// Grouped by actor, type or status the chart counts events (coloured by the certainty of the claim each is
// reported under); otherwise it counts claims.
const counted = (groupBy) => (EVENT_GROUPS.includes(groupBy) ? "events" : "claims");
const LANE_HEIGHT = 54;
const LABEL_WIDTH = 170;
const BAR_AREA = 640;
const TOP = 28;

function controls(params, eventTypes) {
  const field = (name, values, current, label, anyLabel) =>
    el(
      "label",
      {},
      label,
      el(
        "select",
        { name, "aria-label": label },
        anyLabel ? el("option", { value: "" }, anyLabel) : null,
        values.map((v) => el("option", { value: v, selected: v === current }, v)),
      ),
    );
  const form = el(
    "form",
    { class: "filters", "data-testid": "timeline-controls" },
    field("group_by", GROUPS, params.get("group_by") ?? "actor", "group by"),
    field("interval", INTERVALS, params.get("interval") ?? "month", "per"),
    field("event_type", eventTypes, params.get("event_type"), "event type", "any"),
    el("label", {}, "since", el("input", { type: "date", name: "since", value: params.get("since") ?? "" })),
    el("label", {}, "until", el("input", { type: "date", name: "until", value: params.get("until") ?? "" })),
    // An event its reprints repeat counts once per reprint cluster (events only: claims are not deduplicated).
    el(
      "label",
      { title: "count an event reported by several reprints of one article once" },
      el("input", {
        type: "checkbox",
        name: "distinct",
        value: "true",
        checked: params.get("distinct") === "true",
        "data-testid": "timeline-distinct",
      }),
      " distinct events",
    ),
    el("button", { type: "submit" }, "Draw"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.hash = `#/timeline${toQuery(Object.fromEntries(new FormData(form).entries()))}`;
  });
  return form;
}

// Lane labels must fit the label column; the full name stays in the tooltip.
function shorten(label) {
  return label.length > 24 ? `${label.slice(0, 23)}…` : label;
}

// Lanes ordered by total count, the busiest first; the rest are summed into "others".
function lanes(rows) {
  const totals = new Map();
  for (const r of rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.count);
  const ordered = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  const shown = ordered.slice(0, MAX_LANES);
  if (ordered.length > MAX_LANES) shown.push("others");
  const laneOf = (key) => (shown.includes(key) && key !== "others" ? key : "others");
  return { shown, laneOf };
}

export function timelineChart(data) {
  const rows = data.rows ?? [];
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const { shown, laneOf } = lanes(rows);
  const cells = new Map(); // lane|period → {certainty → count}
  for (const r of rows) {
    const cell = `${laneOf(r.key)}|${r.period}`;
    if (!cells.has(cell)) cells.set(cell, {});
    const stack = cells.get(cell);
    for (const [label, count] of Object.entries(r.certainty ?? { unknown: r.count })) {
      stack[label] = (stack[label] ?? 0) + count;
    }
  }
  const maxCell = Math.max(1, ...[...cells.values()].map((s) => Object.values(s).reduce((a, b) => a + b, 0)));
  const step = periods.length ? BAR_AREA / periods.length : BAR_AREA;
  const barWidth = Math.max(2, Math.min(40, step * 0.7));
  const height = TOP + shown.length * LANE_HEIGHT + 40;
  const width = LABEL_WIDTH + BAR_AREA + 20;
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: "img",
    "aria-label": `${counted(data.group_by)} per ${data.interval} by ${data.group_by}, coloured by certainty`,
    "data-testid": "timeline-chart",
    class: "timeline-chart",
  });
  shown.forEach((lane, i) => {
    const base = TOP + (i + 1) * LANE_HEIGHT - 8;
    chart.append(
      svg(
        "g",
        {},
        svg("title", {}, lane),
        svg("text", { x: LABEL_WIDTH - 8, y: base - LANE_HEIGHT / 2 + 8, "text-anchor": "end", class: "lane-label" }, shorten(lane)),
      ),
      svg("line", { x1: LABEL_WIDTH, y1: base, x2: LABEL_WIDTH + BAR_AREA, y2: base, class: "axis" }),
    );
    periods.forEach((period, j) => {
      const stack = cells.get(`${lane}|${period}`);
      if (!stack) return;
      let y = base;
      const x = LABEL_WIDTH + j * step + (step - barWidth) / 2;
      for (const label of [...CERTAINTY_LABELS, ...Object.keys(stack).filter((k) => !CERTAINTY_LABELS.includes(k))]) {
        const count = stack[label];
        if (!count) continue;
        const h = ((LANE_HEIGHT - 14) * count) / maxCell;
        y -= h;
        const known = CERTAINTY_LABELS.includes(label) ? label : "unattributed";
        chart.append(
          svg(
            "rect",
            { x, y, width: barWidth, height: h, class: `bar certainty-${known}`, "data-testid": "timeline-bar" },
            svg("title", {}, `${lane} · ${period} · ${label}: ${count}`),
          ),
        );
      }
    });
  });
  const labelEvery = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((period, j) => {
    if (j % labelEvery) return;
    chart.append(
      svg("text", { x: LABEL_WIDTH + j * step + step / 2, y: height - 18, "text-anchor": "middle", class: "period-label" }, period),
    );
  });
  return chart;
}

function legend() {
  return el(
    "p",
    { class: "legend" },
    "certainty: ",
    [...CERTAINTY_LABELS, "unattributed"].map((label) => [el("span", { class: `swatch certainty-${label}` }), ` ${label} `]),
  );
}

export async function timelineView(container, params) {
  const query = { group_by: "actor", interval: "month", ...Object.fromEntries(params.entries()) };
  const [facets, data] = await Promise.all([api.facets(), api.timeline(query)]);
  container.replaceChildren(
    el(
      "section",
      { "data-testid": "timeline-view" },
      el(
        "h2",
        {},
        `Timeline: ${data.distinct && counted(data.group_by) === "events" ? "distinct " : ""}`
          + `${counted(data.group_by)} per ${data.interval} by ${data.group_by.replace("_", " ")}`,
      ),
      controls(params, facets.event_types),
      legend(),
      (data.rows ?? []).length ? timelineChart(data) : el("p", { class: "empty" }, "Nothing to draw for these filters."),
    ),
  );
}
