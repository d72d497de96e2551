"""Clean scraped text: template tags, page furniture and related-story blocks out, glued words repaired.

Every piece taken out is listed with its reason; related headlines also go to `related`. Lines that are
article prose are only ever trimmed at their edges, never dropped, so every sentence of the article stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimtrace.extract.glue import repair_glued_words
from claimtrace.extract.related_text import inline_related_title, trailing_related_block
from claimtrace.extract.templates import TEMPLATE_TAG
from claimtrace.extract.ui_strings import cut_edges, whole_line_reason
from claimtrace.record import Related, Removed

_SPACES = re.compile(r"[ \t]{2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass
class CleanText:
    text: str
    removed: list[Removed] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)


def clean_scraped_text(text: str, unheaded_related: bool = True) -> CleanText:
    """Clean `text`. With `unheaded_related=False` only a related block under a header ("Related", "More
    Stories") is taken: text extracted from HTML has lost its link blocks already, and a run of short lines
    closing it is more likely a list that belongs to the article."""
    result = CleanText(text="")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _drop_template_tags(text, result)
    lines = [_clean_line(line, result) for line in text.split("\n")]
    _drop_trailing_related(lines, result, unheaded_related)
    kept = "\n".join(_SPACES.sub(" ", line).strip() for line in lines if line is not None)
    result.text = repair_glued_words(_BLANK_LINES.sub("\n\n", kept).strip())
    return result


def _drop_template_tags(text: str, result: CleanText) -> str:
    def drop(match: re.Match[str]) -> str:
        result.removed.append(Removed(text=match.group(0), reason="template"))
        return " "

    return TEMPLATE_TAG.sub(drop, text)


def _clean_line(line: str, result: CleanText) -> str | None:
    """The line with its furniture cut, or None when the whole line was furniture or a related link."""
    if not line.strip():
        return ""
    reason = whole_line_reason(line)
    if reason is not None:
        result.removed.append(Removed(text=line.strip(), reason=reason))
        return None
    title = inline_related_title(line)
    if title is not None:
        result.removed.append(Removed(text=line.strip(), reason="related"))
        result.related.append(Related(title=title))
        return None
    line, cut = cut_edges(line)
    result.removed.extend(Removed(text=piece, reason=why) for piece, why in cut)
    return line


def _drop_trailing_related(lines: list[str | None], result: CleanText, unheaded: bool) -> None:
    present = [(i, line) for i, line in enumerate(lines) if line is not None]
    block = trailing_related_block([line for _, line in present])
    if block is None or (block[1] is None and not unheaded):
        return
    start, header, titles = block
    if header is not None:
        result.removed.append(Removed(text=present[header][1].strip(), reason="related"))
    for title in titles:
        result.removed.append(Removed(text=title, reason="related"))
        result.related.append(Related(title=title))
    for position in range(start, len(present)):
        lines[present[position][0]] = None
