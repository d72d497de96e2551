"""Text normalisation and MinHash signatures shared by reprint detection and claim matching.

Signatures are computed for all items of a text at once with numpy (seeded multiply-shift hash functions over
64-bit item hashes) and banded for LSH by link/bands.py. Word hashes use CRC-32, which is stable across
processes and Python versions, so signatures stored in the database stay comparable between runs.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

SEED = 1
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: order-sensitive combination
_WORD = re.compile(r"[^\W_]+")

# Function words carry no claim: without them "Russia is ready to talk" matches "Russia ready to talk".
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "those",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
        "than",
        "then",
        "there",
        "these",
        "also",
        "just",
        "not",
        "no",
        "do",
        "does",
        "did",
    ]
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits)."""
    return _WORD.findall(text.casefold())


def _stem(word: str) -> str:
    """A light suffix strip so plural and tense variants meet: talks/talk, signalled/signal."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_tokens(text: str) -> list[str]:
    """The normalised tokens of a claim's content: no function words, lightly stemmed, order kept."""
    return [_stem(w) for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded multiply-shift hash functions: h -> (a*h + b mod 2^64) >> 32, with odd multipliers."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(1, 1 << 62, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = generator.randint(0, 1 << 62, size=num_perm, dtype=np.uint64)
    return a, b


_WORD_HASHES: dict[str, int] = {}
_MAX_CACHED_WORDS = 2_000_000


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        value = zlib.crc32(word.encode())
        if len(_WORD_HASHES) < _MAX_CACHED_WORDS:  # a news vocabulary fits; a flood of junk tokens does not
            _WORD_HASHES[word] = value
    return value


def _word_hashes(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(_word_hash, tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(text: str, size: int = 3) -> np.ndarray:
    """Distinct 64-bit hashes of an article's overlapping word `size`-grams (the unit of near-duplicate
    comparison), combined from per-word CRC-32s in numpy rather than hashing each joined string."""
    hashes = _word_hashes(words(text))
    if len(hashes) == 0:
        return hashes
    if len(hashes) >= size:
        combined = np.zeros(len(hashes) - size + 1, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for offset in range(size):
                combined = combined * _SHINGLE_MULTIPLIER + hashes[offset : offset + len(combined)]
        hashes = combined
    return np.unique(hashes)


def token_hashes(tokens: list[str]) -> np.ndarray:
    """Distinct hashes of a token list (claim content tokens)."""
    return np.unique(_word_hashes(tokens))


def signature(hashes: np.ndarray, num_perm: int = 128) -> np.ndarray:
    """The MinHash signature (`num_perm` uint32 values) of a set of item hashes; all-maximum when empty."""
    a, b = _permutations(num_perm)
    if len(hashes) == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):  # arithmetic mod 2^64 is the hash family itself
        permuted = np.multiply.outer(hashes, a)
        permuted += b
    # The shift is monotone, so it can follow the minimum instead of touching every value.
    return (permuted.min(axis=0) >> np.uint64(32)).astype(np.uint32)


def to_blob(values: np.ndarray) -> bytes:
    """Signature values fit 32 bits (see `signature`): store them as little-endian uint32."""
    return values.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def jaccard(first: set[str] | set[bytes], second: set[str] | set[bytes]) -> float:
    if not first and not second:
        return 0.0
    return len(first & second) / len(first | second)
