"""Reporting cues from the shared encoder's cue head (`analyze.encoder`): the default profile's cue finder.

The cue head gives each token (its first wordpiece) P(O), P(B), P(I); a token whose probability of being in a
cue, P(B) + P(I), reaches CUE_THRESHOLD is in one, and each run of such tokens within a sentence is a cue.
The CRF role tagger (`tagger.AttributionTagger.attributions`) then draws each cue's source and
content, and the spans go through the same merge with the rules and the same vetting as in the fast profile.

Chosen on the held-out fifth of PolNeAR train (both models fitted on the other four fifths): encoder cues with
CRF roles scored triple F1 62.6 at a threshold of 0.65 (62.1 at 0.5, 61.5 at 0.8), against 61.2 for the CRF
cues (the fast profile) and 60.9 for the encoder's own source/content head, whose content boundaries were
worse (content exact F1 51 against 57); the head still trains with the others, as an auxiliary task.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc

from claimtrace.analyze.encoder import Encoding

CUE_THRESHOLD = 0.65


def encoder_cues(doc: Doc, encoding: Encoding, threshold: float = CUE_THRESHOLD) -> list[list[int]]:
    """The cues of `doc` as runs of token indices, in text order."""
    visible = np.flatnonzero(encoding.first >= 0)
    if not len(visible):
        return []
    probabilities = encoding.heads.cue_probabilities(encoding.vectors[encoding.first[visible]])
    in_cue = probabilities[:, 1] + probabilities[:, 2] >= threshold
    begins = probabilities[:, 1] > probabilities[:, 2]
    sentence_of = np.zeros(len(doc), dtype=np.int64)
    for number, sentence in enumerate(doc.sents):
        sentence_of[sentence.start : sentence.end] = number
    cues: list[list[int]] = []
    previous = -1  # position in `visible` of the last cue token
    for position in np.flatnonzero(in_cue):
        token = int(visible[position])
        continues = (
            cues
            and previous == position - 1
            and not begins[position]
            and sentence_of[cues[-1][-1]] == sentence_of[token]
        )
        if continues:
            cues[-1].append(token)
        else:
            cues.append([token])
        previous = int(position)
    return cues
