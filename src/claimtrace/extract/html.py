"""HTML pages through trafilatura: body text, title, URL, site, publication date and related links.

The date comes only from publication metadata (meta tags, JSON-LD, <time> elements, the URL): htmldate's
extensive search is off, because it falls back to any year on the page, such as a footer's copyright.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement

from claimtrace.errors import InputError
from claimtrace.extract.related_html import on_site, related_links
from claimtrace.record import Related

# trafilatura and htmldate log every odd page at WARNING/ERROR; claimtrace reports failures itself.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_WORD = re.compile(r"\w")
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    related: list[Related] = field(default_factory=list)


def extract_html(html: str, origin: str, url: str | None = None) -> HtmlArticle:
    """The article in `html`, or InputError when the page cannot be parsed or holds no article text."""
    tree = _parse(html, origin)
    try:
        related = related_links(tree)
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        # lxml and trafilatura raise these on pathological markup; one page must not stop a batch.
        raise InputError(origin, f"malformed HTML ({type(exc).__name__})") from None
    text = getattr(document, "text", None) or ""
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not any(_WORD.search(p) for p in paragraphs):
        raise InputError(origin, "no article text found in the HTML")
    page_url = url or document.url
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=document.title or None,
        url=page_url or None,
        site=document.sitename or hostname(page_url),
        published=document.date or None,
        related=on_site(related, page_url),
    )


def _parse(html: str, origin: str) -> HtmlElement:
    tree = None
    # A fragment or bare text ("<p>…</p>", or a JSONL "html" field holding text) parses once wrapped.
    for markup in (html, f"<html><body>{html}</body></html>"):
        try:
            tree = trafilatura.load_html(markup)
        except (ValueError, TypeError, RecursionError):
            tree = None
        if tree is not None:
            break
    if tree is None:
        raise InputError(origin, "malformed HTML: cannot be parsed")
    return tree


def hostname(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
