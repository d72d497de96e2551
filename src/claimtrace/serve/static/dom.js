// DOM building without markup strings: text always goes in through text nodes, never innerHTML, so
// whatever an article contains is shown as characters and never parsed as HTML.

const SVG_NS = "http://www.w3.org/2000/svg";

// Attributes the UI sets; anything else (on*, style, src …) is refused so a slip cannot add a handler.
const ALLOWED_ATTRIBUTES = new Set([
  "class", "id", "href", "title", "type", "name", "value", "placeholder", "for", "role", "colspan",
  "min", "max", "step", "selected", "checked", "disabled", "aria-label", "aria-current", "aria-live", "tabindex",
  "data-attribution", "data-role", "data-claim", "data-testid", "data-view", "rel", "target",
]);
const ALLOWED_SVG_ATTRIBUTES = new Set([
  "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "d", "fill", "stroke",
  "stroke-width", "text-anchor", "dominant-baseline", "class", "role", "aria-label", "transform",
  "marker-end", "data-testid", "rx", "font-size", "opacity", "preserveAspectRatio", "id", "refX", "refY",
  "markerWidth", "markerHeight", "orient",
]);

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setAttributes(node, attrs, allowed) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (!allowed.has(name)) throw new Error(`attribute not allowed: ${name}`);
    if (name === "href") {
      node.setAttribute("href", safeHref(String(value)) ?? "#");
    } else {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
}

// An HTML element with attributes and children (strings become text nodes).
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs, ALLOWED_ATTRIBUTES);
  appendChildren(node, children);
  return node;
}

// An SVG element; text children become text nodes as above.
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs, ALLOWED_SVG_ATTRIBUTES);
  appendChildren(node, children);
  return node;
}

// Only in-app hash links and http(s) URLs may become links; javascript:, data: and the rest stay text.
export function safeHref(value) {
  if (value.startsWith("#")) return value;
  try {
    const url = new URL(value, window.location.origin);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    return null;
  }
  return null;
}

// A link to an article's original page when its URL is safe, else the URL as plain text.
export function externalLink(url, label) {
  const href = url ? safeHref(url) : null;
  if (!href || href.startsWith("#")) return el("span", { class: "url-text" }, label ?? url ?? "");
  return el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, label ?? url);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// Query-string helpers for hash routes such as #/claims?actor=Russia&offset=20.
export function toQuery(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
