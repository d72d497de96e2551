"""Reporting cues from the shared encoder's cue head (`analyze.encoder`): the default profile's cue finder.

The cue head gives each token (its first wordpiece) P(O), P(B), P(I). A cue is a run of tokens within a
sentence whose probability of being in a cue, P(B) + P(I), reaches CUE_EXTEND (a token more likely a cue's
first than a later word starts a new run), kept when one of its tokens reaches CUE_THRESHOLD: the head is
sure of a cue's main word ("said") more often than of the words PolNeAR counts with it ("in a statement",
"according to", "has been critical of"), so those join at the lower bar.
The CRF role tagger (`tagger.AttributionTagger.attributions`) then draws each cue's source and
content, and the spans go through the same merge with the rules and the same vetting as in the fast profile.

Chosen on the held-out fifth of PolNeAR train (both models fitted on the other four fifths): encoder cues with
CRF roles scored triple F1 62.6 at a threshold of 0.65 (62.1 at 0.5, 61.5 at 0.8), against 61.2 for the CRF
cues (the fast profile) and 60.9 for the encoder's own source/content head, whose content boundaries were
worse (content exact F1 51 against 57); the head still trains with the others, as an auxiliary task. The
lower bar for a cue's other words, on the same fifth: the head's cues alone at exact F1 63.2 with one bar of
0.65, 65.8 with CUE_EXTEND at 0.4 (65.3 at 0.5); through the whole default profile, cue exact F1 66.4 → 68.9
and triple F1 62.6 → 63.7.
A rule's cue the head holds at CONFIRM_THRESHOLD but proposed no cue for ("have signalled privately", 0.65 at
most) is kept too: on that fifth, of the rules' cues the merge dropped, 31 of 48 with P(cue) ≥ 0.5 were gold
cues against 35 of 187 below; keeping them took exact F1 75.95 / 68.83 / 61.04 → 76.05 / 69.07 / 61.18 and
triple 67.07 → 67.24 (a bar of 0.4: 67.23).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from claimtrace.analyze.encoder import Encoding

CUE_THRESHOLD = 0.65  # a cue needs one token this likely
CUE_EXTEND = 0.4  # the other tokens of a cue
CONFIRM_THRESHOLD = 0.5  # a rule's cue the head is this sure of is kept though the head proposed no cue there


def encoder_cues(
    doc: Doc, encoding: Encoding, threshold: float = CUE_THRESHOLD, extend: float = CUE_EXTEND
) -> list[list[int]]:
    """The cues of `doc` as runs of token indices, in text order."""
    visible = np.flatnonzero(encoding.first >= 0)
    if not len(visible):
        return []
    probabilities = encoding.heads.cue_probabilities(encoding.vectors[encoding.first[visible]])
    in_cue = probabilities[:, 1] + probabilities[:, 2]
    begins = probabilities[:, 1] > probabilities[:, 2]
    sentence_of = np.zeros(len(doc), dtype=np.int64)
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = number
    runs: list[list[int]] = []  # positions in `visible`
    for position in np.flatnonzero(in_cue >= extend):
        token = int(visible[position])
        continues = (
            runs
            and runs[-1][-1] == position - 1
            and not begins[position]
            and sentence_of[visible[runs[-1][-1]]] == sentence_of[token]
        )
        if continues:
            runs[-1].append(int(position))
        else:
            runs.append([int(position)])
    return [[int(visible[p]) for p in run] for run in runs if in_cue[run].max() >= threshold]
