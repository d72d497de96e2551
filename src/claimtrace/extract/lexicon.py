"""A compact English word list (lower-case), loaded once: evidence for splitting glued words."""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).parent / "data" / "english-words.txt.gz"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    with gzip.open(LEXICON_PATH, "rt", encoding="ascii") as words:
        return frozenset(words.read().split("\n"))


def word_set(words: str) -> frozenset[str]:
    """A set from whitespace-separated words: keeps long word lists in code readable."""
    return frozenset(words.split())


def is_english_word(word: str) -> bool:
    return word.lower() in english_words()
