// Small labelled chips for certainty, event status and event type, shared by every view.
import { el } from "./dom.js";

export const CERTAINTY_LABELS = ["certain", "probable", "possible", "unknown", "doubtful", "negated"];
export const EVENT_STATUSES = ["asserted", "reported", "intended", "future", "hypothetical", "negated"];

const known = (value, list) => (list.includes(value) ? value : "other");

export function certaintyBadge(certainty) {
  if (!certainty) return el("span", { class: "badge certainty-unknown" }, "certainty ?");
  const label = certainty.label ?? certainty;
  const value = typeof certainty.value === "number" ? ` ${certainty.value.toFixed(1)}` : "";
  return el(
    "span",
    { class: `badge certainty-${known(label, CERTAINTY_LABELS)}`, title: "certainty (FactBank scale −3…+3)" },
    `${label}${value}`,
  );
}

export function statusBadge(status) {
  return el("span", { class: `badge status-${known(status, EVENT_STATUSES)}`, title: "event status" }, status);
}

export function eventBadge(type) {
  return el("span", { class: "badge event-type", title: "PLOVER event type" }, type);
}
