"""Source profiles: who a source phrase describes (type, name, count, role, affiliation, seniority, "former").

Reads only the parse and entities of the source span; coreference (`resolved_to`) is coref.py's job.
Decisions worth knowing:
- A source is named when its head is inside a PERSON or ORG entity or is a known outlet; a description
  ("a senior European diplomat") keeps it anonymous however much it says.
- "current and former officials" sets `former` True: the group includes people who no longer hold the
  post, and that is what a reader weighing the source needs flagged.
- A definite office holder with an affiliation ("the White House press secretary") is identified by
  office, not anonymous: type government when the affiliation is a government body, else person.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy as np
from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span, Token

from claimtrace.analyze.lexicon import (
    AFFILIATION_ADJECTIVES,
    ANONYMITY_NOUNS,
    ANONYMITY_VERBS,
    ANONYMOUS_ROLES,
    DEFINITE_DETERMINERS,
    GOVERNMENT_WORDS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    NUMBER_WORDS,
    OFFICE_ROLES,
    PRONOUNS,
    ROLE_QUALIFIERS,
    SENIORITY,
    TITLES,
    is_outlet,
    outlet_name,
    without_article,
)
from claimtrace.record import SourceProfile, SourceType

PARTY_STATE = re.compile(r"\(([DRI]-[A-Z][A-Za-z.]*)\)")
MULTIWORD_SENIORITY = ("high-ranking", "high-level", "mid-level", "low-level", "senior-level")
AFFILIATION_PREPS = frozenset({"from", "at", "in", "with", "to", "for", "of"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART"})


def is_media_phrase(span: Span) -> bool:
    """Whether a noun phrase names a news outlet: a known outlet (capitalised) or "the newspaper"."""
    if any(t.text[:1].isupper() for t in span) and is_outlet(span.text):
        return True
    root = span.root
    return root.lemma_.lower() in MEDIA_NOUNS and any(t.lower_ in DEFINITE_DETERMINERS for t in root.lefts)


class EntityIndex:
    """A Doc's entities, read once from the IOB arrays, to look up those inside a span (`Doc.ents` and
    `Span.ents` walk every token each time they are read)."""

    def __init__(self, doc: Doc) -> None:
        iob = doc.to_array([ENT_IOB])
        begins = np.flatnonzero(iob == 3).tolist()
        inside = np.append(iob == 1, False)
        self.ents: list[Span] = []
        for start in begins:
            end = start + 1
            while inside[end]:
                end += 1
            self.ents.append(Span(doc, start, end, label=doc[start].ent_type))
        self.starts = begins
        # names the document gives people, full and by surname, to overrule a stray ORG label ("Trump said")
        self.person_names = {ent.text for ent in self.ents if ent.label_ == "PERSON"} | {
            ent[-1].text for ent in self.ents if ent.label_ == "PERSON"
        }

    def within(self, span: Span) -> list[Span]:
        first = bisect_left(self.starts, span.start)
        return [ent for ent in self.ents[first : bisect_left(self.starts, span.end)] if ent.end <= span.end]


# Entity labels a source can carry; others (WORK_OF_ART, LAW, …) are NER slips on a speaker's name.
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC", "NORP"})


def is_anonymity_formula(verb: Token) -> bool:
    """ "asked not to be named", "declined to be identified", "spoke on condition of anonymity": the terms on
    which a source speaks, not a claim of theirs."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_ in ANONYMITY_VERBS:
            return any(c.dep_ == "auxpass" for c in child.children)
        if child.dep_ == "prep" and any(t.lower_ in ANONYMITY_NOUNS for t in child.subtree):
            return True
    return False


def profile_source(span: Span, entities: EntityIndex | None = None) -> SourceProfile:
    """The claimtrace/1 `source_profile` for a source span."""
    index = entities or EntityIndex(span.doc)
    return _profile(span, index.within(span), index.person_names)


def _profile(span: Span, ents: list[Span], person_names: set[str]) -> SourceProfile:
    head = span.root
    lower = head.lower_
    if (head.pos_ == "PRON" or lower in PRONOUNS) and len(span) <= 2:
        number = PRONOUNS.get(lower, (None, None))[0]
        return SourceProfile(type="pronoun", count=1 if number == "sg" else None)

    entity = _entity_covering(ents, head)
    if entity is not None and entity.label_ not in SPEAKING_LABELS:
        entity = None  # "Brandt told reporters" read as a WORK_OF_ART: the name, not the label, counts
    outlet = _outlet(span, ents, entity)
    premods = [t for t in span if t.i < head.i]
    former = any(t.lower_ == "former" or t.lower_.startswith("ex-") for t in premods)
    seniority = _seniority(span, premods)
    affiliation = _affiliation(span, ents, head, entity)
    count = _count(head, premods)
    titled = _titled_person(entity) if entity is not None and entity.label_ != "PERSON" else None
    if titled is not None and outlet is None:
        entity = titled
    elif (
        entity is not None and entity.label_ == "ORG" and outlet is None and _is_person(entity, person_names)
    ):
        titled = entity

    if outlet is not None:
        return SourceProfile(type="media", name=outlet, count=None, affiliation=affiliation, former=former)
    if (entity is not None and (entity.label_ == "PERSON" or entity is titled)) or (
        head.pos_ == "PROPN" and entity is None
    ):
        name = without_article(entity.text if entity is not None else _proper_name(head))
        return SourceProfile(
            type="person",
            name=name,
            count=1,
            role=_title_role(span, head, entity),
            affiliation=affiliation,
            former=former,
            seniority=seniority,
        )
    if entity is not None and entity.label_ in ("ORG", "GPE", "FAC"):
        name = without_article(entity.text)
        kind = "government" if entity.label_ == "GPE" or _is_government(name) else "organization"
        return SourceProfile(type=kind, name=name, count=None, affiliation=affiliation, former=former)
    if entity is not None and entity.label_ == "NORP":
        return SourceProfile(type="group", count=count, role=None, affiliation=without_article(entity.text))

    lemma = _lemma(head)
    role = _role(span, head)

    def described(kind: SourceType, number: int | None, name: str | None = None) -> SourceProfile:
        """A profile keeping all the phrase says of its source: role, affiliation, former, seniority."""
        return SourceProfile(
            type=kind, name=name, count=number, role=role, affiliation=affiliation, former=former,
            seniority=seniority,
        )  # fmt: skip

    if lemma not in MEDIA_NOUNS | GOVERNMENT_WORDS and any(is_anonymity_formula(t) for t in span):
        # "an employee who asked not to be named": whoever it is, the reader is not told
        return described("anonymous", count)
    named = _appositive_name(span, ents, head) if head.pos_ == "NOUN" else None
    if named is not None:
        return described("person", 1, named.text)
    definite = any(t.lower_ in DEFINITE_DETERMINERS or t.dep_ == "poss" for t in head.lefts)
    plural = head.tag_ in ("NNS", "NNPS")
    if lemma in MEDIA_NOUNS:
        return SourceProfile(type="media", count=None, affiliation=affiliation, former=former)
    if lemma in GOVERNMENT_WORDS:
        return SourceProfile(type="government", count=None, role=None, affiliation=affiliation)
    if lemma in OFFICE_ROLES and definite and not plural and affiliation is not None:
        return described("government" if _is_government(affiliation) else "person", 1)
    if lemma in ANONYMOUS_ROLES or lemma in OFFICE_ROLES:
        return described("anonymous", count)
    if lemma in GROUP_NOUNS or plural:
        return described("group", count)
    if head.is_title and head.pos_ in ("NOUN", "PROPN") and role == head.lower_ and not definite:
        # a capitalised word the tagger took for a common noun: a name, never a role
        return SourceProfile(type="organization", name=head.text, count=None, affiliation=affiliation)
    return SourceProfile(type="organization", count=None, role=role, affiliation=affiliation, former=former)


def _entity_covering(ents: list[Span], head: Token) -> Span | None:
    """The named entity the source's head belongs to (the name of a named source)."""
    for ent in ents:
        if ent.start <= head.i < ent.end and ent.label_ in NAMED_LABELS:
            return ent
    return None


def _outlet(span: Span, ents: list[Span], entity: Span | None) -> str | None:
    if entity is not None:
        name = outlet_name(entity.text)
        if name is not None:
            return name
    if any(t.text[:1].isupper() for t in span):
        name = outlet_name(span.text)
        if name is not None:
            return name
        # "a report by the Washington Post citing …": the outlet inside a longer description (a named
        # person's outlet, "MSNBC host Chris Matthews", is their affiliation instead)
        if entity is not None and entity.label_ == "PERSON":
            return None
        for ent in ents:
            if ent.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE") and outlet_name(ent.text) is not None:
                return outlet_name(ent.text)
    return None


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    return "person" if lemma == "people" else lemma


def _count(head: Token, premods: list[Token]) -> int | None:
    for tok in premods:
        if tok.dep_ == "nummod" or (tok.pos_ == "NUM" and tok.head.i in (head.i, *(t.i for t in premods))):
            if tok.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[tok.lower_]
            digits = tok.text.replace(",", "")
            if digits.isdigit():
                return int(digits)
            return None  # "dozens", "several": a number, not a count
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[child.lower_]
    if head.tag_ in ("NN", "NNP"):
        return 1
    return None


def _is_person(entity: Span, person_names: set[str]) -> bool:
    """An ORG-labelled name that is a person's: named as a person elsewhere in the document, or given a
    person's role in an appositive ("Jean Dupont, the foreign minister,")."""
    if entity.text in person_names or entity[-1].text in person_names:
        return True
    roles = ANONYMOUS_ROLES | OFFICE_ROLES
    return any(c.dep_ == "appos" and _lemma(c) in roles for c in entity.root.rights)


def _titled_person(entity: Span) -> Span | None:
    """An entity that is a role followed by a name ("Spokeswoman Haley Morris", which NER may call an
    organisation): the name part, else None."""
    start = entity.start
    while start < entity.end and (
        entity.doc[start].lower_ in TITLES or _lemma(entity.doc[start]) in ANONYMOUS_ROLES | OFFICE_ROLES
    ):
        start += 1
    name = entity.doc[start : entity.end]
    if start == entity.start or not len(name) or any(t.pos_ != "PROPN" for t in name):
        return None
    return name


def _seniority(span: Span, premods: list[Token]) -> str | None:
    lowered = span.text.lower()
    for word in MULTIWORD_SENIORITY:
        if word in lowered:
            return word
    return next((t.lower_ for t in premods if t.lower_ in SENIORITY), None)


def _role(span: Span, head: Token) -> str:
    """Head noun (singular) with the common-noun compounds before it and a qualifying phrase after it:
    "press secretary", "person familiar with the matter"."""
    compounds = [
        t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN" and t.i >= span.start
    ]
    words = [*compounds, _lemma(head)]
    for child in head.rights:
        if child.i >= span.end:
            break
        if child.lower_ in ROLE_QUALIFIERS and child.dep_ in ("amod", "acl", "prep", "advmod"):
            if child.lower_ == "with" and not any(_lemma(t) == "knowledge" for t in child.subtree):
                continue
            words.append(span.doc[child.i : min(child.right_edge.i + 1, span.end)].text)
            break
    return " ".join(words)


def _title_role(span: Span, head: Token, entity: Span | None) -> str | None:
    """The role a named person is given: a title ("Sen."), a role noun before the name ("Spokeswoman Haley
    Morris") or an appositive ("Haley Morris, a spokeswoman for the campaign")."""
    start = entity.start if entity is not None else head.i
    for tok in span:
        if tok.i >= start:
            break
        title = TITLES.get(tok.lower_)
        if title is not None and title[0] is not None:
            return title[0]
        if tok.pos_ in ("NOUN", "PROPN") and _lemma(tok) in ANONYMOUS_ROLES | OFFICE_ROLES:
            return _lemma(tok)
    for child in head.rights:
        if child.dep_ != "appos" or child.i >= span.end:
            continue
        if child.pos_ == "NOUN":
            return _role(span, child)
        if child.lower_ == "one":  # "one of the president's closest aides"
            of = next((c for c in child.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.pos_ == "NOUN":
                return _lemma(pobj)
    return None


def _appositive_name(span: Span, ents: list[Span], head: Token) -> Span | None:
    """The name an appositive gives a described source ("The minister of the economy, Mr. Guajardo")."""
    for child in head.rights:
        if child.dep_ == "appos" and child.i < span.end:
            for ent in ents:
                if ent.start <= child.i < ent.end and ent.label_ == "PERSON":
                    return ent
    return None


def _affiliation(span: Span, ents: list[Span], head: Token, entity: Span | None) -> str | None:
    """Nationality, bloc or body a source speaks for: modifiers before the head ("Western", "U.S.", "State
    Department"), a party-state tag ("(D-Ore.)"), or a place phrase after it ("from the region")."""
    parts: list[str] = []
    for ent in ents:
        if entity is not None and ent.start == entity.start:
            continue
        if ent.label_ in ("NORP", "GPE", "ORG") and ent.end <= head.i + 1 and ent.start < head.i:
            parts.append(without_article(ent.text))
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    for tok in head.lefts:
        if tok.i < span.start or tok.i in covered:
            continue
        if tok.dep_ == "amod" and tok.lower_ in AFFILIATION_ADJECTIVES:
            parts.append(tok.text)
        elif tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.lower_ not in TITLES:
            parts.append(span.doc[tok.left_edge.i : tok.i + 1].text)
    party = PARTY_STATE.search(span.text)
    if party:
        parts.append(party.group(1))
    if not parts:
        # "from the region", "at the State Department"; for a name, the body its appositive role serves
        # ("Haley Morris, a spokeswoman for the campaign,")
        appositives = [c for c in head.rights if c.dep_ == "appos"]
        holders = (
            [head] if entity is None else [head, *appositives] if entity.label_ == "PERSON" else appositives
        )
        place = next((p for holder in holders if (p := _place_phrase(span, holder)) is not None), None)
        if place is not None:
            parts.append(place)
    ordered = list(dict.fromkeys(parts))
    return " ".join(ordered) if ordered else None


def _place_phrase(span: Span, head: Token) -> str | None:
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPS and child.i < span.end:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if (
                pobj is not None
                and pobj.right_edge.i < span.end
                and _lemma(pobj) not in ("matter", "knowledge")
            ):
                return span.doc[pobj.left_edge.i : pobj.right_edge.i + 1].text
    return None


def _proper_name(head: Token) -> str:
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return head.doc[start : head.i + 1].text


def _is_government(text: str) -> bool:
    words = text.lower().split()
    phrases = {" ".join(words[i : i + n]) for n in (1, 2) for i in range(len(words))}
    return not phrases.isdisjoint(GOVERNMENT_WORDS)
