"""Which news outlet an attribution credits: "according to a report by the Washington Post", "the Post
reported", "citing Reuters", "told the Financial Times" — read from the attribution chain's source profiles
and from the sentence around the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from claimtrace.analyze.lexicon import MEDIA_NAME_WORDS, MEDIA_OUTLETS

# Outlet words only linking uses. They stay out of analyze/lexicon.py on purpose: its title rule makes an
# outlet of any capitalised source whose last word is a MEDIA_NAME_WORD ("the Gold Standard", "Energy
# Monitor"), while here they mostly meet names in credit phrases ("told the", "according to").
_MEDIA_WORDS_NOT_IN_LEXICON = frozenset(
    [
        "aljazeera",
        "arabiya",
        "asahi",
        "atlantic",
        "broadcasting",
        "bulletin",
        "corriere",
        "dispatch",
        "express",
        "figaro",
        "globe",
        "independent",
        "insider",
        "intercept",
        "izvestia",
        "jazeera",
        "kommersant",
        "liberation",
        "libération",
        "mainichi",
        "mirror",
        "monde",
        "monitor",
        "pais",
        "repubblica",
        "ria",
        "standard",
        "star",
        "vedomosti",
        "weekly",
        "wire",
        "yomiuri",
        "zeitung",
    ]
)
# Words that mark a capitalised name as a news outlet rather than a person, state or agency: the one-word
# outlets ("Reuters") and outlet name words ("Herald", "Post") the attribution rules use.
_MEDIA_WORDS = (
    frozenset(outlet for outlet in MEDIA_OUTLETS if " " not in outlet)
    | frozenset(word.casefold() for word in MEDIA_NAME_WORDS)
    | _MEDIA_WORDS_NOT_IN_LEXICON
)
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


def outlet_key(name: str) -> str:
    """A comparison key: "The Washington Post", "washingtonpost.com" -> "washingtonpost"."""
    key = name.casefold().strip()
    key = re.sub(r"^(?:https?://)?(?:www\.)?", "", key)
    key = re.sub(r"/.*$", "", key)
    key = re.sub(r"\.(?:co\.uk|com\.au|[a-z]{2,12})$", "", key) if "." in key and " " not in key else key
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"['’]s$", "", key)
    return re.sub(r"[^\w]+", "", key)


def same_outlet(first: str, second: str) -> bool:
    """True when two outlet names refer to the same outlet, short forms included ("the Post")."""
    a, b = outlet_key(first), outlet_key(second)
    if not a or not b:
        return False
    return a == b or (len(a) >= 3 and b.endswith(a)) or (len(b) >= 3 and a.endswith(b))


def looks_like_outlet(name: str) -> bool:
    """A known outlet ("USA Today", "Mother Jones"), or a name with a capitalised media word in it ("Granite
    Herald"). Lower-case words do not count: "an industry insider" and "the daily briefing" are no outlets."""
    if " ".join(name.casefold().split()) in MEDIA_OUTLETS:
        return True
    words = [w for w in re.findall(r"[^\W_]+", name) if w[:1].isupper()]
    return any(
        folded in _MEDIA_WORDS or folded.removeprefix("al") in _MEDIA_WORDS
        for folded in (w.casefold() for w in words)
    )


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:[Tt]he)\s+", "", name.strip())
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
            if name and looks_like_outlet(name):
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
            if profile.get("type") == "media" or (source and looks_like_outlet(source.get("text", ""))):
                name = profile.get("name") or source.get("text") or ""
                candidates += outlets_in(name) or ([_clean_name(name)] if looks_like_outlet(name) else [])
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
