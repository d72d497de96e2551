"""Page furniture left in scraped text: buttons, share bars, ad labels, navigation, footers.

A line that is nothing but such a string goes; a distinctive string glued to the start or end of a
sentence ("Read moreThe minister said", "… on Tuesday. Advertisement") is cut off the sentence.
"""

from __future__ import annotations

import re

from claimtrace.record import RemovedReason as Reason

_SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|email|instagram|flipboard|bluesky)"
)
# Phrases distinctive enough to cut even when glued to a sentence.
_EDGE_UI = (
    r"read more|read full (?:article|story)|read the full (?:article|story)|continue reading|load more"
    r"|show more|show less|see more|view more|show comments|view comments|hide comments|leave a comment"
    r"|post a comment|join the conversation|share this (?:article|story|page|post)|share on "
    + _SOCIAL
    + r"|share via "
    + _SOCIAL
    + r"|click here|tap here|sign up for our (?:\w+ )?newsletters?"
    r"|subscribe to our (?:\w+ )?newsletters?|subscribe now|follow us on "
    + _SOCIAL
    + r"|listen to this article|copy link|link copied|back to top|scroll to top|enlarge this image"
    r"|toggle caption|hide caption|next article|previous article"
)
_EDGE_AD = (
    r"advertisement|sponsored content|story continues below(?: advertisement)?"
    r"|article continues below(?: advertisement)?|scroll to continue(?: with content)?"
)
_EDGE_NAV = r"skip to (?:main )?content|skip navigation"
# Short strings that are furniture only when they fill a line by themselves.
_LINE_UI = (
    r"share|share this|tweet|email|print|save|save article|bookmark|listen|watch|play|play video|watch video"
    r"|comments?|\d+ comments?|sign up|subscribe|log ?in|sign in|register|menu|search|close|image|photo"
    r"|gallery|video|audio|accept(?: all)?(?: cookies)?|reject all|manage cookies|cookie settings"
    r"|\d+ min(?:ute)?s? read|more|expand|collapse"
)
_LINE_AD = r"ad|ads|advertising|sponsored|paid content|promoted|paid post|partner content"
_LINE_NAV = r"home|top|main menu|navigation|sections|breadcrumbs?"
_TRIM = r"[\s\-–—|•·›»«→←>▶►⟩:…\.\[\]\(\)]*"

_WHOLE_LINE: tuple[tuple[re.Pattern[str], Reason], ...] = tuple(
    (re.compile(rf"^{_TRIM}(?:{phrases}){_TRIM}$", re.IGNORECASE), reason)
    for phrases, reason in (
        (_EDGE_UI + "|" + _LINE_UI, "ui"),
        (_EDGE_AD + "|" + _LINE_AD, "ad"),
        (_EDGE_NAV + "|" + _LINE_NAV, "nav"),
    )
)
_EDGE_PHRASES: tuple[tuple[str, Reason], ...] = ((_EDGE_UI, "ui"), (_EDGE_AD, "ad"), (_EDGE_NAV, "nav"))
# At a line's start, glued (no space) or spaced before a capitalised sentence; between two sentences;
# at a line's end, after one.
# Only the phrases ignore case: the sentence after must really start with a capital.
_AT_START = tuple(
    (re.compile(rf"^\s*((?i:{p})(?:[ \t]*[›»→:|]+)?)[ \t]*(?=[A-Z\"“‘'])"), r) for p, r in _EDGE_PHRASES
)
_BETWEEN = tuple(
    (re.compile(rf"(?<=[.!?\"”’])([ \t]*(?i:{p})[ \t]*[›»→:|]*[ \t]*)(?=[A-Z\"“‘])"), r)
    for p, r in _EDGE_PHRASES
)
_AT_END = tuple(
    (re.compile(rf"(?<=[.!?\"”’])([ \t]*(?:{p}){_TRIM})$", re.IGNORECASE), r) for p, r in _EDGE_PHRASES
)
# Items split by pipes or bullets, all short: a menu ("Home | World | Politics | Business").
_MENU_ITEM = r"[^\W\d][\w&'’.-]*(?: [\w&'’.-]+){0,2}"
_MENU_LINE = re.compile(rf"^\s*(?:{_MENU_ITEM}\s*[|•·›»>/]\s*){{2,}}{_MENU_ITEM}\s*$")
_FOOTER_LINE = re.compile(
    r"^\s*(?:©|\(c\)\s|copyright\s*(?:©|\(c\))?\s*\d{4}\b|all rights reserved\.?\s*$)", re.IGNORECASE
)


def whole_line_reason(line: str) -> Reason | None:
    """Why this whole line is furniture, or None when it is not."""
    if not line.strip():
        return None
    for pattern, reason in _WHOLE_LINE:
        if pattern.match(line):
            return reason
    if _MENU_LINE.match(line):
        return "nav"
    if _FOOTER_LINE.match(line) and len(line) < 250:
        return "other"
    return None


def cut_edges(line: str) -> tuple[str, list[tuple[str, Reason]]]:
    """The line with furniture phrases glued to its start or end, or between two of its sentences, cut
    out, and what was cut."""
    cut: list[tuple[str, Reason]] = []
    for pattern, reason in _AT_START:
        match = pattern.match(line)
        if match and line[match.end() :].strip():
            cut.append((match.group(1).strip(), reason))
            line = line[match.end() :]
    for pattern, reason in _BETWEEN:

        def drop(match: re.Match[str], why: Reason = reason) -> str:
            cut.append((match.group(1).strip(), why))
            return " "

        line = pattern.sub(drop, line)
    for pattern, reason in _AT_END:
        match = pattern.search(line)
        if match and line[: match.start()].strip():
            cut.append((match.group(1).strip(), reason))
            line = line[: match.start()]
    return line, cut
