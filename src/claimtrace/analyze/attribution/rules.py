"""Rule finder for attributions on spaCy's dependency parse.

Constructions: quotes (curly and straight, single and double, nested, split around the speech verb,
continued after it), reporting verbs with their clausal complement and subject, passives ("was told by"),
"according to X", hearsay adverbs ("reportedly"), "X, citing Y" and "X told the Post" chains. Candidate
tokens are picked with vectorised look-ups over the Doc's attribute arrays, so the Python work grows with
the number of candidates, not of tokens; every decision reads the parse spaCy already made.

Span conventions follow PolNeAR, whose scoring is exact match: a quoted content includes its quote marks and
the punctuation inside them; an unquoted content leaves out the sentence's closing period but keeps "that";
a cue keeps its auxiliaries and adverbs ("has learned", "was first reported by"); a source is the whole
subject phrase, with the comma that closes an appositive ("Chris Cox, who runs the lobbying arm,").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimtrace.analyze.lexicon import (
    APPEARANCE_VERBS,
    BELIEF_VERBS,
    CITING_VERBS,
    CUE_TAILS,
    DIRECTIVE_VERBS,
    HEARSAY_ADVERBS,
    INFINITIVE_CUE_VERBS,
    LEMMA_FIXES,
    NAMING_VERBS,
    OBJECT_SPEECH_VERBS,
    PREPOSITIONAL_CUES,
    QUESTION_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
)
from claimtrace.analyze.sources import is_anonymity_formula, is_media_phrase
from claimtrace.analyze.types import AttributionSpans
from claimtrace.record import Offsets

TokenRange = tuple[int, int]  # token indices, end exclusive

# Quote marks and punctuation.
OPENING_DOUBLE = frozenset({"“", "``"})
TOGGLING_DOUBLE = frozenset({'"', "''"})  # straight marks, and the doubled apostrophe some wires use for both
QUOTE_MARKS = frozenset({"“", "”", "‘", "’", '"', "'", "``", "''"})
EDGE_PUNCT = frozenset({",", ".", ":", ";", "—", "–", "-", "--"})
SENTENCE_END = frozenset({".", "!", "?"})
# what closes a quote that hands over to its speaker ("“Absolutely not,” he said")
HANDOVER_MARKS = frozenset({",", "!", "?"})
DASHES = frozenset({"—", "–", "--"})
SIGNATURE_DASHES = frozenset({"―", "—", "–", "--", "-"})  # "“…” ― Name": a reader's or speaker's signature
# a closing mark the tokenizer leaves glued to a signature dash ("…here.”― Carla Ruiz")
GLUED_SIGNATURES = frozenset("”" + dash for dash in SIGNATURE_DASHES)
MARKUP_OPENERS = frozenset({"<", "</"})

# Words and dependency labels the constructions test.
VERBAL_POS = frozenset({"VERB", "AUX"})
CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Phrases after a reporting verb that say when it was said, and join the cue ("said Sunday", "reported
# earlier this month"); prepositional ones ("in an interview", "at a rally") are in PolNeAR's cues about as
# often as not, so they stay out.
CUE_MODIFIER_DEPS = frozenset({"npadvmod", "advmod"})
MAX_CUE_MODIFIER = 8
MAX_CUE_FILLERS = 2  # words between a verb and the preposition joining its cue ("spoke out about")
CUE_LEAD_WINDOW = 4  # longest "a short statement" between a leading verb and the report it leads into
LEAD_FILLERS = frozenset({"PART", "ADV", "ADP"})
STATEMENT_FILLERS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})
OPENER_DEPS = frozenset({"advmod", "advcl", "npadvmod"})  # adverbials that frame a claim (not "prep")
# "said A, but B": a contrasting clause goes on with what was said (PolNeAR's contents keep it)
CONTRAST_CONJUNCTIONS = frozenset({"but", "yet"})
FOCUS_ADVERBS = frozenset({"even", "only", "also", "just", "especially", "particularly"})
QUESTION_OPENERS = frozenset({"if", "whether", "why", "what", "how", "who", "whom", "which", "when", "where"})
REFUSAL_VERBS = frozenset({"decline", "refuse"})
STANCE_PREPOSITIONS = frozenset({"for", "of", "as"})  # "accused him of …", "praised her for …"
FIRST_SECOND_PERSON = frozenset({"i", "we", "you"})
# Objects that only point at what was said elsewhere ("said it", "said that"), not content themselves.
ANAPHORIC_OBJECTS = frozenset({"it", "this", "that", "these", "those", "them", "him", "her", "which", "what"})
# What cannot speak in a headline "Speaker: …" line.
NOT_SPEAKER_HEADS = frozenset(
    {"note", "update", "correction", "photo", "video", "watch", "related", "source", "latest"}
)
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})

# Windows, in tokens: between a speech verb's clause and a quote it introduces ("said on Tuesday: “…”"),
# from a reporting clause to its sentence's end (for a quote that goes on), where a dateline may end, and
# the longest speaker name before a headline colon.
ADJACENT_QUOTE_WINDOW = 8
CLAUSE_TAIL_WINDOW = 40
DATELINE_WINDOW = 12
HEADLINE_SPEAKER_WINDOW = 6
MIN_HEADLINE_CONTENT = 3
MAX_SIGNATURE = 5  # longest name after a signature dash ("Azucena Gonzàlez", "Sen. Mary Ann Holt")
COLON_CUE_WINDOW = 6  # longest "addressed the supporters again:" between a verb and the colon closing it
# A tagger-found cue without a source takes its verb's subject (`subject_source`), climbing at most this
# many heads through these links ("she plans to call out", "declined, adding"); on a held-out fifth of
# PolNeAR train this lifted triple F1 by 0.5 without lowering source exact F1.
SUBJECT_CLIMB = 2
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl"})
NOT_SPEAKING_SUBJECTS = frozenset({"who", "which", "that", "this", "it", "there"})
UNSOURCED_CUE_LEMMAS = frozenset({"appear", "seem"})


def _hashes(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


VERB_LEMMAS = _hashes(
    REPORTING_VERBS
    | SPEECH_VERBS
    | CITING_VERBS
    | NAMING_VERBS
    | STANCE_VERBS
    | frozenset(PREPOSITIONAL_CUES)
    | APPEARANCE_VERBS
)
MISLEMMATIZED_VERBS = _hashes(frozenset(LEMMA_FIXES))
TRIGGER_WORDS = _hashes(HEARSAY_ADVERBS | SIGNATURE_DASHES | GLUED_SIGNATURES | {"according", ":"})
QUOTE_HASHES = _hashes(QUOTE_MARKS | GLUED_SIGNATURES)
VERBAL_POS_IDS = np.array([VERB, AUX], dtype=np.uint64)


@dataclass(frozen=True)
class Quote:
    """A quotation by token indices: `start` is the opening mark, `end` is one past the closing mark (or the
    paragraph's end, for a quote that runs on into the next paragraph as news style allows)."""

    start: int
    end: int
    depth: int

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


def find_quotes(doc: Doc) -> list[Quote]:
    """Pair quote marks paragraph by paragraph; straight marks open when nothing of their kind is open."""
    if not len(doc):
        return []
    arrays = doc.to_array([ORTH, IS_SPACE, SPACY])
    is_space = arrays[:, 1].astype(bool)
    marks = np.isin(arrays[:, 0], QUOTE_HASHES)
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (kind: "d" | "s", index of the opening mark)

    def close_all(end: int) -> None:
        while stack:
            _, start = stack.pop()
            if end > start + 1:
                quotes.append(Quote(start, end, len(stack)))

    def close(kind: str, i: int) -> bool:
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind:
                start = stack[depth][1]
                del stack[depth:]
                quotes.append(Quote(start, i + 1, depth))
                return True
        return False

    for i in np.flatnonzero(marks | is_space).tolist():
        text = doc[i].text
        if is_space[i]:
            if "\n" in text:
                end = i
                while end > 0 and is_space[end - 1]:
                    end -= 1
                close_all(end)
            continue
        if text in OPENING_DOUBLE:
            stack.append(("d", i))
        elif text == "”" or text in GLUED_SIGNATURES:
            close("d", i)
        elif text in TOGGLING_DOUBLE:
            if not close("d", i):
                stack.append(("d", i))
        elif text == "‘":
            stack.append(("s", i))
        elif text == "’":
            close("s", i)
        elif text == "'":
            after_space = i == 0 or bool(arrays[i - 1, 2]) or is_space[i - 1]
            opens = after_space and not arrays[i, 2]
            if not close("s", i) and opens:
                stack.append(("s", i))
    last = len(doc)
    while last > 0 and is_space[last - 1]:
        last -= 1
    close_all(last)
    quotes.sort(key=lambda q: q.start)
    return quotes


@dataclass
class _Found:
    anchor: int  # the token that triggered the rule, to keep one attribution per trigger
    cue: TokenRange | None
    source: TokenRange | None
    content: list[TokenRange]
    kind: str | None = None
    speech: bool = False  # a speech verb, whose quoted content may go on after its sentence


class _Phrases:
    """Phrase boundaries on a parsed Doc: the rule finder's, and the speaker of a cue the tagger found."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _source_range(self, head: Token) -> TokenRange:
        doc = self.doc
        start, end = self._trim(self._subtree(head), keep_comma=True)
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
    def _subtree(token: Token) -> TokenRange:
        return token.left_edge.i, token.right_edge.i + 1

    def _trim(self, rng: TokenRange, keep_comma: bool = False) -> TokenRange:
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


class _RuleFinder(_Phrases):
    def __init__(self, doc: Doc) -> None:
        super().__init__(doc)
        self.quotes = find_quotes(doc)
        # quote look-ups by position, so that each costs the nesting depth, not the number of quotes
        self.starting: dict[int, list[Quote]] = {}
        self.ending: dict[int, list[Quote]] = {}
        self.covering: dict[int, list[Quote]] = {}
        for quote in self.quotes:
            self.starting.setdefault(quote.start, []).append(quote)
            self.ending.setdefault(quote.end, []).append(quote)
            for i in range(quote.start, quote.end):
                self.covering.setdefault(i, []).append(quote)
        arrays = doc.to_array([POS, LEMMA, LOWER, IS_SPACE])
        breaks = np.zeros(len(doc), dtype=bool)
        for i in np.flatnonzero(arrays[:, 3]).tolist():  # only whitespace tokens can hold a line break
            breaks[i] = "\n" in doc[i].text
        # paragraph number of every token; a break token belongs to the paragraph it closes
        self.paragraph = (np.cumsum(breaks) - breaks).tolist()
        self.verbal = np.isin(arrays[:, 0], VERBAL_POS_IDS)
        self.candidates = np.flatnonzero(
            (self.verbal & (np.isin(arrays[:, 1], VERB_LEMMAS) | np.isin(arrays[:, 2], MISLEMMATIZED_VERBS)))
            | np.isin(arrays[:, 2], TRIGGER_WORDS)
        ).tolist()
        self.found: dict[int, _Found] = {}
        self.extra: list[_Found] = []  # reporter attributions implied by "told the Post"

    def run(self) -> list[AttributionSpans]:
        doc = self.doc
        citing: list[Token] = []
        for i in self.candidates:
            tok = doc[i]
            lower = tok.lower_
            if lower == ":":
                self._colon(tok)
            elif lower in SIGNATURE_DASHES or lower in GLUED_SIGNATURES:
                self._signature(tok)
            elif lower == "according":
                if i + 1 < len(doc) and doc[i + 1].lower_ == "to":
                    self._according_to(tok)
            elif lower in HEARSAY_ADVERBS:
                self._hearsay(tok)
            elif tok.pos_ in VERBAL_POS:
                if i > 0 and doc[i - 1].text in MARKUP_OPENERS:
                    continue  # "<tweet …>" left in scraped text is markup, not a verb
                if tok.lemma_ in CITING_VERBS:
                    citing.append(tok)
                elif tok.lemma_ in APPEARANCE_VERBS:
                    self._appearance(tok)
                else:
                    self._reporting_verb(tok)
        for verb in citing:
            self._citing(verb)
        self._continue_quotes()
        found = [*self.found.values(), *self.extra]
        return [self._to_spans(f) for f in found]

    # --- constructions -------------------------------------------------------------------------------------

    def _reporting_verb(self, verb: Token) -> None:
        children = list(verb.children)
        deps = {c.dep_ for c in children}
        lemma = LEMMA_FIXES.get(verb.lower_, verb.lemma_)  # "hopes" comes out as "hop"
        if is_participle_modifier(verb):
            if lemma == "ask":
                self._asked(verb, children)
            return  # "the reported attack", "officials briefed on the talks": these describe, not report
        if is_adjective_infinitive(verb) or is_anonymity_formula(verb):
            return  # "ready to announce …" is a disposition, "asked not to be named" a condition of speaking
        passive = "auxpass" in deps or "nsubjpass" in deps
        if verb.dep_ == "xcomp" and verb.head.lemma_ in REFUSAL_VERBS:
            self._refusal(verb)  # "declined to say whether …"
            return
        content = [self._content_range(c, verb) for c in children if self._is_content_child(c, verb)]
        if not content and lemma in INFINITIVE_CUE_VERBS:
            content = self._infinitive(verb, children)
        if not content and lemma in NAMING_VERBS:
            content = self._naming(children)
        if not content and lemma in STANCE_VERBS:
            content = self._stance_target(verb, children)
        if not content:
            content = self._object_content(verb, children)
        preposition = None
        if not content and lemma in PREPOSITIONAL_CUES:
            preposition = self._cue_preposition(verb, children)
            content = [] if preposition is None else self._prepositional_content(verb, preposition)
        if not content and passive and "xcomp" in deps and "agent" not in deps:
            content = self._raised(children)  # "The minister is expected to resign."

        source: TokenRange | None = None
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if passive:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                source = self._source_range(pobj)
            subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        else:
            issuer = _statement_issuer(verb)
            subject = self._subject(verb if issuer is None else issuer)
            if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ != "VERB":
                # "the share of voters saying …", "Smith, a retired judge, saying …": the noun speaks
                speaker = self._trim((verb.head.left_edge.i, verb.left_edge.i))
                source = speaker if speaker[1] > speaker[0] else None
            if subject is not None:
                source = self._source_range(subject)
                quoted = self._quote_at(subject.i, verb.i)
                if quoted is not None and source[0] < quoted.end <= verb.i:
                    # a parse that took a word of the quote for the subject: the speaker follows the quote
                    source = self._trim((quoted.end, max(source[1], quoted.end)), keep_comma=True)
                    source = source if source[1] > source[0] else None
            if source is None and (speaker := self._inverted_speaker(verb)) is not None:
                source = self._source_range(speaker)
        cue = self._cue_range(verb, agent)
        if preposition is not None:
            cue = (cue[0], max(cue[1], preposition.i + 1))  # "called for", "talked briefly about"
        if source is None and not passive:
            return  # an active report whose speaker the parse lost: more often wrong than right
        if source is not None and self._speaker_voice(verb, source, lemma in BELIEF_VERBS):
            return  # "I think …" is the speaker's hedge; "“I told them, ‘…’”" their own words, not a source

        speech = lemma in SPEECH_VERBS
        if speech:
            # a reported clause after the verb already says what was said: a quote before it is another's
            looks_back = not any(
                start > verb.i and self.doc[start].text not in QUOTE_MARKS for start, _ in content
            )
            content.extend(self._adjacent_quotes(verb, cue, source, looks_back))
        if passive and not content and source is not None and subject is not None and subject.lower_ != "it":
            content = [self._subtree(subject)]  # "The move was first reported by MSNBC."
        taken = [source, cue]
        if not content and verb.dep_ == "parataxis" and source is not None:
            # "The deal is off, he said." / "The industry, she said, is doing better."
            content = [self._subtree(verb.head)]
            taken.append(self._subtree(verb))
        content = self._clean_content(content, taken)
        if not content:
            return
        self.found[verb.i] = _Found(verb.i, cue, source, content, speech=speech)
        self._told_outlet(verb, children)

    def _asked(self, verb: Token, children: list[Token]) -> None:
        """ "Asked if the plan would pass, the mayor …", "when asked why": a question put to someone, with no
        source (who asked is not said); its cue is the participle, its content the question."""
        question = next(
            (
                c
                for c in children
                if c.i > verb.i
                and c.dep_ in ("ccomp", "advcl", "xcomp")
                and c.left_edge.lower_ in QUESTION_OPENERS
            ),
            None,
        )
        if question is None:
            return
        content = self._clean_content([self._subtree(question)], [(verb.i, verb.i + 1)])
        if content:
            self.found[verb.i] = _Found(verb.i, (verb.i, verb.i + 1), None, content, kind="no_source")

    def _appearance(self, verb: Token) -> None:
        """ "The plan seemed to stall", "The deal appears doomed", "It appears that …": a clause attributed
        to no one; its content is the subject with what it seems to be, or the clause after "it"."""
        if self._quote_at(verb.i, -1) is not None:
            return  # inside a quote the speaker hedges their own words: PolNeAR adds no attribution
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        clause = next((c for c in children if c.dep_ == "ccomp" and c.i > verb.i), None)
        predicate = next((c for c in children if c.dep_ in ("xcomp", "acomp") and c.i > verb.i), None)
        if subject is not None and subject.lower_ == "it" and clause is not None:
            content = [self._subtree(clause)]
        elif subject is not None and subject.lower_ != "it" and predicate is not None:
            content = [self._subtree(subject), self._subtree(predicate)]
        else:
            return
        cue = (self._cue_range_start(verb), verb.i + 1)
        content = self._clean_content(content, [cue])
        if content:
            self.found[verb.i] = _Found(verb.i, cue, None, content, kind="no_source")

    def _inverted_speaker(self, verb: Token) -> Token | None:
        """The speaker named after a verb that follows a quote ("“…,” wrote a man calling himself Paul"), when
        the parse took a word of the quote for the subject or the speaker for an object."""
        doc = self.doc
        before = verb.i - 1
        while before >= 0 and doc[before].text == ",":
            before -= 1
        if before < 0 or self._quote_ending_at(before + 1, verb.i) is None:
            return None
        return next(
            (c for c in verb.rights if c.dep_ in ("nsubj", "dobj") and c.pos_ in ("NOUN", "PROPN")), None
        )

    def _told_outlet(self, verb: Token, children: list[Token]) -> None:
        """ "A senior diplomat told the Post that …", "… told CNN's Jake Tapper", "… said in an interview with
        The Times": the outlet reports what the source told it. It heads the chain as a second attribution
        of the same reporting act: the same cue and content, the outlet as source (see
        `attribution._parents`)."""
        outlet = self._outlet_phrase(verb, children)
        if outlet is None:
            return
        told = self.found[verb.i]
        self.extra.append(_Found(verb.i, told.cue, outlet, list(told.content), kind="indirect"))

    def _outlet_phrase(self, verb: Token, children: list[Token]) -> TokenRange | None:
        candidates: list[Token] = []
        if verb.lemma_ == "tell":
            recipient = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
            if recipient is not None:
                candidates.append(recipient)
                candidates.extend(c for c in recipient.children if c.dep_ == "poss")  # "CNN's Jake Tapper"
        for prep in children:  # "in an interview with the Post"
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for interview in prep.children:
                if interview.dep_ == "pobj" and interview.lemma_ == "interview":
                    for with_ in interview.children:
                        if with_.lower_ == "with":
                            candidates.extend(c for c in with_.children if c.dep_ == "pobj")
        for candidate in candidates:
            start, end = self._subtree(candidate)
            if candidate.dep_ == "poss":
                end = next((t.i for t in candidate.rights if t.dep_ == "case"), end)
            if is_media_phrase(self.doc[start:end]):
                return start, end
        return None

    def _according_to(self, according: Token) -> None:
        doc = self.doc
        to = doc[according.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None or according.dep_ == "ROOT":
            return
        copula = according.head
        subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if copula.lemma_ == "be" and copula.i == according.i - 1 and subject is not None:
            # "That's according to the exit polls": the copula joins the cue, the subject is the content
            source = self._trim(self._subtree(pobj))
            cue = (copula.i, according.i + 2)
            self.found[according.i] = _Found(
                according.i, cue, source, [self._subtree(subject)], "according_to"
            )
            return
        head = self._clause_head(according.head)
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head  # "A happened and B followed, according to X": X vouches for both
        phrase = (according.i, max(according.right_edge.i, pobj.right_edge.i) + 1)
        start, end = self._subtree(head)
        if start < phrase[0]:
            start = self._without_opener(head, start)
        content = self._around((start, end), phrase)
        if not content:
            return
        source = self._trim(self._subtree(pobj))
        cue = (according.i, according.i + 2)
        self.found[according.i] = _Found(according.i, cue, source, content, kind="according_to")

    def _colon(self, colon: Token) -> None:
        """A headline or transcript line "Speaker: what they say": a short name before a colon that opens its
        line, and the rest of the line after it."""
        if self._verb_colon_quote(colon):
            return
        doc = self.doc
        start = colon.i
        while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
            start -= 1
            if colon.i - start > HEADLINE_SPEAKER_WINDOW:
                return
        if start == colon.i:
            return
        speaker = doc[start : colon.i]
        if any(t.pos_ in VERBAL_POS or t.ent_type_ in NOT_SPEAKERS or t.is_punct for t in speaker):
            return
        if not any(t.pos_ in ("PROPN", "NOUN") for t in speaker) or speaker.root.lower_ in NOT_SPEAKER_HEADS:
            return
        end = colon.i + 1
        while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
            end += 1
        content = self._clean_content([(colon.i + 1, end)], [])
        if content and content[-1][1] - content[0][0] >= MIN_HEADLINE_CONTENT:
            self.found[colon.i] = _Found(colon.i, (colon.i, colon.i + 1), (start, colon.i), content)

    def _signature(self, dash: Token) -> None:
        """A quote signed with a dash and a name that closes its line ("“…” ― Carla Ruiz", or "- Mary Holt."
        on the line after the quote), as in collected reader letters and quotes of the day: the name is the
        source, the dash the cue."""
        doc = self.doc
        if dash.text in GLUED_SIGNATURES:
            quote = self._quote_ending_at(dash.i + 1, -1)
        else:
            before = dash.i
            while before > 0 and doc[before - 1].is_space:
                before -= 1
            quote = self._quote_ending_at(before, -1)
            if quote is not None and self._next_word(quote.end) != dash.i:
                return  # more than one paragraph break between the quote and its signature
        if quote is None or quote.depth:
            return
        end = dash.i + 1
        while end < len(doc) and not doc[end].is_space and doc[end].text != ".":
            end += 1
        after = end + (end < len(doc) and doc[end].text == ".")
        name = doc[dash.i + 1 : end]
        if (
            not 0 < len(name) <= MAX_SIGNATURE
            or not self._closes_line(after)
            or not all(t.text[:1].isupper() or t.text == "." for t in name)
            or any(t.pos_ in VERBAL_POS for t in name)
        ):
            return
        cue, source = (dash.i, dash.i + 1), (dash.i + 1, end)
        self.found[dash.i] = _Found(dash.i, cue, source, [(quote.start, quote.end)], "direct")

    def _closes_line(self, i: int) -> bool:
        """Whether token i ends the text or is the whitespace (with a line break) that ends a line."""
        doc = self.doc
        while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
            i += 1
        return i >= len(doc) or "\n" in doc[i].text

    def _verb_colon_quote(self, colon: Token) -> bool:
        """ "Mr. Lund gloated: “…”", "as she put it: “…”": any verb whose clause a colon closes right before a
        quote introduces that quote; the words from the verb to the colon are the cue."""
        verb = colon.head
        if verb.pos_ != "VERB" or verb.i in self.found or not 0 < colon.i - verb.i <= COLON_CUE_WINDOW:
            return False
        opening = self._next_word(colon.i + 1)
        quote = self._quote_starting_at(opening, verb.i) if opening is not None else None
        if (
            quote is None
            or not self._has_verb(quote)
            or self.paragraph[quote.start] != self.paragraph[colon.i]
        ):
            return False
        subject = self._subject(verb)
        if subject is None or subject.lower_ in FIRST_SECOND_PERSON or self._quote_at(verb.i, -1) is not None:
            return False
        source = self._source_range(subject)
        cue = (self._cue_range(verb, None)[0], colon.i + 1)
        if source[1] > cue[0]:
            return False
        self.found[verb.i] = _Found(verb.i, cue, source, [(quote.start, quote.end)], speech=True)
        return True

    def _hearsay(self, adverb: Token) -> None:
        head = self._clause_head(adverb.head)
        if head.i == adverb.i:
            return
        start, end = self._subtree(head)
        content = self._around((self._without_opener(head, start), end), (adverb.i, adverb.i + 1))
        if content:
            self.found[adverb.i] = _Found(adverb.i, (adverb.i, adverb.i + 1), None, content, kind="no_source")

    def _citing(self, verb: Token) -> None:
        """Chains such as "Reuters, citing two officials, reported that …": the officials are a source for the
        same content, one link further down. Without a reporting clause to lean on, "citing" reports its
        object ("He resigned, citing health reasons")."""
        cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if cited is None:
            return
        cited_range = self._source_range(cited)
        cue = (verb.i, verb.i + 1)
        phrase = self._subtree(verb)
        for found in [*self.found.values()]:
            governs = found.anchor == verb.head.i
            inside_source = found.source is not None and found.source[0] <= verb.i < found.source[1]
            inside_content = any(s <= verb.i < e for s, e in found.content)
            if not (governs or inside_source or inside_content):
                continue
            # the citing phrase belongs to neither the reporter's description nor its content
            if inside_source and found.source is not None and phrase[1] >= found.source[1] - 1:
                found.source = self._trim((found.source[0], phrase[0]))
            if inside_content:
                found.content = self._clean_content(found.content, [phrase])
            if found.content:
                self.found[verb.i] = _Found(verb.i, cue, cited_range, list(found.content))
            return
        subject = self._subject(verb)
        source = self._source_range(subject) if subject is not None else None
        content = self._clean_content([cited_range], [source, cue])
        if content:
            self.found[verb.i] = _Found(verb.i, cue, source, content)

    def _continue_quotes(self) -> None:
        """“…,” she said. “…” — a quote that opens the next sentence (or the next paragraph), with no
        reporting clause of its own, goes on with the speaker before it."""
        # token → anchors of the attributions whose content holds it
        claimed: dict[int, set[int]] = {}
        for f in [*self.found.values(), *self.extra]:
            for r in f.content:
                for i in range(r[0], r[1]):
                    claimed.setdefault(i, set()).add(f.anchor)
        for found in self.found.values():
            if not found.speech or not found.content:
                continue
            last = self._quote_ending_at(found.content[-1][1], -1)
            if last is None:
                continue
            ends = [found.content[-1][1], *(r[1] for r in (found.cue, found.source) if r is not None)]
            position = self._after_sentence(max(ends))
            while position is not None:
                quote = self._quote_starting_at(position, -1)
                if quote is None or quote.depth or not self._has_verb(quote):
                    break
                if any(not quote.contains(anchor) for anchor in claimed.get(quote.start, ())):
                    break  # another attribution outside the quote already reports it
                if self._reported_after(quote):
                    break  # “…,” another speaker said: the quote has a reporting clause of its own
                found.content.append((quote.start, quote.end))
                for i in range(quote.start, quote.end):
                    claimed.setdefault(i, set()).add(found.anchor)
                position = self._next_word(quote.end)
        for extra in self.extra:  # an outlet's link reports the same act, so its quote goes on as well
            told = self.found.get(extra.anchor)
            if told is not None:
                extra.content = list(told.content)

    # --- pieces --------------------------------------------------------------------------------------------

    def _reported_after(self, quote: Quote) -> bool:
        doc = self.doc
        for tok in doc[quote.end : min(len(doc), quote.end + 4)]:
            if tok.text in SENTENCE_END or "\n" in tok.text:
                return False
            if tok.pos_ in VERBAL_POS and tok.lemma_ in SPEECH_VERBS:
                return True
        return False

    def _speaker_voice(self, verb: Token, source: TokenRange, belief: bool) -> bool:
        """Whether a verb speaks in the speaker's own voice: a belief verb in the first or second person or
        from inside a quote; any verb in the first or second person from inside a quote (a quoted speaker
        recounting their own or their listener's words adds no source; PolNeAR leaves these out)."""
        first = self.doc[source[0]]
        personal = source[1] - source[0] == 1 and first.lower_ in FIRST_SECOND_PERSON
        quoted = self._quote_at(verb.i, -1) is not None
        return (personal or quoted) if belief else (personal and quoted)

    def _object_content(self, verb: Token, children: list[Token]) -> list[TokenRange]:
        """What was said as a noun phrase ("said something strange", "noted their endorsements") or an order
        with its addressee ("told the crowd to go home")."""
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is None:
            return []
        control = next((c for c in children if c.dep_ == "xcomp" and c.i > obj.i), None)
        if control is not None and verb.lemma_ in DIRECTIVE_VERBS:
            return [(obj.left_edge.i, control.right_edge.i + 1)]
        if verb.lemma_ in OBJECT_SPEECH_VERBS and obj.lower_ not in ANAPHORIC_OBJECTS:
            return [self._subtree(obj)]
        return []

    def _infinitive(self, verb: Token, children: list[Token]) -> list[TokenRange]:
        """What is hoped or promised as an infinitive after the verb ("hopes to win", "vowed to appeal")."""
        control = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if control is None or control.left_edge.lower_ != "to":
            return []
        return [self._subtree(control)]

    def _stance_target(self, verb: Token, children: list[Token]) -> list[TokenRange]:
        """Whom a stance is toward, through what the verb says of them: "accused him of lying", "praised the
        plan as bold", "blamed the storm for the delay"."""
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None:
            return []
        end = obj.right_edge.i + 1
        for child in children:
            complement = child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS
            if child.i > obj.i and (complement or child.dep_ in ("xcomp", "oprd")):
                end = max(end, child.right_edge.i + 1)
        return [(obj.left_edge.i, end)]

    def _cue_preposition(self, verb: Token, children: list[Token]) -> Token | None:
        """The preposition that leads a verb to its content ("called for", "spoke out about"), right after
        the verb or a particle or adverb or two."""
        allowed = PREPOSITIONAL_CUES[verb.lemma_]
        for child in children:
            if child.dep_ != "prep" or child.lower_ not in allowed or child.i <= verb.i:
                continue
            between = self.doc[verb.i + 1 : child.i]
            if len(between) <= MAX_CUE_FILLERS and all(t.pos_ in LEAD_FILLERS for t in between):
                return child
        return None

    def _prepositional_content(self, verb: Token, preposition: Token) -> list[TokenRange]:
        """The preposition's object, with the infinitive an appeal goes on to ("called on the banks to lend
        more")."""
        obj = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return []
        end = obj.right_edge.i + 1
        for child in verb.rights:
            if (
                child.dep_ in ("xcomp", "advcl")
                and child.left_edge.i == end
                and child.left_edge.lower_ == "to"
            ):
                end = child.right_edge.i + 1
        return [(obj.left_edge.i, end)]

    def _refusal(self, verb: Token) -> None:
        """ "The ministry declined to say whether …": the refusal is the cue, the unanswered question the
        content."""
        refusal = verb.head
        subject = self._subject(refusal)
        source = self._source_range(subject) if subject is not None else None
        cue = self._cue_range(refusal, None)
        content = self._clean_content([self._subtree(verb)], [source, cue])
        if content:
            self.found[refusal.i] = _Found(refusal.i, cue, source, content)

    def _raised(self, children: list[Token]) -> list[TokenRange]:
        """ "X is expected / believed / said to Y": X and what it is expected to do, around the cue."""
        subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        control = next((c for c in children if c.dep_ == "xcomp"), None)
        if subject is None or control is None or subject.lower_ == "it":
            return []
        return [self._subtree(subject), self._subtree(control)]

    def _naming(self, children: list[Token]) -> list[TokenRange]:
        """ "called the plan a disaster": the object with what it is called."""
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        predicate = next(
            (c for c in children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")), None
        )  # "called it a disaster", "described it as a disaster"
        if obj is None or predicate is None:
            return []
        return [(obj.left_edge.i, predicate.right_edge.i + 1)]

    def _is_content_child(self, child: Token, verb: Token) -> bool:
        if child.dep_ == "ccomp":
            return True
        if child.dep_ == "advcl" and verb.lemma_ in QUESTION_VERBS:
            return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)
        if child.dep_ in ("xcomp", "parataxis", "dobj", "conj"):
            # A quoted object or clause is what was said ('he said "never"'); unquoted, it is not a report.
            return self._quote_at(child.i, verb.i) is not None
        return False

    def _content_range(self, clause: Token, verb: Token) -> TokenRange:
        """A complement clause's extent, without what follows it and belongs to the reporting sentence: a
        participle after a comma (", calling them …"), a coordinated clause with its own subject (unless it
        contrasts: "…, but the vote is close" is still what was said) or in the reporting verb's past tense (a
        parse that hung "and defended …" on the wrong verb), and a closing non-restrictive relative clause
        (", who …"). A contrast (", while …", ", though …") stays, as in PolNeAR's contents."""
        doc = self.doc
        start, end = self._subtree(clause)
        for child in clause.rights:
            after_comma = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ","
            cut = False
            if child.dep_ == "advcl":
                cut = after_comma and child.tag_ == "VBG"
            elif child.dep_ == "conj" and child.pos_ in VERBAL_POS:
                child_deps = {c.dep_ for c in child.children}
                own_subject = "nsubj" in child_deps and "mark" not in child_deps
                contrast = any(c.dep_ == "cc" and c.lower_ in CONTRAST_CONJUNCTIONS for c in clause.children)
                cut = (own_subject and not contrast) or (
                    "nsubj" not in child_deps and child.tag_ == "VBD" != clause.tag_
                )
            if cut:
                end = child.left_edge.i
                break
        for i in range(start, end):
            tok = doc[i]
            closing = (
                tok.right_edge.i + 1 >= end and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
            )
            if not closing or tok.i == verb.i or tok.is_ancestor(clause):
                continue  # the reporting clause itself ("…, which the probe said were covered up") stays
            if tok.dep_ == "relcl" or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG"):
                end = tok.left_edge.i - 1
                break
        return self._expand((start, end), verb)

    def _subject(self, verb: Token) -> Token | None:
        """The subject of a reporting verb, borrowed from the verb it is coordinated with or subordinate to
        ("… and added that", "…, saying that")."""
        current = verb
        for _ in range(4):
            deps = ("nsubj",) if current is verb else ("nsubj", "nsubjpass")
            subject = next((c for c in current.children if c.dep_ in deps), None)
            if subject is not None:
                return subject
            if current.dep_ == "pcomp" and current.head.head.pos_ in VERBAL_POS:
                current = current.head.head  # "was criticised for saying …": the criticised one said it
                continue
            if current.dep_ not in ("conj", "xcomp", "advcl") or current.head is current:
                return None
            head = current.head
            if current is verb and _hung_on_report(verb):
                head = head.head  # "She said that A, adding …": the parse hung "adding" on A
            current = head
        return None

    def _within_paragraph(self, piece: TokenRange, anchor: int) -> TokenRange:
        """A content piece kept to the paragraph of its reporting clause (at token `anchor`) and without a
        wire dateline ("LOS ANGELES (UPI) —") that the parse attached to its clause."""
        doc = self.doc
        start, end = piece
        if end <= start:
            return start, end
        if doc[start].text not in QUOTE_MARKS:
            for i in range(start, min(end, start + DATELINE_WINDOW)):
                tok = doc[i]
                if tok.text in DASHES and i > start and doc[i - 1].text == ")":
                    start = i + 1
        # only the tokens of the anchor's paragraph: a piece wholly in another paragraph comes back empty
        paragraph = self.paragraph
        home = paragraph[min(anchor, len(doc) - 1)]
        while start < end and paragraph[start] < home:
            start += 1
        while end > start and paragraph[end - 1] > home:
            end -= 1
        if start < end and paragraph[start] > home:
            return start, start
        while end > start and doc[end - 1].is_space:
            end -= 1
        return start, end

    def _cue_range_start(self, verb: Token) -> int:
        """The verb with the auxiliaries and adverbs right before it ("has long said", "isn’t saying")."""
        doc = self.doc
        start = verb.i
        while start > 0:
            prev = doc[start - 1]
            if (
                prev.head.i != verb.i
                or prev.dep_ not in CUE_MODIFIERS
                or not any(c.isalpha() for c in prev.text)  # contractions count: "’s predicting", "isn’t"
            ):
                break
            start -= 1
        return start

    def _cue_range(self, verb: Token, agent: Token | None) -> TokenRange:
        doc = self.doc
        start, end = self._cue_range_start(verb), verb.i + 1
        if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head.i == verb.i:
            end += 1  # "pointed out"
        if agent is not None and agent.i == end:
            end += 1  # "was told by"
        for tail in CUE_TAILS:
            words = doc[end : end + len(tail)]
            if len(words) == len(tail) and tuple(t.lower_ for t in words) == tail:
                end += len(tail)
        return self._cue_lead(verb, start), self._cue_modifiers_end(verb, end)

    def _cue_lead(self, verb: Token, start: int) -> int:
        """Where the cue starts once it takes the verb that leads into the report, as PolNeAR's cues do: a
        verb the report is the infinitive or gerund of ("went on to say", "continues to insist", "pivoted to
        arguing"), or that issued the statement saying it ("released a statement saying")."""
        doc = self.doc
        head = verb.head
        infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts)
        if (verb.dep_ == "xcomp" or infinitive) and head.pos_ == "VERB" and head.i < verb.i:
            allowed = LEAD_FILLERS  # "went on to say": particles and adverbs only, no object in between
        elif (issuer := _statement_issuer(verb)) is not None:
            head, allowed = issuer, LEAD_FILLERS | STATEMENT_FILLERS
        else:
            return start
        between = doc[head.i + 1 : start]
        if len(between) > CUE_LEAD_WINDOW or any(t.pos_ not in allowed for t in between):
            return start
        return self._cue_range_start(head)

    def _cue_modifiers_end(self, verb: Token, end: int) -> int:
        """Where the cue ends once it takes the time of speaking that follows the verb ("said Sunday",
        "reported earlier this year", "tweeted Wednesday morning"), as PolNeAR's cues do: short phrases right
        after the verb, with no verb or quote of their own."""
        doc = self.doc
        for child in verb.rights:
            if child.left_edge.i != end:
                if child.left_edge.i > end:
                    break
                continue
            last = child.right_edge.i + 1
            phrase = doc[end:last]
            if (
                child.dep_ not in CUE_MODIFIER_DEPS
                or last - end > MAX_CUE_MODIFIER
                or any(t.pos_ in VERBAL_POS or t.text in QUOTE_MARKS or t.is_space for t in phrase)
            ):
                break
            end = last
        return end

    def _adjacent_quotes(
        self, verb: Token, cue: TokenRange, source: TokenRange | None, looks_back: bool = True
    ) -> list[TokenRange]:
        """Quotes right before the reporting clause ("“…,” she said") and right after it ("He said: “…”",
        and the second half of a split quote)."""
        doc = self.doc
        clause_start = min(cue[0], source[0]) if source else cue[0]
        clause_end = max(cue[1], source[1]) if source else cue[1]
        found: list[TokenRange] = []
        i = clause_start - 1
        while i >= 0 and (
            doc[i].text in (",", "—", "–", "-") or (doc[i].is_space and "\n" not in doc[i].text)
        ):
            i -= 1
        before = self._quote_ending_at(i + 1, verb.i) if i >= 0 and looks_back else None
        if before is not None and self._voiced(before) and self._attaches_back(before, clause_end):
            found.append((before.start, before.end))
        limit = min(len(doc), clause_end + ADJACENT_QUOTE_WINDOW)
        for j in range(clause_end, limit):
            tok = doc[j]
            if tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text):
                break
            after = self._quote_starting_at(j, verb.i)
            if after is not None:
                handed = doc[j - 1].text in (",", ":")  # 'He said: “Never.”' is speech even without a verb
                if (j == clause_end or handed) and (handed or self._has_verb(after)):
                    found.append((after.start, after.end))
                break
            if tok.text in QUOTE_MARKS or (tok.pos_ in VERBAL_POS and tok.lemma_ in SPEECH_VERBS):
                break
        return found

    def _attaches_back(self, quote: Quote, clause_end: int) -> bool:
        """A quote that ends its sentence ("…wrong.”") belongs to a reporting clause after it only when that
        clause is just speaker and verb ("“It is over.” Smith said."), not a new sentence that goes on."""
        doc = self.doc
        last_inside = doc[quote.end - 2] if quote.end - quote.start > 2 else None
        if last_inside is None or last_inside.text != ".":
            return True  # "…!” he told the crowd", "…?” she asked the panel": news style for these marks
        return clause_end >= len(doc) or doc[clause_end].text in SENTENCE_END or doc[clause_end].text == ","

    def _clean_content(self, content: list[TokenRange], taken: list[TokenRange | None]) -> list[TokenRange]:
        """Cut the reporting clause out of content pieces that enclose it ("The industry, she said, is …"),
        trim, and merge overlapping pieces."""
        holes = sorted(r for r in taken if r is not None and r[1] > r[0])
        pieces: list[TokenRange] = []
        for piece in content:
            parts = [piece]
            for hole in holes:
                parts = [p for part in parts for p in self._cut(part, hole)]
            # the paragraph of the reporting clause: its cue, usually the last of the taken phrases
            anchor = max(h[0] for h in holes) if holes else parts[0][0] if parts else 0
            pieces.extend(
                self._with_opening_conjunction(self._trim(self._within_paragraph(p, anchor))) for p in parts
            )
        merged: list[TokenRange] = []
        for start, end in sorted(pieces):
            if end <= start:
                continue
            if merged and (start <= merged[-1][1] or self._only_punctuation(merged[-1][1], start)):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _with_opening_conjunction(self, piece: TokenRange) -> TokenRange:
        """A content that opens its sentence keeps the conjunction it opens with ("But that is not good
        enough, he said"), as PolNeAR's contents do."""
        start, end = piece
        before = self.doc[start - 1] if start > 0 else None
        if before is not None and end > start and before.dep_ == "cc" and before.is_sent_start:
            return start - 1, end
        return piece

    def _only_punctuation(self, start: int, end: int) -> bool:
        """Whether tokens start..end are a comma or the like between two pieces of one content."""
        return all(t.text in EDGE_PUNCT and t.text not in SENTENCE_END for t in self.doc[start:end])

    @staticmethod
    def _cut(piece: TokenRange, hole: TokenRange) -> list[TokenRange]:
        if hole[1] <= piece[0] or piece[1] <= hole[0]:
            return [piece]
        return [p for p in ((piece[0], hole[0]), (hole[1], piece[1])) if p[1] > p[0]]

    def _around(self, clause: TokenRange, hole: TokenRange) -> list[TokenRange]:
        """The clause with a phrase cut out of it, as up to two trimmed pieces, kept to the phrase's
        paragraph."""
        pieces = (self._trim(self._within_paragraph(p, hole[0])) for p in self._cut(clause, hole))
        return [p for p in pieces if p[1] > p[0]]

    def _without_opener(self, clause: Token, start: int) -> int:
        """Where a clause's claim starts: after a sentence adverbial set off by a comma ("Still, …", "Earlier
        Tuesday, …", "Though he trails, …"), which frames the claim rather than belonging to what the source
        vouches for. A prepositional opener ("In 2014, …", "At the plant, …") stays: PolNeAR's contents keep
        it (40 of 58 on train)."""
        doc = self.doc
        for child in clause.lefts:
            if child.left_edge.i != start:
                continue
            after = child.right_edge.i + 1
            if child.dep_ in OPENER_DEPS and after < clause.i and doc[after].text == ",":
                return after + 1
        return start

    @staticmethod
    def _clause_head(token: Token) -> Token:
        """Climb from a modifier's head to the verb of its clause."""
        for _ in range(6):
            if token.pos_ in VERBAL_POS or token.dep_ == "ROOT":
                return token
            token = token.head
        return token

    def _expand(self, rng: TokenRange, verb: Token) -> TokenRange:
        """Grow a content range over every quote it cuts into, except quotes that hold the verb itself."""
        start, end = rng
        changed = end > start
        while changed:
            changed = False
            # a quote that the range cuts into holds the range's first or last token
            for quote in [*self.covering.get(start, ()), *self.covering.get(end - 1, ())]:
                if not quote.contains(verb.i) and (quote.start < start or quote.end > end):
                    start, end = min(start, quote.start), max(end, quote.end)
                    changed = True
        return start, end

    def _voiced(self, quote: Quote) -> bool:
        """Whether a quote before a reporting clause is speech: it has a verb, or closes on the comma, "!" or
        "?" that hands over to its speaker ("“Absolutely not,” he said"); a bare phrase is a scare quote."""
        last_inside = self.doc[quote.end - 2].text if quote.end - quote.start > 2 else ""
        return self._has_verb(quote) or last_inside in HANDOVER_MARKS

    def _has_verb(self, quote: Quote) -> bool:
        return bool(self.verbal[quote.start : quote.end].any())

    def _after_sentence(self, i: int) -> int | None:
        """The first word of the sentence after the one running at token i (in this paragraph or opening
        the next)."""
        doc = self.doc
        for j in range(i, min(len(doc), i + CLAUSE_TAIL_WINDOW)):
            text = doc[j].text
            if "\n" in text:
                return self._next_word(j)
            if text in QUOTE_MARKS:
                return None
            if text in SENTENCE_END:
                return self._next_word(j + 1)
        return None

    def _next_word(self, i: int) -> int | None:
        """The next word from token i, across at most one paragraph break."""
        doc = self.doc
        breaks = 0
        while i < len(doc) and doc[i].is_space:
            breaks += "\n" in doc[i].text
            i += 1
        return i if i < len(doc) and breaks <= 1 else None

    def _quote_at(self, i: int, verb_i: int) -> Quote | None:
        return next((q for q in self.covering.get(i, ()) if not q.contains(verb_i)), None)

    def _quote_ending_at(self, end: int, verb_i: int) -> Quote | None:
        return next((q for q in self.ending.get(end, ()) if not q.contains(verb_i)), None)

    def _quote_starting_at(self, start: int, verb_i: int) -> Quote | None:
        return next((q for q in self.starting.get(start, ()) if not q.contains(verb_i)), None)

    def _to_spans(self, found: _Found) -> AttributionSpans:
        return AttributionSpans(
            content=[self._chars(r) for r in found.content],
            cue=[self._chars(found.cue)] if found.cue else [],
            source=[self._chars(found.source)] if found.source and found.source[1] > found.source[0] else [],
            kind=found.kind,
            origin="rules",
        )

    def _chars(self, rng: TokenRange) -> tuple[int, int]:
        """Character offsets of a token range; a closing mark glued to a signature dash ends a quote, the dash
        alone is the cue."""
        first, last = self.doc[rng[0]], self.doc[rng[1] - 1]
        start, end = first.idx, last.idx + len(last.text)
        if first.text in GLUED_SIGNATURES and rng[1] - rng[0] == 1:
            start += 1
        elif last.text in GLUED_SIGNATURES:
            end = last.idx + 1
        return start, end


def is_participle_modifier(verb: Token) -> bool:
    """A past participle modifying a noun or clause, without auxiliaries: describes, does not report."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("amod", "acl", "advcl")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _hung_on_report(verb: Token) -> bool:
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


def _statement_issuer(verb: Token) -> Token | None:
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


def find_rule_attributions(doc: Doc) -> list[AttributionSpans]:
    """Attributions the rules find in a parsed Doc, in text order."""
    if not len(doc):
        return []
    spans = _RuleFinder(doc).run()
    spans.sort(key=lambda a: min(s for s, _ in [*a.content, *a.cue, *a.source]))
    return spans


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
    start, end = _Phrases(doc)._source_range(subject)
    while end - 1 > start and doc[end - 1].text == ",":
        end -= 1
    first, last = doc[start], doc[end - 1]
    phrase = (first.idx, last.idx + len(last.text))
    if any(s < phrase[1] and phrase[0] < e for s, e in content):
        return []
    return [phrase]


def _tokens_in(doc: Doc, spans: Sequence[Offsets]) -> list[Token]:
    return [t for s, e in spans if (span := doc.char_span(s, e, alignment_mode="expand")) for t in span]
