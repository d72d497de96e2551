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
triple 67.07 → 67.24 (a bar of 0.4: 67.23). The same bar drops what the rules alone found
where the head holds every word of the cue below it (`doubted_rule_cues`): quotes, plain reports and stances
the rules keep alone were kept whatever the head said, and of those it held below 0.35, 8 of 82 were gold
cues (misses: "can't just say", "would say", "what they call", reports inside another's content such as
"He said Obama hopes …", which PolNeAR rarely marks). Dropping them below 0.2 / 0.35 / 0.5 / 0.6 gave triple
67.84 / 67.98 / 68.05 / 68.00. A quote relayed inside a quote ("“They told us, ‘We will not sign’”") is a link
of a claim's provenance and is never doubted, at a cost there of 0.08 (triple 67.97; exact F1 76.85 / 69.72
/ 61.78). Dev, scored once after: 77.7 / 69.1 / 59.8, triple 67.2 → 78.3 / 69.6 / 60.2, triple 67.7.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc

from claimtrace.analyze.attribution.quotes import find_quotes
from claimtrace.analyze.attribution.spans import AttributionSpans
from claimtrace.analyze.encoder import Encoding

CUE_THRESHOLD = 0.65  # a cue needs one token this likely
CUE_EXTEND = 0.4  # the other tokens of a cue
# a rule's cue found alone is kept where the head holds one of its words this likely (though it proposed no
# cue there), and dropped where it holds every word below it
CONFIRM_THRESHOLD = 0.5


def doubted_rule_cues(
    doc: Doc, encoding: Encoding, rule_spans: Sequence[AttributionSpans], bar: float = CONFIRM_THRESHOLD
) -> set[int]:
    """Indices of the rule attributions whose cue words the head holds below `bar`, every one of them. A cue
    of no word ("—" before a signature, ":") is never doubted: the head was not trained to see those."""
    probabilities = encoding.in_cue
    quotes = find_quotes(doc)
    nested = {q.start for q in quotes if q.depth > 0}  # where a quote inside a quote opens
    doubted = set()
    for k, found in enumerate(rule_spans):
        words = [
            t for s, e in found.cue if (span := doc.char_span(s, e, alignment_mode="expand")) for t in span
        ]
        words = [t for t in words if any(c.isalnum() for c in t.text)]
        content = [doc.char_span(s, e, alignment_mode="expand") for s, e in found.content]
        relayed = any(span is not None and len(span) and span.start in nested for span in content)
        if words and not relayed and max(probabilities[t.i] for t in words) < bar:
            doubted.add(k)
    return doubted


def encoder_cues(
    doc: Doc, encoding: Encoding, threshold: float = CUE_THRESHOLD, extend: float = CUE_EXTEND
) -> list[list[int]]:
    """The cues of `doc` as runs of token indices, in text order."""
    visible = np.flatnonzero(encoding.first >= 0)
    if not len(visible):
        return []
    probabilities = encoding.cue_probabilities[visible]
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
