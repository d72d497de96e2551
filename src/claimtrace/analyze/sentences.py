"""Sentence boundaries read from a Doc's SENT_START array: as `doc.sents` has them, without building Spans."""

from __future__ import annotations

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc


def sentence_starts(doc: Doc) -> np.ndarray:
    """Indices of the tokens that start a sentence (the first token always does)."""
    is_start = doc.to_array(SENT_START).astype(np.int64) == 1
    if len(is_start):
        is_start[0] = True
    return np.flatnonzero(is_start)


def sentence_numbers(doc: Doc) -> list[int]:
    """The number (0, 1, …) of the sentence each token belongs to."""
    numbers = np.zeros(len(doc), dtype=np.int64)
    numbers[sentence_starts(doc)] = 1
    return (np.cumsum(numbers) - 1).tolist()
