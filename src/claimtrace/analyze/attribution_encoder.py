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
from claimtrace.analyze.encoder import Encoding
from claimtrace.analyze.types import AttributionSpans


def encoder_attributions(doc: Doc, encoding: Encoding) -> tuple[list[AttributionSpans], list[list[int]]]:
    """The encoder's attributions of `doc` and every cue it tagged (as token indices), content or not."""
    heads = encoding.heads
    visible = np.flatnonzero(encoding.first >= 0)
    if not len(visible):
        return [], []
    cue_probs = heads.cue_probabilities(encoding.vectors[encoding.first[visible]])
    layout = _Layout(doc, visible)
    cues = []
    for run in chunks(decode(cue_probs, ("Cue",)), "Cue"):
        # a cue never spans a sentence break
        cues += _split([int(visible[p]) for p in run], layout.sentence_of)
    found = [spans for cue in cues if (spans := layout.roles(encoding, cue)) is not None]
    return found, cues


class _Layout:
    """Sentence and paragraph of each token, for the role window of a cue."""

    def __init__(self, doc: Doc, visible: np.ndarray) -> None:
        self.doc = doc
        self.visible = visible
        self.sentence_of, self.paragraph_of = _sentences_and_paragraphs(doc)

    def roles(self, encoding: Encoding, cue: list[int]) -> AttributionSpans | None:
        """The role head's source and content for one cue (token indices), or None without content."""
        sentence, paragraph = self.sentence_of[cue[0]], self.paragraph_of[cue[0]]
        near = (self.paragraph_of[self.visible] == paragraph) & (
            np.abs(self.sentence_of[self.visible] - sentence) <= WINDOW_SENTENCES
        )
        window = [int(i) for i in self.visible[near]]
        role_labels = decode(_role_rows(encoding, window, cue), ("Source", "Content"))
        content = [window[p] for run in chunks(role_labels, "Content") for p in run]
        if not content:
            return None
        sources = [[window[p] for p in run] for run in chunks(role_labels, "Source")]
        source = min(sources, key=lambda run: min(abs(i - cue[0]) for i in run)) if sources else []
        return AttributionSpans(
            content=spans_of(self.doc, content),
            cue=spans_of(self.doc, cue),
            source=spans_of(self.doc, source),
            origin="model",
        )


def decode(probabilities: np.ndarray, roles: tuple[str, ...]) -> list[str]:
    """BIO labels from (n, 1 + 2 * len(roles)) probabilities of O, B-role, I-role, …: each token takes the
    role (or O) with the most probability in its B and I together — a plain argmax leaves holes where a word's
    probability of content is split between B and I — and begins a run where the role changes or B
    outweighs I."""
    by_role = np.column_stack(
        [
            probabilities[:, 0],
            *(probabilities[:, 1 + 2 * k] + probabilities[:, 2 + 2 * k] for k in range(len(roles))),
        ]
    )
    choice = by_role.argmax(axis=1)
    labels = []
    for p, k in enumerate(choice):
        if k == 0:
            labels.append("O")
            continue
        begins = p == 0 or choice[p - 1] != k or probabilities[p, 2 * k - 1] > probabilities[p, 2 * k]
        labels.append(f"{'B' if begins else 'I'}-{roles[k - 1]}")
    return labels


def _role_rows(encoding: Encoding, window: list[int], cue: list[int]) -> np.ndarray:
    """Role probabilities of each window token's first piece for one cue (the cue vector is the mean over
    all the cue's pieces, as in training)."""
    cue_pieces = list(range(int(encoding.first[cue[0]]), int(encoding.last[cue[-1]]) + 1))
    token_pieces = [int(encoding.first[i]) for i in window]
    return encoding.role_probabilities(cue_pieces, token_pieces)


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
