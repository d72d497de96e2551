"""Related-story links in a page's HTML: the links of blocks headed or classed "Related", "More stories",
"Read next" and the like."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

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
            if RELATED_HEADER.match(title):  # a "More from Business" link names a section, not a story
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


def on_site(links: list[Related], page_url: str | None) -> list[Related]:
    """Links made absolute against the page's URL, keeping those on the page's own site: links to other
    sites in a "recommended" block are mostly advertising or shop links, not related stories."""
    if not page_url:
        return links
    site = _site_of(page_url)
    kept = []
    for link in links:
        try:
            url = urljoin(page_url, link.url or "")
        except ValueError:
            continue
        if site is None or _site_of(url) == site:
            kept.append(Related(title=link.title, url=url))
    return kept


def _site_of(url: str) -> str | None:
    """The registrable part of a URL's host, roughly: "bbc.co.uk" for news.bbc.co.uk, "cnbc.com" for
    www.cnbc.com."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])
