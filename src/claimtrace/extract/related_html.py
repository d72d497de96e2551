"""Related-story links in a page's HTML: the links of blocks headed or classed "Related", "More stories",
"Read next" and the like."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from claimtrace.extract.related_text import RELATED_HEADER
from claimtrace.record import Related

_RELATED_CLASS = re.compile(
    r"related|more-?stories|more-?news|read-?next|recommend|also-?like|up-?next|most-?read|trending",
    re.IGNORECASE,
)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "header", "strong", "b")
_MIN_TITLE_WORDS = 3
_MAX_LINKS = 40
_BLOCK_ANCESTORS = 3


def related_links(tree: HtmlElement) -> list[Related]:
    """Titles and URLs (as written in the page) of its related-story links, in page order, without repeats."""
    blocks: list[HtmlElement] = []
    for element in tree.iter("aside", "section", "div", "ul", "nav", "ol"):
        marker = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("aria-label"))))
        if marker and _RELATED_CLASS.search(marker):
            blocks.append(element)
    for heading in tree.iter(*_HEADING_TAGS):
        text = heading.text_content().strip() if len(heading) <= 2 else ""
        if text and len(text) < 60 and RELATED_HEADER.match(text):
            blocks.append(_block_with_links(heading))
    found: list[Related] = []
    seen: set[str] = set()
    for block in blocks:
        for link in block.iter("a"):
            title = " ".join(link.text_content().split())
            href = link.get("href")
            if len(title.split()) < _MIN_TITLE_WORDS or href is None or href.startswith(("#", "javascript:")):
                continue
            url = href.strip()
            if url in seen or title in seen:
                continue
            seen.update((url, title))
            found.append(Related(title=title, url=url))
            if len(found) >= _MAX_LINKS:
                return found
    return found


def _block_with_links(heading: HtmlElement) -> HtmlElement:
    """The nearest ancestor of a heading that holds links: the heading's block."""
    block = heading
    for _ in range(_BLOCK_ANCESTORS):
        parent = block.getparent()
        if parent is None:
            break
        block = parent
        if any(True for _ in block.iter("a")):
            break
    return block
