"""Extract an article from a RawInput: HTML through trafilatura, scraped text through the residue cleaner.

`extract(raw, settings)` returns the Document every later stage indexes into, or raises InputError.
"""

from __future__ import annotations

from claimtrace.errors import InputError
from claimtrace.extract.html import extract_html, hostname
from claimtrace.extract.language import detect_language
from claimtrace.extract.residue import CleanText, clean_scraped_text
from claimtrace.record import Document, Meta, RawInput
from claimtrace.settings import Settings

__all__ = ["clean_scraped_text", "extract"]


def extract(raw: RawInput, settings: Settings) -> Document:
    """The article in `raw`; InputError when there is none."""
    if raw.html is not None:
        document = _from_html(raw, settings)
    elif raw.text is not None:
        document = _from_text(raw, settings)
    else:
        raise InputError(raw.origin, "input holds neither text nor HTML", raw.id)
    if not document.text.strip():
        raise InputError(raw.origin, "no article text after cleaning", raw.id)
    document.meta.language, language_warning = detect_language(document.text)
    document.warnings = [*raw.warnings, *([language_warning] if language_warning else [])]
    if raw.published:
        document.meta.published, document.meta.published_basis = raw.published, "given"
    return document


def _from_html(raw: RawInput, settings: Settings) -> Document:
    try:
        article = extract_html(raw.html or "", raw.origin, raw.url)
    except InputError as exc:
        raise InputError(exc.origin, exc.message, raw.id) from None
    if settings.clean:
        cleaned = clean_scraped_text(article.text, unheaded_related=False)
    else:
        cleaned = CleanText(article.text)
    return Document(
        id=raw.id,
        text=cleaned.text,
        meta=Meta(
            title=article.title,
            url=article.url,
            site=article.site,
            published=article.published,
            published_basis="metadata" if article.published else "none",
        ),
        removed=cleaned.removed,
        related=article.related + cleaned.related,
    )


def _from_text(raw: RawInput, settings: Settings) -> Document:
    text = raw.text or ""
    cleaned = clean_scraped_text(text) if settings.clean else CleanText(text)
    return Document(
        id=raw.id,
        text=cleaned.text,
        meta=Meta(url=raw.url, site=hostname(raw.url)),
        removed=cleaned.removed,
        related=cleaned.related,
    )
