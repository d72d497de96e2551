"""Merging the rule finder's attributions with the trained tagger's, and vetting the result against the parse:
the attribution component's policy, in one place.

The tagger finds more cues (recall), the rules draw tighter contents where both find the same cue, and some
rule finds are kept alone (`merge`); a tagger cue left without a source takes its verb's subject
(`with_subject_sources`). Then merged spans are vetted (`vet_spans`): a cue that is an adjective's
infinitive ("ready to discuss") or an anonymity formula ("asked not to be named") is no report, nor is a
participle inside a source phrase ("officials briefed on the talks said"); a citing cue ("Citing three
officials, the paper said …") that the rules read as a link of a chain, while a merged span took the cited
source for its content, is refuted too. Refuted spans give way to the rules' reading of the same cue, if any.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from claimtrace.analyze.attribution.rules import (
    is_adjective_infinitive,
    is_participle_modifier,
    subject_source,
)
from claimtrace.analyze.attribution.rules.kinds import plain_report, rule_kind
from claimtrace.analyze.attribution.spans import AttributionSpans, Intervals, TokenRoleScore
from claimtrace.analyze.attribution.tagger import AttributionTagger, load_tagger, spans_of
from claimtrace.analyze.lexicon import CITING_FORMS, CITING_VERBS
from claimtrace.analyze.sources import is_anonymity_formula
from claimtrace.record import Offsets

# rule attributions of these kinds are kept even where the tagger found no cue (see merge)
RULE_ONLY_KINDS = frozenset({"direct", "according_to"})
# How much more content-like, or source-like, (summed log-odds of the role scorer's P(content) or P(source))
# the tagger's content or source of a cue must be than the rules' to replace it (`scored_roles`). On the
# held-out fifth of PolNeAR train (encoder and scorer fitted on the other four), where the two contents differ
# the rules' was exact in 288 of 639 cases and the tagger's in 230; choosing by the content margin is right in
# 342 (321-342 for margins of -10 to -20): content exact F1 59.7 -> 61.1, triple 65.6 -> 66.8. Choosing
# sources the same way then gave source exact F1 75.4 -> 76.0-76.1 and triple +0.6-0.8 for margins of -3 to
# -15 (measured on the spans before the outlet-link filter of the scorer).
CONTENT_SWAP_MARGIN = -15.0
SOURCE_SWAP_MARGIN = -10.0


def find_attributions(
    doc: Doc,
    rule_spans: list[AttributionSpans],
    tagger: AttributionTagger | None = None,
    cues: list[list[int]] | None = None,
    confirming: Sequence[list[int]] = (),
    doubted: Collection[int] = (),
) -> list[AttributionSpans]:
    """The merged attributions of a Doc: the tagger's (default: the packaged model's) for its own cues or
    the given ones (token index runs: the shared encoder's), merged with the rule finder's `rule_spans`; a
    tagger-found cue left without a source takes its verb's subject. `confirming` (token index runs: the
    encoder's cues at its lower confirming bar) also confirm the rules' cues they overlap, and `doubted`
    (indices into `rule_spans`: those the encoder holds no cue) are not kept alone (`merge`)."""
    tagged, cues = (tagger or load_tagger()).tag(doc, rule_spans, cues)
    model_cues = [spans_of(doc, c) for c in [*cues, *confirming]]
    merged = merge(tagged, rule_spans, doc.text, model_cues, doubted)
    return with_subject_sources(doc, merged)


def with_subject_sources(doc: Doc, attributions: list[AttributionSpans]) -> list[AttributionSpans]:
    """Give each tagger attribution that has no source its cue verb's speaking subject, if any
    (`rules.subject_source`); the rules' attributions are left as they are."""
    for found in attributions:
        if found.origin == "model" and not found.source:
            found.source = subject_source(doc, found.cue, found.content)
    return attributions


def merge(
    model_spans: list[AttributionSpans],
    rule_spans: list[AttributionSpans],
    text: str,
    model_cues: Sequence[Sequence[Offsets]] = (),
    doubted: Collection[int] = (),
) -> list[AttributionSpans]:
    """Merge by measurement on PolNeAR dev: the tagger finds more cues (recall), the rules draw tighter
    contents where both find the same cue (unless the role scorer prefers the tagger's, `scored_roles`),
    and rule-only attributions pay off only for quotes, "according
    to", plain sourced reports ("X said …") and stances ("X accused Y of …"; 75-91% right on train, rules
    alone), "Asked if …" questions, the links of citing chains ("Citing X, …") and cues in `model_cues`: those
    the tagger proposed but found no content for and, in the default profile, those the encoder's cue head
    holds at its lower confirming bar (elsewhere they cost more precision than they add recall)."""
    merged: list[AttributionSpans] = []
    used: set[int] = set()
    shared = _shared_cues(rule_spans)
    for found in model_spans:
        rival = next(
            (k for k, rule in enumerate(rule_spans) if k not in used and _cues_overlap(found.cue, rule.cue)),
            None,
        )
        if rival is None:
            merged.append(found)
        else:
            used.add(rival)
            rule = rule_spans[rival]
            paired = bool(rule.cue) and rule.cue[0] in shared  # an outlet pair keeps one content
            merged.append(rule if paired else scored_roles(rule, found))
    for k, rule in enumerate(rule_spans):
        if k in used or k in doubted:
            continue
        confirmed = any(_cues_overlap(rule.cue, cue) for cue in model_cues)
        trusted = (
            rule_kind(text, rule) in RULE_ONLY_KINDS
            or plain_report(text, rule)
            or _asked(text, rule)
            or _citing(text, rule)
        )
        if not (confirmed or trusted):
            continue
        if not any(_cues_overlap(rule.cue, kept.cue) for kept in merged):
            merged.append(rule)
    return merged


def scored_roles(rule: AttributionSpans, tagged: AttributionSpans) -> AttributionSpans:
    """The rules' attribution of a cue the tagger found too, with the tagger's content or source instead
    where the default profile's role scorer (`tagged.role_scores`) finds the words only one of the two holds
    more content-like (source-like) on the tagger's side by CONTENT_SWAP_MARGIN (SOURCE_SWAP_MARGIN)."""
    if not tagged.role_scores:
        return rule
    scores = tagged.role_scores
    changes: dict[str, list[Offsets]] = {}
    if tagged.content and _margin(scores, rule.content, tagged.content, "content") <= CONTENT_SWAP_MARGIN:
        changes["content"] = list(tagged.content)
    if tagged.source and _margin(scores, rule.source, tagged.source, "source") <= SOURCE_SWAP_MARGIN:
        changes["source"] = list(tagged.source)
    return replace(rule, **changes) if changes else rule


def _margin(
    scores: Sequence[TokenRoleScore], ours: Sequence[Offsets], theirs: Sequence[Offsets], role: str
) -> float:
    """The summed log-odds of P(role) over the scored tokens only `ours` holds, less the same over those only
    `theirs` holds. Tokens outside the scorer's window count 0, so a long quote the rules followed past it
    is not held against them."""
    margin = 0.0
    for token in scores:
        in_ours, in_theirs = _covers(ours, token.start, token.end), _covers(theirs, token.start, token.end)
        if in_ours != in_theirs:
            odds = _log_odds(getattr(token, role))
            margin += odds if in_ours else -odds
    return margin


def _covers(spans: Sequence[Offsets], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _log_odds(probability: float) -> float:
    p = min(max(probability, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


def _asked(text: str, attribution: AttributionSpans) -> bool:
    """The rules' "Asked if the plan would pass, …": a question with no source, cued by "asked" (right in 28
    of 45 on PolNeAR train, where the tagger rarely proposes the cue)."""
    words = " ".join(text[s:e] for s, e in attribution.cue).lower().split()
    return not attribution.source and words == ["asked"]


def _citing(text: str, attribution: AttributionSpans) -> bool:
    """The rules' link of a citing chain ("Citing three officials, the paper said …"): kept alone, since a
    claim's provenance runs through it, and the encoder's cue head often leaves the participle below its
    threshold."""
    words = " ".join(text[s:e] for s, e in attribution.cue).lower().split()
    return bool(attribution.source) and len(words) == 1 and words[0] in CITING_FORMS


def _cues_overlap(a: Sequence[Offsets], b: Sequence[Offsets]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


def vet_spans(
    doc: Doc, spans: list[AttributionSpans], rule_spans: list[AttributionSpans]
) -> list[AttributionSpans]:
    """The merged spans without those the parse refutes, each replaced by the rules' attributions of its cue;
    and the rules' outlet links ("told the Post") whose reporting act the merge kept in another reading."""
    rule_reading = {found.cue[0]: found for found in rule_spans if found.cue}
    sources = Intervals((s, e, j) for j, found in enumerate([*spans, *rule_spans]) for s, e in found.source)
    kept: list[AttributionSpans] = []
    refuted_cues: list[Offsets] = []
    for found in spans:
        if _refuted(doc, found, rule_reading, sources):
            refuted_cues.extend(found.cue)
        else:
            kept.append(found)
    kept_cues = {cue for found in kept for cue in found.cue}
    kept_ids = {id(found) for found in kept}  # the merge passes rule spans through as they are
    shared = _shared_cues(rule_spans)
    for found in rule_spans:
        if id(found) in kept_ids or _refuted(doc, found, rule_reading, sources):
            continue
        replaces = any(_overlap(cue, other) for cue in found.cue for other in refuted_cues)
        outlet_link = bool(found.cue) and found.cue[0] in shared and found.cue[0] in kept_cues
        if replaces or outlet_link:
            kept.append(found)
    return kept


def _refuted(
    doc: Doc, found: AttributionSpans, rule_reading: dict[Offsets, AttributionSpans], sources: Intervals
) -> bool:
    """Whether the parse refutes an attribution: its cue is an adjective's infinitive or an anonymity
    formula; it is a participle inside a source phrase ("officials briefed on the talks said"), describing
    the source; or it is a citing phrase the rules read as a link of a chain ("Citing X, the paper said")
    while the span took the cited source for content."""
    if not found.cue:
        return False
    first = found.cue[0]
    cue = doc.char_span(first[0], first[1], alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    if any(is_adjective_infinitive(t) or is_anonymity_formula(t) for t in cue if t.pos_ in ("VERB", "AUX")):
        return True
    inside_source = any(s <= first[0] and first[1] <= e for s, e, _ in sources.holding(first[0]))
    if inside_source and is_participle_modifier(cue.root):
        return True
    reading = rule_reading.get(first)
    return (
        cue.root.lemma_ in CITING_VERBS
        and reading is not None
        and reading is not found
        and reading.content != found.content
    )


def _shared_cues(spans: list[AttributionSpans]) -> set[Offsets]:
    seen: set[Offsets] = set()
    shared: set[Offsets] = set()
    for found in spans:
        for cue in found.cue[:1]:
            (shared if cue in seen else seen).add(cue)
    return shared


def _overlap(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]
