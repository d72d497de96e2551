"""Resolve pronoun and definite sources to the earlier mention they refer to, within one document.

Candidates are earlier attribution sources and PERSON/ORG/GPE entities. A pronoun takes the nearest
compatible one (number and gender agree), preferring a recent source (a speaker tends to go on speaking)
over a name merely mentioned; "I"/"we" inside a quote take the quote's speaker; "who" takes the noun its
clause describes; a definite description ("the officials", "the diplomat", "the newspaper") takes the
nearest earlier source with the same head noun or, for "the source", any earlier anonymous source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from claimtrace.analyze.lexicon import DEFINITE_DETERMINERS, GENDERED_NOUNS, PRONOUNS, TITLES
from claimtrace.analyze.sentences import sentence_numbers
from claimtrace.record import SourceProfile

SPEAKER_PRONOUNS = frozenset({"i", "me", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
GENERIC_SOURCE_HEADS = frozenset({"source", "sources"})
RECENT_SENTENCES = 3  # a source this close wins over a nearer name that was only mentioned
LOOKBACK = 60  # candidates examined per mention: keeps resolution linear in document length

HONORIFIC_HASHES = np.array(
    sorted(get_string_id(w) for w, (_, gender) in TITLES.items() if gender is not None), dtype=np.uint64
)
ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "government"}
ORGANISATION_TYPES = frozenset({"organization", "government", "media"})
# a one-word name ("Brandt", "the Post") and the kinds of earlier mention that can give it in full
FULL_NAME_TYPES = {"person": frozenset({"person"}), "media": frozenset({"media", "organization"})}


@dataclass
class Mention:
    start: int  # token index of the mention's start
    sentence: int
    text: str
    type: str  # a source-profile type
    number: str | None  # "sg" | "pl" | None
    gender: str | None
    head: str  # lower-cased lemma of the head word
    is_source: bool
    role: str | None = None  # the source profile's role ("spokeswoman", "press secretary")
    named: bool = False  # a name, not a description: only a named organisation speaks as "it" or "they"
    resolved: str | None = None
    name: str | None = None  # the name inside a longer source phrase ("a report by The Harbor Post")

    @property
    def refers_to(self) -> str:
        return self.resolved or self.name or self.text


@dataclass
class SourceMention:
    """A source to resolve: its span, its profile (updated in place) and its attribution's parent, if any."""

    span: Span
    profile: SourceProfile
    parent: int | None  # index into the list passed to `resolve_sources`


def resolve_sources(doc: Doc, sources: list[SourceMention | None], ents: list[Span] | None = None) -> None:
    """Fill `profile.resolved_to` for pronoun and definite sources; `sources` is in text order, None where
    an attribution has no source; `ents` are the Doc's entities when the caller has them already."""
    if not any(sources):
        return
    sentence_of = sentence_numbers(doc)
    surnames = _honorific_genders(doc)
    entities = [
        _entity_mention(ent, sentence_of, surnames)
        for ent in (ents or doc.ents)
        if ent.label_ in ENTITY_TYPES
    ]
    candidates: list[Mention] = []
    genders: dict[str, str] = {}  # referent -> the gender a resolved "he"/"she" showed it to have
    next_entity = 0
    resolved_text: list[str | None] = []
    for item in sources:
        if item is None:
            resolved_text.append(None)
            continue
        span = item.span
        while next_entity < len(entities) and entities[next_entity].start < span.start:
            candidates.append(_with_known_gender(entities[next_entity], genders))
            next_entity += 1
        mention = _source_mention(item, sentence_of, surnames)
        target = _resolve(item, mention, candidates, resolved_text)
        if target is not None:
            item.profile.resolved_to = target
            mention.resolved = target
            _learn_gender(mention, candidates, target)
            if mention.gender is not None:
                genders.setdefault(target, mention.gender)
        resolved_text.append(mention.refers_to)
        candidates.append(_with_known_gender(mention, genders))


def _resolve(
    item: SourceMention,
    mention: Mention,
    candidates: list[Mention],
    resolved_text: list[str | None],
) -> str | None:
    span = item.span
    root = span.root
    lower = root.lower_
    if mention.type == "pronoun":
        if lower in SPEAKER_PRONOUNS:
            if item.parent is not None and item.parent < len(resolved_text):
                return resolved_text[item.parent]
            return None
        if lower in RELATIVE_PRONOUNS:
            antecedent = root.head.head if root.head.dep_ == "relcl" else None
            if antecedent is None:
                return None
            return span.doc[antecedent.left_edge.i : antecedent.i + 1].text
        return _nearest(mention, candidates, _pronoun_fits)
    if item.profile.name is None and any(t.lower_ in DEFINITE_DETERMINERS for t in root.lefts):
        return _nearest(mention, candidates, _description_fits, sources_only=True)
    name = item.profile.name
    if mention.type in FULL_NAME_TYPES and name is not None and " " not in name:
        return _full_name(name, mention.type, candidates)
    return None


def _full_name(last_word: str, kind: str, candidates: list[Mention]) -> str | None:
    """ "Brandt" after "Kestania's defence minister, Oskar Brandt", "the Herald" after "The Coastal Herald":
    the nearest earlier name of the same kind, given in full, that ends with that word."""
    for candidate in reversed(candidates[-LOOKBACK:]):
        if candidate.type not in FULL_NAME_TYPES[kind] or (candidate.is_source and candidate.name is None):
            continue
        words = candidate.refers_to.split()
        if len(words) > 1 and words[-1] == last_word:
            return candidate.refers_to
    return None


def _nearest(
    mention: Mention, candidates: list[Mention], fits: Any, sources_only: bool = False
) -> str | None:
    fallback: Mention | None = None
    for candidate in reversed(candidates[-LOOKBACK:]):
        if not fits(mention, candidate):
            continue
        if candidate.is_source:
            if fallback is None or mention.sentence - candidate.sentence <= RECENT_SENTENCES:
                return candidate.refers_to
            return fallback.refers_to
        if fallback is None and not sources_only:
            fallback = candidate
    return fallback.refers_to if fallback is not None else None


def _pronoun_fits(mention: Mention, candidate: Mention) -> bool:
    if candidate.type == "pronoun" and candidate.resolved is None:
        return False
    if mention.gender is not None:  # he / she: one person, of a gender not known to differ
        return (
            candidate.type in ("person", "anonymous")
            and candidate.number != "pl"
            and candidate.gender in (None, mention.gender)
        )
    speaking_body = candidate.type in ORGANISATION_TYPES and (
        candidate.named or candidate.type != "organization"
    )
    if mention.number == "pl":  # they: several people, or an organisation speaking as one
        return candidate.number == "pl" or speaking_body
    if mention.head == "it":
        return speaking_body
    return False


def _description_fits(mention: Mention, candidate: Mention) -> bool:
    if not candidate.is_source or candidate.text == mention.text:
        return False
    if mention.head in GENERIC_SOURCE_HEADS:
        return candidate.type in ("anonymous", "person")
    if mention.type == "media":
        return candidate.type == "media"
    if candidate.head == mention.head:
        return True
    # "the spokeswoman" after "Spokeswoman Haley Morris"; "the senator" after "Sen. Jane Doe"
    return candidate.role is not None and candidate.role.split()[-1] == mention.head


def _source_mention(item: SourceMention, sentence_of: list[int], surnames: dict[str, str]) -> Mention:
    span = item.span
    root = span.root
    profile = item.profile
    lower = root.lower_
    if profile.type == "pronoun":
        number, gender = PRONOUNS.get(lower, (None, None))
    else:
        plural = root.tag_ in ("NNS", "NNPS") or (profile.count or 1) > 1
        number = "pl" if plural else "sg"
        gender = _gender(span, surnames)
    lemma = root.lemma_.lower()
    outlets = [ent.text for ent in span.ents if ent.label_ == "ORG"] if profile.type == "media" else []
    return Mention(
        span.start,
        sentence_of[span.start],
        span.text,
        profile.type,
        number,
        gender,
        "person" if lemma == "people" else lemma,
        is_source=True,
        role=profile.role,
        named=profile.name is not None,
        name=outlets[-1] if outlets and outlets[-1] != span.text else None,
    )


def _entity_mention(ent: Span, sentence_of: list[int], surnames: dict[str, str]) -> Mention:
    kind = ENTITY_TYPES[ent.label_]
    return Mention(
        ent.start,
        sentence_of[ent.start],
        ent.text,
        kind,
        "sg" if kind == "person" else None,
        _gender(ent, surnames),
        ent.root.lemma_.lower(),
        is_source=False,
        named=True,
    )


def _gender(span: Span, surnames: dict[str, str]) -> str | None:
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    for word in (before, *(t.lower_ for t in span)):
        gender = GENDERED_NOUNS.get(word) or TITLES.get(word, (None, None))[1]
        if gender is not None:
            return gender
    return surnames.get(span.root.text)


def _honorific_genders(doc: Doc) -> dict[str, str]:
    """Surnames the document writes with a gendered honorific ("Mr. Obama", "Ms. Lynch"), so that a bare
    "Obama" elsewhere in it agrees with "he" and not with "she"."""
    lowers = doc.to_array([LOWER])
    genders: dict[str, str] = {}
    for i in np.flatnonzero(np.isin(lowers, HONORIFIC_HASHES)).tolist():
        end = i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        if end > i + 1:
            gender = TITLES[doc[i].lower_][1]
            if gender is not None:
                genders.setdefault(doc[end - 1].text, gender)
    return genders


def _with_known_gender(mention: Mention, genders: dict[str, str]) -> Mention:
    """A later mention of a referent whose gender a pronoun already showed ("she" resolved to Elizabeth,
    then "asked Elizabeth") carries that gender, so a following "he" passes it by."""
    if mention.gender is None and mention.type in ("person", "anonymous"):
        mention.gender = genders.get(mention.refers_to)
    return mention


def _learn_gender(mention: Mention, candidates: list[Mention], target: str) -> None:
    """Once "she" is resolved to a name, later "he" should not resolve to it (within the look-back window,
    the only candidates a later pronoun examines)."""
    if mention.gender is None:
        return
    for candidate in candidates[-LOOKBACK:]:
        if candidate.refers_to == target and candidate.gender is None:
            candidate.gender = mention.gender
