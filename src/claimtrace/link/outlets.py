"""Which news outlet an attribution credits: "according to a report by the Washington Post", "the Post
reported", "citing Reuters", "told the Financial Times" — read from the attribution chain's source profiles
and from the sentence around the claim. What an outlet is, and when two names are one, is the lexicon's
(analyze/lexicon.py: `is_outlet`, `same_outlet`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from claimtrace.analyze.lexicon import is_outlet, same_outlet, without_article

# A name's words stay on one line: "CNN.\n\nOn Monday" is "CNN", not an outlet called "CNN. On Monday".
_GAP = r"[^\S\n]+"
_WORD = r"[A-Z][\w&.'’-]*"
_NAME = rf"(?P<outlet>(?:{_WORD}|al-[A-Z][\w-]*)(?:{_GAP}(?:of{_GAP}|de{_GAP}|al-)?{_WORD}){{0,4}})"
_REPORT_NOUNS = r"(?:report|story|article|investigation|interview|broadcast|dispatch|piece|analysis)"
_PATTERNS = tuple(
    re.compile(p)
    for p in (
        # "according to a report by the Washington Post", "citing a story in The New York Times"
        rf"\b(?:[Aa]ccording to|[Cc]iting|[Cc]ited in|[Bb]ased on)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
        rf"{_REPORT_NOUNS}s?"
        rf"\s+(?:published\s+)?(?:by|in|from|on|with)\s+(?:[Tt]he\s+)?{_NAME}",
        # "according to the Post", "citing Reuters"
        rf"\b(?:[Aa]ccording to|[Cc]iting|[Aa]s reported by|first reported by|[Rr]eported by)\s+"
        rf"(?:[Tt]he\s+)?{_NAME}",
        # "told the Financial Times", "in an interview with the BBC"
        rf"\b(?:told|[Ii]n an interview with|[Ss]peaking to|spoke to|said to)\s+(?:[Tt]he\s+)?{_NAME}",
        # "the Washington Post reported", "Reuters first reported"
        rf"(?:^|[\s,;(“\"])(?:[Tt]he\s+)?{_NAME}\s+(?:first\s+|previously\s+|earlier\s+)?"
        r"(?:reported|revealed|disclosed|wrote|reports|broke the news)\b",
        # "the Post's report", "Bloomberg's reporting"
        rf"(?:[Tt]he\s+)?{_NAME}['’]s\s+(?:\w+\s+)?(?:{_REPORT_NOUNS}|reporting)",
    )
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?(?=\s|$)")


def _clean_name(name: str) -> str:
    name = without_article(name.strip())
    return re.sub(r"['’]s$", "", name).strip(" ,.;:")


def _sentence_window(text: str, start: int, end: int) -> str:
    """The sentence(s) spanning [start, end)."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    sentence_start = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    return text[sentence_start : after.end() if after else len(text)]


def outlets_in(text: str) -> list[str]:
    """Outlets credited in a stretch of text, in order of appearance."""
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            name = _clean_name(match.group("outlet"))
            if name and is_outlet(name, credit=True):
                found.append((match.start("outlet"), name))
    return [name for _, name in sorted(found)]


def _spans_of(attribution: dict[str, Any]) -> Iterable[tuple[int, int]]:
    for role in ("source", "cue", "content"):
        if attribution.get(role):
            yield from (tuple(span) for span in attribution[role]["spans"])


def _expand(name: str, known: list[str]) -> str:
    """Expand a short form ("the Post") to the fullest name of the same outlet mentioned in the article."""
    matches = [k for k in known if same_outlet(k, name)]
    return max(matches, key=len) if matches else name


def credited_outlets(record: dict[str, Any]) -> dict[str, str]:
    """For each attribution key of a claimtrace/1 record, the outlet its chain credits, when there is one.

    Evidence, strongest first: a media source in the attribution's chain (itself, its ancestors and its
    descendants), then credit phrases in the sentence around it. An article crediting its own outlet
    ("told the Post" in the Post) credits nobody else, so it is left out.
    """
    text: str = record["text"]
    attributions = {a["id"]: a for a in record.get("attributions", [])}
    children: dict[str, list[str]] = {}
    for attribution in attributions.values():
        if attribution.get("parent") in attributions:
            children.setdefault(attribution["parent"], []).append(attribution["id"])
    own = (record.get("meta") or {}).get("site") or (record.get("meta") or {}).get("url") or ""
    mentioned: list[str] | None = (
        None  # every outlet in the article, found only when a credit needs expanding
    )
    credits: dict[str, str] = {}
    for key in attributions:
        chain = chain_of(key, attributions, children)
        candidates: list[str] = []
        for member in chain:
            profile = attributions[member].get("source_profile") or {}
            source = attributions[member].get("source") or {}
            named_outlet = bool(source) and is_outlet(source.get("text", ""), credit=True)
            if profile.get("type") == "media" or named_outlet:
                name = profile.get("name") or source.get("text") or ""
                candidates += outlets_in(name) or (
                    [_clean_name(name)] if is_outlet(name, credit=True) else []
                )
        spans = [span for member in chain for span in _spans_of(attributions[member])]
        if spans:
            candidates += outlets_in(
                _sentence_window(text, min(s for s, _ in spans), max(e for _, e in spans))
            )
        for candidate in candidates:
            if not (own and same_outlet(candidate, own)):
                if mentioned is None:
                    mentioned = outlets_in(text)
                credits[key] = _expand(candidate, mentioned)
                break
    return credits


def chain_of(key: str, attributions: dict[str, dict[str, Any]], children: dict[str, list[str]]) -> list[str]:
    """An attribution with its ancestors and descendants: one chain ("X reported, citing Y, that …")."""
    chain = [key]
    parent = attributions[key].get("parent")
    while parent in attributions and parent not in chain:
        chain.append(parent)
        parent = attributions[parent].get("parent")
    stack = list(children.get(key, []))
    while stack:
        child = stack.pop()
        if child not in chain:
            chain.append(child)
            stack += children.get(child, [])
    return chain
