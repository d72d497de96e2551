"""Related-story headlines in scraped text: a "Related" / "More Stories" / "Read next" block, an inline
"READ MORE: headline" line, or a run of short title-cased headlines closing the text.

A headline never ends in a full stop, so no sentence of the article is taken for one.
"""

from __future__ import annotations

import re

from claimtrace.extract.lexicon import word_set

RELATED_HEADER = re.compile(
    r"^[\s\-–—|•·›»>#*]*"
    r"(?:related(?: stories| articles| news| coverage| content| reading| links| posts| topics)?"
    r"|more (?:stories|news|headlines|coverage|to read)|more (?:from|on|in) [\w .&'’-]{1,40}"
    r"|read next|read more|read also|also read|up next|what to read next|see also|don'?t miss"
    r"|recommended(?: for you| stories| reading| articles)?|you (?:may|might) also (?:like|be interested in)"
    r"|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|latest (?:news|stories)"
    r"|editor'?s picks)[\s:›»→▶]*$",
    re.IGNORECASE,
)
_INLINE_RELATED = re.compile(
    r"^\s*(?:related|read more|read also|also read|see also|more|watch|listen|recommended)\s*[:|»›→]\s*"
    r"(?P<title>[^\n]{10,200})$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[\s\-–—•·*›»>▶►]+")
_SMALL_WORDS = word_set(
    "a an the of in on at to for and or but nor with by from as is vs via up off into over"
)
_MIN_UNHEADED_RUN = 3


def headline_text(line: str) -> str | None:
    """The headline a line holds (bullets stripped), or None when it reads like prose, not a headline."""
    title = _BULLET.sub("", line).strip()
    words = title.split()
    if not 2 <= len(words) <= 25 or len(title) > 200:
        return None
    if title.endswith((".", ",", ";", ":")) or not (
        title[0].isupper() or title[0].isdigit() or title[0] in "\"“‘'"
    ):
        return None
    return title


def is_title_cased(title: str) -> bool:
    """Most content words capitalised, as in "Council Approves New Ferry Terminal"."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if w.lower() not in _SMALL_WORDS]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def inline_related_title(line: str) -> str | None:
    """The headline of a "READ MORE: Dock workers vote on strike" line, or None."""
    match = _INLINE_RELATED.match(line)
    if not match:
        return None
    return headline_text(match.group("title"))


def trailing_related_block(lines: list[str]) -> tuple[int, int | None, list[str]] | None:
    """Find a related block closing `lines` (blank lines allowed between).

    Returns (first line index of the block, index of its header or None, headline titles), or None.
    """
    titles: list[tuple[int, str]] = []
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        if RELATED_HEADER.match(line):
            if titles:
                return index, index, [t for _, t in reversed(titles)]
            return None
        title = headline_text(line)
        if title is None:
            break
        titles.append((index, title))
    run = [(i, t) for i, t in titles if is_title_cased(t)]
    if len(run) == len(titles) >= _MIN_UNHEADED_RUN:
        return titles[-1][0], None, [t for _, t in reversed(titles)]
    return None
