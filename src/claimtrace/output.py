"""Writers for analysis results: claimtrace/1 JSON, JSONL, and the terminal report.

The report works on claimtrace/1 dicts, so it renders fresh analyses and stored records alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from rich.console import Console
from rich.text import Text
from rich.tree import Tree

CERTAINTY_STYLES = {
    "certain": "bold green",
    "probable": "green",
    "possible": "yellow",
    "unknown": "dim",
    "doubtful": "magenta",
    "negated": "bold red",
}
STATUS_STYLES = {
    "asserted": "green",
    "reported": "cyan",
    "intended": "yellow",
    "future": "blue",
    "hypothetical": "magenta",
    "negated": "red",
}


def write_jsonl(results: Iterable[dict[str, Any]], stream: IO[str]) -> Iterator[dict[str, Any]]:
    """Write one compact object a line, passing each result on (so the caller can count and report)."""
    for result in results:
        stream.write(json.dumps(result, ensure_ascii=False) + "\n")
        stream.flush()
        yield result


def write_json(results: Iterable[dict[str, Any]], stream: IO[str]) -> Iterator[dict[str, Any]]:
    """Write one indented object for a single result, an array for several; results stream as they come."""
    first: dict[str, Any] | None = None
    count = 0
    for result in results:
        count += 1
        if count == 1:
            first = result
        else:
            if count == 2:
                stream.write("[\n" + _indent(first) + ",\n")
            else:
                stream.write(",\n")
            stream.write(_indent(result))
        yield result
    if count == 1:
        stream.write(json.dumps(first, ensure_ascii=False, indent=2) + "\n")
    elif count > 1:
        stream.write("\n]\n")


def _indent(result: dict[str, Any] | None) -> str:
    return "\n".join("  " + line for line in json.dumps(result, ensure_ascii=False, indent=2).splitlines())


def render_report(record: dict[str, Any], console: Console) -> None:
    """Print one record: header, what cleaning removed, each claim with its source chain, certainty and
    the events reported under it."""
    if "error" in record:
        console.print(Text(f"✗ {record['id']}: {record['error']}", style="bold red"))
        return
    meta = record["meta"]
    header = Text()
    header.append(f"{record['id']}", style="bold")
    if meta.get("title"):
        header.append(f" — {meta['title']}")
    details = [meta.get("site"), _published(meta)]
    header.append("  " + " · ".join(d for d in details if d), style="dim")
    console.rule(header, align="left")
    for warning in record.get("warnings", []):
        console.print(Text(f"⚠ {warning}", style="yellow"))
    if record["removed"]:
        reasons: dict[str, int] = {}
        for item in record["removed"]:
            reasons[item["reason"]] = reasons.get(item["reason"], 0) + 1
        summary = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        console.print(Text(f"cleaned: removed {len(record['removed'])} pieces ({summary})", style="dim"))
    if record["related"]:
        console.print(Text(f"related headlines ({len(record['related'])}), not analysed:", style="dim"))
        for item in record["related"]:
            console.print(Text(f"  · {item['title']}", style="dim"))
    attributions = record["attributions"]
    if not attributions:
        console.print(Text("no attributed claims found", style="dim"))
    events_by_attribution: dict[str | None, list[dict[str, Any]]] = {}
    for event in record["events"]:
        events_by_attribution.setdefault(event.get("attribution"), []).append(event)
    children: dict[str | None, list[dict[str, Any]]] = {}
    ids = {a["id"] for a in attributions}
    for attribution in attributions:
        parent = attribution.get("parent") if attribution.get("parent") in ids else None
        children.setdefault(parent, []).append(attribution)
    tree = Tree(Text(f"{len(attributions)} claims", style="bold"), guide_style="dim")
    for attribution in children.get(None, []):
        _add_claim(tree, attribution, children, events_by_attribution)
    if attributions:
        console.print(tree)
    unattributed = events_by_attribution.get(None, [])
    if unattributed:
        console.print(Text("events asserted by the article itself:", style="bold"))
        for event in unattributed:
            console.print(Text("  ").append_text(_event_line(event)))
    if record["times"]:
        times = ", ".join(f"{t['text']} → {t['value'] or '?'}" for t in record["times"][:8])
        more = f" (+{len(record['times']) - 8} more)" if len(record["times"]) > 8 else ""
        console.print(Text(f"times: {times}{more}", style="dim"))
    console.print()


def _published(meta: dict[str, Any]) -> str | None:
    if not meta.get("published"):
        return "no publication date"
    return f"published {meta['published']} ({meta.get('published_basis')})"


def _add_claim(
    tree: Tree,
    attribution: dict[str, Any],
    children: dict[str | None, list[dict[str, Any]]],
    events_by_attribution: dict[str | None, list[dict[str, Any]]],
) -> None:
    line = Text()
    line.append(f"{attribution['id']} ", style="dim")
    line.append_text(_certainty_badge(attribution.get("certainty")))
    line.append(" ")
    source = attribution.get("source")
    line.append(source["text"] if source else "(no source)", style="bold cyan")
    profile = attribution.get("source_profile") or {}
    described = _describe_profile(profile)
    if described:
        line.append(f" [{described}]", style="cyan")
    cue = attribution.get("cue")
    line.append(f" {cue['text'] if cue else '—'} ", style="italic yellow")
    line.append(f"({attribution['kind'].replace('_', ' ')})", style="dim")
    node = tree.add(line)
    content = attribution["content"]["text"]
    node.add(Text(f"“{_shorten(content, 220)}”"))
    certainty = attribution.get("certainty") or {}
    if certainty.get("cues"):
        cues = ", ".join(c["text"] for c in certainty["cues"])
        node.add(Text(f"why {certainty.get('label')}: {cues}", style="dim"))
    for event in events_by_attribution.get(attribution["id"], []):
        node.add(_event_line(event))
    for child in children.get(attribution["id"], []):
        _add_claim(node, child, children, events_by_attribution)


def _certainty_badge(certainty: dict[str, Any] | None) -> Text:
    if not certainty:
        return Text("[ungraded]", style="dim")
    label = certainty["label"]
    return Text(f"[{label} {certainty['value']:+.1f}]", style=CERTAINTY_STYLES.get(label, ""))


def _describe_profile(profile: dict[str, Any]) -> str:
    parts = [profile.get("type")]
    if profile.get("count"):
        parts.append(f"×{profile['count']}")
    for key in ("seniority", "role", "affiliation"):
        if profile.get(key):
            parts.append(str(profile[key]))
    if profile.get("former"):
        parts.append("former")
    if profile.get("resolved_to"):
        parts.append(f"= {profile['resolved_to']}")
    return ", ".join(p for p in parts if p)


def _event_line(event: dict[str, Any]) -> Text:
    text = Text("⚑ ")
    text.append(event["type"], style="bold")
    status = event.get("status", "asserted")
    text.append(f" {status}", style=STATUS_STYLES.get(status, ""))
    actor = (event.get("actor") or {}).get("text")
    target = (event.get("target") or {}).get("text")
    text.append(f": {actor or '?'} —{event['trigger']['text']}→ {target or '?'}")
    return text


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
