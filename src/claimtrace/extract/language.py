"""Language of an article body, with py3langid: non-English text is flagged, never analysed as English."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Below this many letters a guess is noise: short texts are taken as English.
MIN_LETTERS = 30
# A weaker guess than this (names-heavy English often scores low for everything) is taken as English too.
MIN_CONFIDENCE = 0.5
_SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639 code of the text's language ("en" for English)."""
    sample = text[:_SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return "en"
    language, confidence = _identifier().classify(sample)
    return language if confidence >= MIN_CONFIDENCE else "en"
