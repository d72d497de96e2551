"""Language of an article body, with py3langid: non-English text is flagged, never analysed as English.

A text is called "not English" only on enough evidence; below the thresholds it is analysed as English and
carries a warning. The thresholds come from `bench/bench_language.py` (short English texts of the corpora in
../shared/eval against the non-English articles there).
"""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# Fewer letters than this is too little to call a text not English (headlines, single sentences).
MIN_LETTERS = 30
# A weaker guess than this is taken as English too: of 44,930 English sentences and headlines, 3,854 are
# guessed as another language (pcm, la, fr …), none with more than 0.902 confidence at 30+ letters; at 0.95
# still 704 of 1,098 non-English sentences (and whole non-English articles) are caught.
MIN_CONFIDENCE = 0.95
_SAMPLE_CHARS = 2000


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> tuple[str, float, int]:
    """py3langid's guess for the start of `text`: (ISO 639 code, confidence, letters it was judged on)."""
    sample = text[:_SAMPLE_CHARS]
    language, confidence = _identifier().classify(sample)
    return language, float(confidence), sum(c.isalpha() for c in sample)


def detect_language(text: str) -> tuple[str, str | None]:
    """The text's language ("en" for English) and, when a guess of another language was too weak to act on,
    a warning saying so."""
    language, confidence, letters = guess_language(text)
    if language == "en":
        return "en", None
    if letters < MIN_LETTERS or confidence < MIN_CONFIDENCE:
        return "en", (
            f"looks like {language!r} (confidence {confidence:.2f} on {letters} letters), too little "
            "evidence to call it not English: analysed as English"
        )
    return language, None
