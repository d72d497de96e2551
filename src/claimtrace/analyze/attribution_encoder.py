"""Attribution spans from the shared encoder's heads (`analyze.encoder`): the default profile's tagger.

The cue head tags each token (its first wordpiece) O/B/I; each run of cue tokens is a cue. For each cue the
role head tags the tokens of the cue's paragraph, at most WINDOW_SENTENCES sentences either side, as
Source/Content; a cue whose role head finds no content is dropped. The spans then go through the same merge
with the rules and the same vetting as the CRF tagger's (`attribution_model.merge`, `attribution.vet_spans`).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from claimtrace.analyze.attribution_model import WINDOW_SENTENCES, chunks, spans_of
from claimtrace.analyze.encoder import CUE_LABELS, ROLE_LABELS, Encoding
from claimtrace.analyze.types import AttributionSpans


def encoder_attributions(doc: Doc, encoding: Encoding) -> tuple[list[AttributionSpans], list[list[int]]]:
    """The encoder's attributions of `doc` and every cue it tagged (as token indices), content or not."""
    heads = encoding.heads
    visible = np.flatnonzero(encoding.first >= 0)
    if not len(visible):
        return [], []
    cue_probs = heads.cue_probabilities(encoding.vectors[encoding.first[visible]])
    labels = [CUE_LABELS[k] for k in cue_probs.argmax(axis=1)]
    sentence_of, paragraph_of = _sentences_and_paragraphs(doc)
    cues = []
    for run in chunks([f"{label}-Cue" if label != "O" else "O" for label in labels], "Cue"):
        tokens = [int(visible[p]) for p in run]
        # a cue never spans a sentence or paragraph break
        cues += _split(tokens, sentence_of)
    found = []
    for cue in cues:
        window = [
            int(i)
            for i in visible
            if paragraph_of[i] == paragraph_of[cue[0]]
            and abs(sentence_of[i] - sentence_of[cue[0]]) <= WINDOW_SENTENCES
        ]
        rows = _role_rows(encoding, window, cue)
        role_labels = [ROLE_LABELS[k] for k in rows.argmax(axis=1)]
        content = [window[p] for run in chunks(role_labels, "Content") for p in run]
        if not content:
            continue
        sources = [[window[p] for p in run] for run in chunks(role_labels, "Source")]
        source = min(sources, key=lambda run: min(abs(i - cue[0]) for i in run)) if sources else []
        found.append(
            AttributionSpans(
                content=spans_of(doc, content),
                cue=spans_of(doc, cue),
                source=spans_of(doc, source),
                origin="model",
            )
        )
    return found, cues


def _role_rows(encoding: Encoding, window: list[int], cue: list[int]) -> np.ndarray:
    """Role probabilities of each window token's first piece for one cue (the cue vector is the mean over
    all the cue's pieces, as in training)."""
    cue_pieces = list(range(int(encoding.first[cue[0]]), int(encoding.last[cue[-1]]) + 1))
    token_pieces = [int(encoding.first[i]) for i in window]
    return encoding.heads.role_probabilities(encoding.vectors, cue_pieces, token_pieces)


def _split(tokens: list[int], sentence_of: np.ndarray) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in tokens:
        if runs and sentence_of[runs[-1][-1]] == sentence_of[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _sentences_and_paragraphs(doc: Doc) -> tuple[np.ndarray, np.ndarray]:
    sentence_of = np.zeros(len(doc), dtype=np.int64)
    paragraph_of = np.zeros(len(doc), dtype=np.int64)
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = number
    paragraph = 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            paragraph += 1
        paragraph_of[token.i] = paragraph
    return sentence_of, paragraph_of
