"""Event actors and targets as event data users count them: resolved, then coded with a country (ISO 3166
alpha-3, or IGO / NGO for international and non-governmental organisations), a sector (the CAMEO codes of
the PLOVER gold records: GOV, MIL, REB, OPP, COP, LEG, JUD, BUS, MED, CVL, REF …) and a canonical name that
groups mentions of the same actor across articles.

Resolution: a pronoun takes the source the attribution component already resolved it to, else the nearest
earlier person (he, she) or organisation, country or group (it, they) within a few sentences; a possessive
("her government") lends its referent's country to its noun. Coding reads, in order: seats of power ("the
Kremlin"), international organisations, country names, demonyms and capitals (analyze/places.py), and, for
a bare name, what a fuller mention of it elsewhere in the article says ("Russian President Vladimir Putin" …
"Putin"). One coder is built per document, lazily, when the first event needs it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimtrace.analyze.event_units import noun_phrase
from claimtrace.analyze.lexicon import (
    ACTOR_SECTORS,
    IGO_ACRONYMS,
    IGO_NAMES,
    MEDIA_NAME_WORDS,
    NGO_NAMES,
    REB_OPP_FIRST,
    SEATS_OF_POWER,
)
from claimtrace.analyze.places import Gazetteer, gazetteer
from claimtrace.record import Attribution

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "theirs"})
ANTECEDENT_ENTITIES = {"person": frozenset({"PERSON"}), "group": frozenset({"ORG", "GPE", "NORP"})}
LOOKBACK_SENTENCES = 3
PARTITIVE_NOUNS = frozenset({
    "thousand", "hundred", "dozen", "million", "group", "member", "contingent", "some", "most", "many", "all",
    "part", "deployment", "patch", "band",
})  # fmt: skip
COUNTRY_ENTITIES = frozenset({"GPE", "NORP", "LOC", "ORG", "FAC"})
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "COP": "police",
    "LEG": "legislature", "JUD": "judiciary", "BUS": "business", "JRN": "media",
    "MED": "medical", "SPY": "intelligence", "AGR": "farmers", "CVL": "civilians",
    "REF": "refugees", "LAB": "labour", "EDU": "education", "REL": "religious", "PTY": "party",
    "ELI": "elites", "CRM": "criminals", "UAF": "unidentified armed force",
}  # fmt: skip
# An office named as held no longer ("former President X", "ousted prime minister") is an elite (CAMEO ELI),
# not the government.
FORMER_WORDS = frozenset({"former", "ousted", "deposed", "exiled", "ex", "ex-", "toppled"})
# Security forces, officials and chiefs are the police (CAMEO COP), not the army or the government.
SECURITY_HEADS = frozenset({
    "force", "forces", "chief", "chiefs", "official", "officials", "service", "services", "agent", "agents",
    "personnel", "officer", "officers", "guard", "guards",
})  # fmt: skip
# Singular nouns for a body that "it" can stand for ("Iraq's interim government announced that it …").
COLLECTIVE_NOUNS = frozenset({
    "government", "administration", "ministry", "cabinet", "leadership", "regime", "embassy", "delegation",
    "junta", "army", "military", "navy", "force", "police", "party", "parliament", "congress", "senate",
    "assembly", "legislature", "court", "tribunal", "judiciary", "company", "firm", "corporation", "bank",
    "newspaper", "union", "university", "church", "opposition", "militia", "alliance", "group", "movement",
    "front", "council", "coalition", "organisation", "organization", "agency", "committee", "commission",
    "authority", "state", "country", "nation", "federation", "league",
})  # fmt: skip
# Prepositions whose object is the other side of an act ("threatened action against Russia"), not the country
# the actor acts in.
COUNTERPART_PREPOSITIONS = frozenset({"against", "with", "toward", "towards", "upon"})
# Gatherings whose place is where the parties meet ("talks in Geneva", "a summit at Camp David"), not where an
# actor comes from.
VENUE_NOUNS = frozenset({
    "talks", "talk", "meeting", "meetings", "summit", "summits", "conference", "conferences", "negotiations",
    "round", "session", "forum", "congress", "rally",
})  # fmt: skip
VENUE_VERBS = frozenset({"attend", "meet", "convene", "gather"})  # "met in Geneva", "attended … in Geneva"
# Sectors of offices held at home (a president, a judge, a minister, the police, a former one), not between
# states.
DOMESTIC_SECTORS = frozenset({"GOV", "JUD", "LEG", "COP", "ELI"})
# Sectors whose actors, named without a country, act in the one country their sentence names ("the police
# arrested …", "workers of the Serbian union …"): all but the military, which often acts abroad.
HOME_SECTORS = DOMESTIC_SECTORS | {
    "CVL", "OPP", "LAB", "EDU", "REF", "REB", "PTY", "REL", "BUS", "JRN", "MED", "AGR",
}  # fmt: skip
LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


def _phrase_pattern(phrases: dict[str, Any]) -> re.Pattern[str]:
    """One regex for a table of lower-case phrases, longest first, on word boundaries."""
    alternatives = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in alternatives) + r")(?!\w)")


SEAT_PATTERN = _phrase_pattern(SEATS_OF_POWER)
KNOWN_ACTORS_PATH = Path(__file__).parent / "data" / "known_actors.json"


@dataclass(frozen=True)
class KnownActor:
    code: str
    sector: str | None
    name: str
    group: bool  # an organisation, whose own sector wins over generic words ("the Hizbollah group")


@lru_cache(maxsize=1)
def known_actors() -> tuple[dict[str, KnownActor], re.Pattern[str]]:
    """Well-known leaders and organisations that news names without a country
    (analyze/data/known_actors.json), and one case-sensitive pattern for their names as written ("Hamas",
    "Putin"; never "bush" or "eta")."""
    data = json.loads(KNOWN_ACTORS_PATH.read_text(encoding="utf-8"))
    table = {
        name: KnownActor(code, sector, name, kind == "groups")
        for kind in ("people", "groups")
        for name, (code, sector) in data[kind].items()
    }
    alternatives = sorted(table, key=len, reverse=True)
    return table, re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in alternatives) + r")(?![\w-])")


IGO_PATTERN = _phrase_pattern(IGO_NAMES)
NGO_PATTERN = _phrase_pattern(NGO_NAMES)


@dataclass
class Coding:
    code: str | None = None
    sector: str | None = None
    name: str | None = None

    def merged(self, other: Coding) -> Coding:
        return Coding(self.code or other.code, self.sector or other.sector, self.name or other.name)


def _head(tokens: list[Token]) -> Token:
    """The token of the phrase whose head lies outside it."""
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[-1])


def _partitive(head: Token) -> Token | None:
    """The members a quantity or group noun is made of ("thousands of Nigerians" → Nigerians)."""
    if head.lemma_.lower() not in PARTITIVE_NOUNS and not head.like_num:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _word_sector(token: Token) -> str | None:
    """The sector a word names, by its form or its lemma ("diplomats" as "diplomat"); "general" after a title
    is part of that title ("Secretary-General", "Attorney General"), not a military rank."""
    if token.lower_ == "general":
        words = [t for t in token.doc[max(0, token.i - 2) : token.i] if t.text not in ("-", "–")]
        if words and words[-1].lower_ in ACTOR_SECTORS:
            return None
    return ACTOR_SECTORS.get(token.lower_) or ACTOR_SECTORS.get(token.lemma_.lower())


def _sector(tokens: list[Token], head: Token) -> str | None:
    """A rebel or opposition modifier wins over the head ("rebel forces"); else the head, else any word;
    "security" forces or chiefs are the police, a former office holder an elite."""
    before = [_word_sector(t) for t in tokens if t.i < head.i]
    if any(s in REB_OPP_FIRST for s in before):
        return next(s for s in before if s in REB_OPP_FIRST)
    sector = _word_sector(head) or next((s for s in reversed(before) if s), None)
    words = {t.lower_ for t in tokens if t.i < head.i}
    if "security" in words and head.lower_ in SECURITY_HEADS and sector in (None, "MIL", "GOV"):
        return "COP"  # "security forces in Guinea", "Cairo's security chief"
    if sector == "GOV" and (words & FORMER_WORDS or head.lower_.startswith("ex-")):
        return "ELI"  # "Former prime minister Andreas Papandreou", "Ousted President Askar Akayev"
    return sector


def _capitalised_runs(tokens: list[Token]) -> list[list[Token]]:
    """Runs of two or three adjacent capitalised words, longest first."""
    runs = []
    for size in (3, 2):
        for start in range(len(tokens) - size + 1):
            run = tokens[start : start + size]
            adjacent = all(b.i == a.i + 1 for a, b in pairwise(run))
            if adjacent and all(t.text[:1].isupper() and t.is_alpha for t in run):
                runs.append(run)
    return runs


def _counterpart(root: Token) -> bool:
    """A place that is an act's object, the object of a counterpart preposition ("against Russia") or a
    gathering's venue ("talks in Geneva")."""
    if root.dep_ in ("dobj", "dative"):
        return True
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ in COUNTERPART_PREPOSITIONS:
        return True
    gathering = preposition.head
    return preposition.lower_ in ("in", "at") and (
        gathering.lower_ in VENUE_NOUNS or (gathering.pos_ == "VERB" and gathering.lemma_ in VENUE_VERBS)
    )


def _described(tokens: list[Token], head: Token) -> set[int]:
    """The words of a relative clause inside an actor's phrase ("a diplomat who attended a meeting in
    Geneva"): what the actor did, not where it is from."""
    return {d.i for t in tokens if t.dep_ == "relcl" and t.i != head.i for d in t.subtree}


def _residence(head: Token) -> Token | None:
    """The place a people lives in ("ethnic Albanians in south Serbia", "the Albanians of southern Serbia"):
    event data code a people by the country they live in."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            place = next((g for g in child.children if g.dep_ == "pobj"), None)
            if place is not None and place.ent_type_ in ("GPE", "LOC"):
                return place
    return None


class ActorCoder:
    """Resolves and codes the actors and targets of one document's events."""

    def __init__(self, doc: Doc, attributions: list[Attribution], sentence_starts: list[int] | None = None
                 ) -> None:  # fmt: skip
        self.doc = doc
        self.places: Gazetteer = gazetteer()
        self.ents = list(doc.ents)
        # Read once: Span attributes are rebuilt on every access.
        self.bounds = [(e.start, e.end, e.label_) for e in self.ents]
        self.entity_at = {i: n for n, (start, end, _) in enumerate(self.bounds) for i in range(start, end)}
        self.full_names: dict[str, str] = {}  # a person's last word → the longest name ending in it
        for ent, (_, end, label) in zip(self.ents, self.bounds, strict=True):
            if label == "PERSON":
                last = doc[end - 1].lower_
                self.full_names[last] = max(self.full_names.get(last, ""), ent.text, key=len)
        self._sentence_starts = sentence_starts  # each sentence's first token, read once when first needed
        # Each attribution source's resolution, by its first character: the coreference already done.
        self.resolved = {
            int(a.source.spans[0][0]): a.source_profile.resolved_to
            for a in attributions
            if a.source is not None and a.source.spans and a.source_profile is not None
            and a.source_profile.resolved_to
        }  # fmt: skip
        self._names: dict[str, Coding] | None = None

    # ------------------------------------------------------------------------------------ coding words

    def _country_of(self, tokens: list[Token]) -> tuple[str | None, str | None, bool]:
        """(ISO alpha-3, the place's name, whether a capital stands alone for its government), read from place
        entities and then capitalised words, those before the head first ("Moscow's forces", "the Russian
        leader", "rebels in Ivory Coast")."""
        head = _head(tokens)
        described = _described(tokens, head)
        tokens = [t for t in tokens if t.i not in described] or tokens
        first, last = tokens[0].i, tokens[-1].i
        inside = {self.entity_at[t.i] for t in tokens if t.i in self.entity_at}
        ents = sorted((self.ents[n] for n in inside if self.bounds[n][2] in COUNTRY_ENTITIES
                       and first <= self.bounds[n][0] and self.bounds[n][1] <= last + 1),
                      key=lambda e: (e.start > head.i, e.start))  # fmt: skip
        for ent in ents:
            text = LEADING.sub("", ent.text).removesuffix("'s").strip()
            place = self.places.place(text)
            if place is not None:
                return place.country, place.name, place.kind == "capital" and ent.start <= head.i < ent.end
            iso3 = self.places.demonym(text)
            if iso3 is not None:
                return iso3, self.places.country_names.get(iso3, iso3), False
        for run in _capitalised_runs(tokens):  # "Sri Lanka" tagged as a person, "Ivory Coast" as none
            place = self.places.country(" ".join(t.text for t in run))
            if place is not None:
                return place.country, place.name, False
        for token in sorted(tokens, key=lambda t: (t.i > head.i, t.i)):
            if not token.text[:1].isupper():
                continue
            previous = token.nbor(-1) if token.i > tokens[0].i else None
            if previous is not None and previous.text[:1].isupper():
                iso3 = self.places.demonym(f"{previous.text} {token.text}")  # "the Sri Lankan army"
                if iso3 is not None:
                    return iso3, self.places.country_names.get(iso3, iso3), False
            place = self.places.country(token.text)
            if place is not None:
                return place.country, place.name, False
            iso3 = self.places.demonym(token.text) if token.is_alpha else None
            if iso3 is not None:
                return iso3, self.places.country_names.get(iso3, iso3), False
        return None, None, False

    def code_tokens(self, tokens: list[Token], role: str = "actor") -> Coding:
        """Code a phrase from its own words; a capital alone stands for its government only as an actor."""
        head = _head(tokens)
        part = _partitive(head)
        if part is not None:  # "thousands of Nigerians", "a group of Moroccan diplomats": the members act
            tokens = [t for t in tokens if t.i >= part.left_edge.i]
            head = part
        text = " ".join(t.text for t in tokens)
        lower = text.lower()
        sector = _sector(tokens, head)
        people = head.tag_ in ("NNS", "NNPS") and head.ent_type_ == "NORP"
        if sector is None and people:
            sector = "CVL"  # "Bosnian Serbs", "Young Algerians": a people, acting as civilians
        residence = _residence(head) if people else None
        if residence is not None:
            at = self.entity_at.get(residence.i)
            home = self._country_of(list(self.ents[at]) if at is not None else [residence])
            if home[0] is not None:
                return Coding(home[0], sector, self._group_name(home[0], sector))
        seat = SEAT_PATTERN.search(lower)
        if seat:
            code, seat_sector = SEATS_OF_POWER[seat.group(1)]
            return Coding(code, sector or seat_sector, self._group_name(code, sector or seat_sector))
        known = self._known(tokens)
        if known is not None:
            # A leader's office as the phrase words it wins ("former President Bush" is an elite); an
            # organisation's own sector wins over words such as "group" or "party".
            chosen = (known.sector or sector) if known.group else (sector or known.sector)
            return Coding(known.code, chosen, known.name)
        own = self.places.place(head.text) if head.ent_type_ == "GPE" else None
        organisation = None if own is not None else self._organisation(text, lower)  # "NATO-member Norway"
        if organisation is not None:
            code, name = organisation
            return Coding(code, sector, name)
        code, place_name, capital_alone = self._country_of(tokens)
        if capital_alone and role == "actor":
            sector = sector or "GOV"  # "Moscow said": the capital stands for its government
        at = self.entity_at.get(head.i)
        person = self.ents[at] if at is not None and self.bounds[at][2] == "PERSON" else None
        if person is not None:
            known = self.person_names().get(person[-1].lower_, Coding())
            coding = Coding(code, sector, self._full_name(person)).merged(known)
            if coding.code is None and coding.sector in DOMESTIC_SECTORS:
                # "President X threatened to impose a curfew in Algiers": an office holder named without a
                # country acts at home, in the one country the sentence names (none when it names several).
                coding.code = self._sentence_country(head, {t.i for t in tokens})
            return coding
        if code is None and sector in HOME_SECTORS:
            # "the interior minister", "workers affiliated with the Serbian union": the sentence's country
            code = self._sentence_country(head, {t.i for t in tokens})
        if code is None:
            return Coding(None, sector, LEADING.sub("", text).lower() if sector else None)
        return Coding(code, sector, self._group_name(code, sector) if sector else place_name)

    def sentence_starts(self) -> list[int]:
        if self._sentence_starts is None:
            self._sentence_starts = [sent.start for sent in self.doc.sents]
        return self._sentence_starts

    def named(self, code: str, sector: str | None) -> dict[str, Any]:
        """The coding fields of an actor known only by its country and sector."""
        return {"code": code, "sector": sector, "name": self._group_name(code, sector)}

    def sentence_country(self, head: Token, skip: set[int]) -> str | None:
        """The one country `head`'s sentence names, places and peoples in `skip` aside."""
        return self._sentence_country(head, skip)

    def _sentence_country(self, head: Token, skip: set[int]) -> str | None:
        """The one country the places and peoples of `head`'s sentence name, if there is exactly one."""
        starts = self.sentence_starts()
        at = bisect_right(starts, head.i) - 1  # Token.sent walks the whole document
        first, last = starts[at], (starts[at + 1] if at + 1 < len(starts) else len(self.doc))
        found = set()
        for ent, (start, _, label) in zip(self.ents, self.bounds, strict=True):
            if label not in COUNTRY_ENTITIES or not first <= start < last or start in skip:
                continue  # capitals the tagger takes for organisations ("in Bamako") count by their name
            if _counterpart(ent.root):
                continue  # "threatened action against Russia", "visited France": the other side
            text = LEADING.sub("", ent.text).removesuffix("'s").strip()
            place = self.places.place(text)
            code = place.country if place is not None else None
            if code is None and label == "NORP":
                code = self.places.demonym(text)
            if code is None and label == "ORG":
                code = self._organisation_country(ent)
            found.add(code)
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _organisation_country(self, ent: Span) -> str | None:
        """The country an organisation's name starts with or names ("the Kenya Anti-Corruption Commission",
        "the Liberian Peace Council", "National Union for the Total Independence of Angola")."""
        words = [t for t in ent if t.lower_ != "the"]
        if words and words[0].text[:1].isupper():
            place = self.places.country(words[0].text)
            code = place.country if place is not None else self.places.demonym(words[0].text)
            if code is not None:
                return code
        places = [self.places.country(t.text) for t in words if t.text[:1].isupper()]
        named = {place.country for place in places if place is not None}
        return named.pop() if len(named) == 1 else None

    def _known(self, tokens: list[Token]) -> KnownActor | None:
        """The well-known actor the phrase names, read from the text as written (spaCy splits "Workers'")."""
        table, pattern = known_actors()
        found = pattern.search(self.doc[tokens[0].i : tokens[-1].i + 1].text)
        return table[found.group(1)] if found else None

    def _organisation(self, text: str, lower: str) -> tuple[str, str] | None:
        for word in re.findall(r"[A-Z][A-Z0-9.]+", text):
            acronym = word.replace(".", "")
            if acronym in IGO_ACRONYMS:
                return "IGO", IGO_ACRONYMS[acronym]
        for pattern, table, code in ((IGO_PATTERN, IGO_NAMES, "IGO"), (NGO_PATTERN, NGO_NAMES, "NGO")):
            found = pattern.search(lower)
            if found:
                return code, table[found.group(1)]
        return None

    def _group_name(self, code: str, sector: str | None) -> str:
        country = self.places.country_names.get(code, code)
        return f"{country} {SECTOR_NAMES[sector]}" if sector in SECTOR_NAMES else country

    def _full_name(self, person: Span) -> str:
        """The longest name in the document ending in the same word ("Putin" → "Vladimir Putin")."""
        return self.full_names.get(self.doc[person.end - 1].lower_, person.text)

    def person_names(self) -> dict[str, Coding]:
        """What the fullest mention of each person says of them ("Russian President Vladimir Putin"),
        by last name."""
        if self._names is None:
            self._names = {}
            for ent in self.ents:
                if ent.label_ != "PERSON":
                    continue
                phrase = sorted(
                    [ent.root, *(t for t in ent.root.subtree if t.i < ent.start)], key=lambda t: t.i
                )
                phrase = [t for t in phrase if t.i >= ent.root.left_edge.i and t.i <= ent.end - 1]
                code, _, _ = self._country_of(phrase)
                sector = _sector(phrase, ent.root)
                known = self._names.get(ent[-1].lower_, Coding())
                self._names[ent[-1].lower_] = known.merged(Coding(code, sector))
        return self._names

    # ------------------------------------------------------------------------------------ resolution

    def antecedent(self, pronoun: Token) -> tuple[str, list[Token]] | None:
        """The text and tokens a pronoun refers to."""
        resolved = self.resolved.get(pronoun.idx)
        if resolved and not any(word in MEDIA_NAME_WORDS for word in resolved.split()):
            match = next((e for e in self.ents if e.text == resolved and e.start < pronoun.i), None)
            return resolved, list(match) if match is not None else []
        kind = "person" if pronoun.lower_ in PERSON_PRONOUNS else "group"
        speaker = self._reporting_subject(pronoun, kind)
        if speaker is not None:
            return speaker
        starts = self.sentence_starts()
        at = bisect_right(starts, pronoun.i) - 1
        first_sentence = starts[max(0, at - LOOKBACK_SENTENCES)]
        labels = ANTECEDENT_ENTITIES[kind]
        for n in range(len(self.ents) - 1, -1, -1):  # the entities' bounds first: Span reads cost
            start, end, label = self.bounds[n]
            if start < first_sentence:
                break  # entities are in text order: the rest lie before the window
            if end > pronoun.i or label not in labels:
                continue
            ent = self.ents[n]
            outlet = any(t.text in MEDIA_NAME_WORDS for t in ent)  # a newspaper reports, "they" act
            place = label == "GPE" and ent.root.dep_ not in ("nsubj", "nsubjpass")  # "in Geneva"
            modifier = ent.root.dep_ in ("poss", "compound", "amod")
            if not (outlet or place) and (kind == "person" or not modifier):
                return ent.text, self._phrase_around(ent)
        return None

    def _reporting_subject(self, pronoun: Token, kind: str) -> tuple[str, list[Token]] | None:
        """ "The Fijian rebels said they will release …": the subject of the clause that reports the
        pronoun's, when it agrees (a person for he/she, a plural or an organisation for they/it)."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head is clause:
                return None
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.pos_ == "PRON":
                continue
            collective = subject.tag_ == "NN" and subject.lower_ in COLLECTIVE_NOUNS  # "the government"
            person = subject.ent_type_ == "PERSON" or (
                subject.lower_ in ACTOR_SECTORS and subject.tag_ == "NN" and not collective
            )
            plural = subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ in ("ORG", "GPE", "NORP")
            plural = plural or (collective and pronoun.lower_ in ("it", "its"))
            if (kind == "person" and person) or (kind == "group" and plural and not person):
                tokens = noun_phrase(subject)
                return " ".join(t.text for t in tokens), tokens
            return None
        return None

    def _phrase_around(self, ent: Span) -> list[Token]:
        """The entity with the modifiers before it ("Russian President Vladimir Putin")."""
        start = min([ent.start, *(t.i for t in ent.root.lefts if t.i < ent.start)])
        start = min(start, self.doc[start].left_edge.i) if self.doc[start].dep_ != "punct" else start
        return list(self.doc[start : ent.end])

    def code(self, tokens: list[Token], role: str = "actor") -> dict[str, Any]:
        """The coding fields of a role: code, sector, name, and resolved_to for a resolved pronoun."""
        if not tokens:
            return {}
        coding = self.code_tokens(tokens, role)
        resolved_to = None
        pronoun = tokens[0] if len(tokens) == 1 and tokens[0].pos_ == "PRON" else None
        possessive = next((t for t in tokens if t.dep_ == "poss" and t.pos_ == "PRON"), None)
        target = pronoun or possessive
        if target is not None and target.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            found = self.antecedent(target)
            if found is not None:
                text, antecedent = found
                referent = self.code_tokens(antecedent) if antecedent else Coding(name=text)
                if pronoun is not None:
                    coding, resolved_to = referent.merged(Coding(name=text)), text
                else:  # "her government": the referent's country, the noun's own sector
                    coding = Coding(coding.code or referent.code, coding.sector,
                                    self._group_name(coding.code or referent.code, coding.sector)
                                    if (coding.code or referent.code) else coding.name)  # fmt: skip
        appositive = next((c for c in _head(tokens).children if c.dep_ == "appos"), None)
        described_by = noun_phrase(appositive) if appositive is not None else []
        if described_by and not (coding.code and coding.sector):
            # "Kofi Annan, the U.N. Secretary-General": the apposition says what the name does not.
            described = self.code_tokens(described_by, role)
            coding = Coding(coding.code or described.code, coding.sector or described.sector,
                            coding.name or described.name)  # fmt: skip
        fields = {"name": coding.name, "code": coding.code, "sector": coding.sector}
        if resolved_to is not None:
            fields["resolved_to"] = resolved_to
        return fields

    def code_spans(self, spans: list[list[int]], role: str = "actor") -> dict[str, Any]:
        tokens = [t for s, e in spans for t in (self.doc.char_span(s, e, alignment_mode="expand") or [])]
        return self.code(tokens, role)
