// Article text with sources, cues, contents and event triggers marked. Marks nest the way the reporting
// nests: a quoted source's own source sits inside the outer content. All text goes in as text nodes.
import { el } from "./dom.js";

const ROLE_ORDER = { content: 0, source: 1, cue: 2, trigger: 3 };

// Every span of every role as a flat mark {start, end, role, attribution}.
export function collectMarks(record) {
  const marks = [];
  const add = (role, value, attribution) => {
    for (const [start, end] of value?.spans ?? []) {
      if (Number.isInteger(start) && Number.isInteger(end) && end > start) {
        marks.push({ start, end, role, attribution });
      }
    }
  };
  for (const a of record.attributions ?? []) {
    add("content", a.content, a.id);
    add("source", a.source, a.id);
    add("cue", a.cue, a.id);
  }
  for (const e of record.events ?? []) add("trigger", e.trigger, e.id);
  const units = codeUnitOffsets(record.text);
  const length = units.length - 1;
  return marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(length, m.end) }))
    .filter((m) => m.end > m.start)
    .map((m) => ({ ...m, start: units[m.start], end: units[m.end] }));
}

// claimtrace/1 offsets count code points (Python string indices) while JavaScript strings index UTF-16
// code units: map each code point offset to its code unit offset, so text after an emoji stays aligned.
export function codeUnitOffsets(text) {
  const offsets = [];
  let unit = 0;
  for (const character of text) {
    offsets.push(unit);
    unit += character.length;
  }
  offsets.push(unit);
  return offsets;
}

function byPosition(a, b) {
  return a.start - b.start || b.end - a.end || ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
}

// A tree of marks over [start, end): a mark that crosses its elder sibling's end is split in two, so
// every mark is either inside another or beside it.
export function nestMarks(marks, start, end) {
  let pending = [...marks].sort(byPosition);
  const nodes = [];
  let cursor = start;
  while (pending.length) {
    const mark = pending.shift();
    if (mark.start > cursor) nodes.push({ start: cursor, end: mark.start });
    const inner = [];
    const rest = [];
    for (const other of pending) {
      if (other.start >= mark.end) {
        rest.push(other);
      } else if (other.end <= mark.end) {
        inner.push(other);
      } else {
        inner.push({ ...other, end: mark.end });
        rest.push({ ...other, start: mark.end });
      }
    }
    nodes.push({ ...mark, children: nestMarks(inner, mark.start, mark.end) });
    cursor = mark.end;
    pending = rest.sort(byPosition);
  }
  if (cursor < end) nodes.push({ start: cursor, end });
  return nodes;
}

function renderNodes(text, nodes) {
  return nodes.map((node) => {
    if (!node.role) return text.slice(node.start, node.end);
    return el(
      "span",
      {
        class: `hl hl-${node.role}`,
        "data-attribution": node.attribution,
        "data-role": node.role,
        title: `${node.attribution} · ${node.role}`,
      },
      renderNodes(text, node.children),
    );
  });
}

// The article body as paragraphs of highlighted text.
export function highlightedText(record) {
  const text = record.text ?? "";
  const tree = nestMarks(collectMarks(record), 0, text.length);
  const body = el("div", { class: "article-text", "data-testid": "article-text" });
  // Paragraph breaks are kept by CSS (white-space: pre-wrap), so offsets and layout stay one-to-one.
  body.append(...renderNodes(text, tree).map((n) => (n instanceof Node ? n : document.createTextNode(n))));
  return body;
}
