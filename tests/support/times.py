"""Running the times component alone over a sentence of ours, with a publication date."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

PUBLISHED = "2024-03-14"  # a Thursday, in ISO week 11


def times(nlp: Language, text: str, published: str | None = PUBLISHED) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.times


def timex(nlp: Language, text: str, published: str | None = PUBLISHED) -> dict[str, dict[str, Any] | None]:
    """Each expression's TIMEX3, by its text."""
    return {t["text"]: t["timex3"] for t in times(nlp, text, published)}
