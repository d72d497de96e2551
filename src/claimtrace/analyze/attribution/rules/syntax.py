"""What the rule constructions share about the parse: phrase boundaries (`Phrases`: a source phrase, a
subtree, trimmed edges), the parse predicates that tell a report from a description, and the speaker of a cue
that came without one (`subject_source`, which the merge gives tagger cues).

Span conventions follow PolNeAR, whose scoring is exact match: a source is the whole subject phrase, with the
comma that closes an appositive ("Chris Cox, who runs the lobbying arm,").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from claimtrace.analyze.lexicon import REPORTING_VERBS, SPEECH_VERBS, STATEMENT_NOUNS
from claimtrace.record import Offsets

TokenRange = tuple[int, int]  # token indices, end exclusive

EDGE_PUNCT = frozenset({",", ".", ":", ";", "—", "–", "-", "--"})
DASHES = frozenset({"—", "–", "--"})
VERBAL_POS = frozenset({"VERB", "AUX"})
FOCUS_ADVERBS = frozenset({"even", "only", "also", "just", "especially", "particularly"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
# A tagger-found cue without a source takes its verb's subject (`subject_source`), climbing at most this
# many heads through these links ("she plans to call out", "declined, adding"); on a held-out fifth of
# PolNeAR train this lifted triple F1 by 0.5 without lowering source exact F1.
SUBJECT_CLIMB = 2
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl"})
NOT_SPEAKING_SUBJECTS = frozenset({"who", "which", "that", "this", "it", "there"})
UNSOURCED_CUE_LEMMAS = frozenset({"appear", "seem"})


class Phrases:
    """Phrase boundaries on a parsed Doc: the constructions', and the speaker of a cue the tagger found."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def source_range(self, head: Token) -> TokenRange:
        doc = self.doc
        start, end = self.trim(self.subtree(head), keep_comma=True)
        start = self._after_break(start, head.i)
        while start < head.i and doc[start].lower_ in FOCUS_ADVERBS and doc[start].dep_ in ("advmod", "cc"):
            start += 1  # "Even Lindsey Graham said …": a focus word weighs the speaker, names no one
        if end <= start:
            return head.i, head.i + 1
        inner_commas = sum(1 for t in doc[start : end - 1] if t.text == ",")
        if doc[end - 1].text == "," and inner_commas == 0:
            end -= 1  # "Smith," before a verb: the comma is the sentence's, not part of an appositive
        elif end < len(doc) and doc[end].text == "," and inner_commas:
            end += 1  # "Chris Cox, who runs the NRA's lobbying arm," keeps the comma closing the appositive
        return start, end

    def _after_break(self, start: int, limit: int) -> int:
        """Skip a timestamp, heading or dateline the parse glued to the front of a phrase: everything up to
        the last paragraph break or dash before `limit` ("12:35 p.m.\n\nTexas Sen. Ted Cruz",
        "RENO (AP) — …")."""
        doc = self.doc
        for i in range(limit - 1, start - 1, -1):
            tok = doc[i]
            if (tok.is_space and "\n" in tok.text) or tok.text in DASHES:
                return i + 1
        return start

    @staticmethod
    def subtree(token: Token) -> TokenRange:
        return token.left_edge.i, token.right_edge.i + 1

    def trim(self, rng: TokenRange, keep_comma: bool = False) -> TokenRange:
        """Drop spaces, stray punctuation and dangling conjunctions at the edges; quote marks stay (a content
        keeps its quotes) and so do brackets that close inside the range."""
        doc = self.doc
        start, end = rng
        while start < end and (
            doc[start].is_space or doc[start].text in EDGE_PUNCT or doc[start].dep_ == "cc"
        ):
            start += 1
        while end > start:
            last = doc[end - 1]
            kept_comma = keep_comma and last.text == ","
            dangling = last.is_space or last.dep_ == "cc" or (last.text in EDGE_PUNCT and not kept_comma)
            unopened = last.text == ")" and "(" not in doc[start : end - 1].text
            if dangling or unopened:
                end -= 1
                continue
            unclosed = [i for i in range(start, end) if doc[i].text in "()"]
            if unclosed and doc[unclosed[-1]].text == "(":
                end = unclosed[-1]  # "A 2010 video (above" lost its closing bracket to the parse
                continue
            break
        return start, end


def is_participle_modifier(verb: Token) -> bool:
    """A past participle modifying a noun or clause, without auxiliaries: describes, does not report."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("amod", "acl", "advcl")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def hung_on_report(verb: Token) -> bool:
    """Whether a participle or a coordinated report ("…, adding that …", "… and added that …") hangs in the
    parse on a reported clause, where it belongs to the reporting verb above that clause."""
    clause = verb.head
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    coordinated = verb.dep_ == "conj" and verb.lemma_ in REPORTING_VERBS | SPEECH_VERBS
    return (
        (participle or coordinated)
        and clause.dep_ == "ccomp"
        and clause.head.pos_ in VERBAL_POS
        and clause.head.lemma_ in REPORTING_VERBS | SPEECH_VERBS
    )


def statement_issuer(verb: Token) -> Token | None:
    """The verb that issued the statement a participle reports from ("released a statement saying …")."""
    statement = verb.head
    if not (verb.dep_ == "acl" and verb.tag_ == "VBG" and statement.lemma_ in STATEMENT_NOUNS):
        return None
    issuer = statement.head
    if statement.dep_ != "dobj" or issuer.i >= statement.i or issuer.pos_ != "VERB":
        return None
    return issuer


def is_adjective_infinitive(verb: Token) -> bool:
    """ "ready to discuss", "eager to announce": an infinitive complementing an adjective states a
    disposition, not something said."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.pos_ == "ADJ"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def subject_source(doc: Doc, cue: Sequence[Offsets], content: Sequence[Offsets]) -> list[Offsets]:
    """The speaker of a cue that came without one: the subject before the cue's verb ("The town welcomed …"),
    or of the verb it depends on ("she plans to forcefully call out …"), as a source phrase. None for a
    subject that does not speak: a relative pronoun, a passive subject ("was asked about", "is expected"),
    the subject of "appears" or "seems" (unsourced in annotation), or one inside the content."""
    cue_tokens = {t.i for t in _tokens_in(doc, cue) if not t.is_space}
    if not cue_tokens or {doc[i].lemma_.lower() for i in cue_tokens} & UNSOURCED_CUE_LEMMAS:
        return []
    roots = [i for i in sorted(cue_tokens) if doc[i].head.i not in cue_tokens or doc[i].head.i == i]
    subject = None
    for token in (doc[i] for i in roots):
        below = None
        for level, verb in enumerate([token, *token.ancestors]):
            if below is not None and below.dep_ == "xcomp" and verb.lemma_.lower() in UNSOURCED_CUE_LEMMAS:
                return []  # "He appeared to suggest …" (not "He appeared on TV, saying …")
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i not in cue_tokens), None)
            if subject is not None or level >= SUBJECT_CLIMB or verb.dep_ not in SUBJECT_CLIMB_DEPS:
                break
            below = verb
        if subject is not None:
            break
    if subject is None or subject.i > min(cue_tokens) or subject.lower_ in NOT_SPEAKING_SUBJECTS:
        return []
    start, end = Phrases(doc).source_range(subject)
    while end - 1 > start and doc[end - 1].text == ",":
        end -= 1
    first, last = doc[start], doc[end - 1]
    phrase = (first.idx, last.idx + len(last.text))
    if any(s < phrase[1] and phrase[0] < e for s, e in content):
        return []
    return [phrase]


def _tokens_in(doc: Doc, spans: Sequence[Offsets]) -> list[Token]:
    return [t for s, e in spans if (span := doc.char_span(s, e, alignment_mode="expand")) for t in span]
