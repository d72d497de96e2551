"""The state one run of the rules shares over a parsed Doc (`RuleContext`): its quotes by position, its
paragraphs, the candidate trigger tokens, the attributions found so far (`found`, one per trigger token, and
the outlet links of "told the Post" in `extra`), and the pieces every construction draws its spans with
(the cue's extent, content cleaning, adjacent quotes, the subject of a reporting verb).

Span conventions follow PolNeAR, whose scoring is exact match: a quoted content includes its quote marks and
the punctuation inside them; an unquoted content leaves out the sentence's closing period but keeps "that";
a cue keeps its auxiliaries and adverbs ("has learned", "was first reported by").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE, LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, VERB
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimtrace.analyze.attribution.quotes import (
    GLUED_SIGNATURES,
    QUOTE_MARKS,
    SIGNATURE_DASHES,
    Quote,
    find_quotes,
)
from claimtrace.analyze.attribution.rules.syntax import (
    DASHES,
    EDGE_PUNCT,
    VERBAL_POS,
    Phrases,
    TokenRange,
    hung_on_report,
    statement_issuer,
)
from claimtrace.analyze.attribution.spans import AttributionSpans
from claimtrace.analyze.lexicon import (
    APPEARANCE_VERBS,
    CITING_VERBS,
    CUE_TAILS,
    HEARSAY_ADVERBS,
    LEMMA_FIXES,
    NAMING_VERBS,
    PREPOSITIONAL_CUES,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
)

SENTENCE_END = frozenset({".", "!", "?"})
# what closes a quote that hands over to its speaker ("“Absolutely not,” he said")
HANDOVER_MARKS = frozenset({",", "!", "?"})
CUE_MODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Phrases after a reporting verb that say when it was said, and join the cue ("said Sunday", "reported
# earlier this month"); prepositional ones ("in an interview", "at a rally") are in PolNeAR's cues about as
# often as not, so they stay out.
CUE_MODIFIER_DEPS = frozenset({"npadvmod", "advmod"})
MAX_CUE_MODIFIER = 8
CUE_LEAD_WINDOW = 4  # longest "a short statement" between a leading verb and the report it leads into
LEAD_FILLERS = frozenset({"PART", "ADV", "ADP"})
STATEMENT_FILLERS = frozenset({"DET", "ADJ", "NOUN", "PROPN"})
OPENER_DEPS = frozenset({"advmod", "advcl", "npadvmod"})  # adverbials that frame a claim (not "prep")
# Windows, in tokens: between a speech verb's clause and a quote it introduces ("said on Tuesday: “…”"),
# from a reporting clause to its sentence's end (for a quote that goes on), and where a dateline may end.
ADJACENT_QUOTE_WINDOW = 8
CLAUSE_TAIL_WINDOW = 40
DATELINE_WINDOW = 12


def _ids(words: frozenset[str]) -> np.ndarray:
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


# The tokens a construction may start from: verbs of the reporting lexicons (and those the lemmatizer
# gets wrong), and the trigger words of the other constructions.
VERB_LEMMAS = _ids(
    REPORTING_VERBS
    | SPEECH_VERBS
    | CITING_VERBS
    | NAMING_VERBS
    | STANCE_VERBS
    | frozenset(PREPOSITIONAL_CUES)
    | APPEARANCE_VERBS
)
MISLEMMATIZED_VERBS = _ids(frozenset(LEMMA_FIXES))
TRIGGER_WORDS = _ids(HEARSAY_ADVERBS | SIGNATURE_DASHES | GLUED_SIGNATURES | {"according", ":"})
VERBAL_POS_IDS = np.array([VERB, AUX], dtype=np.uint64)


@dataclass
class Found:
    anchor: int  # the token that triggered the rule, to keep one attribution per trigger
    cue: TokenRange | None
    source: TokenRange | None
    content: list[TokenRange]
    kind: str | None = None
    speech: bool = False  # a speech verb, whose quoted content may go on after its sentence


class RuleContext(Phrases):
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
        self.found: dict[int, Found] = {}
        self.extra: list[Found] = []  # reporter attributions implied by "told the Post"

    def clean_content(self, content: list[TokenRange], taken: list[TokenRange | None]) -> list[TokenRange]:
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
                self._with_opening_conjunction(self.trim(self._within_paragraph(p, anchor))) for p in parts
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

    def around(self, clause: TokenRange, hole: TokenRange) -> list[TokenRange]:
        """The clause with a phrase cut out of it, as up to two trimmed pieces, kept to the phrase's
        paragraph."""
        pieces = (self.trim(self._within_paragraph(p, hole[0])) for p in self._cut(clause, hole))
        return [p for p in pieces if p[1] > p[0]]

    def without_opener(self, clause: Token, start: int) -> int:
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
    def clause_head(token: Token) -> Token:
        """Climb from a modifier's head to the verb of its clause."""
        for _ in range(6):
            if token.pos_ in VERBAL_POS or token.dep_ == "ROOT":
                return token
            token = token.head
        return token

    def expand(self, rng: TokenRange, verb: Token) -> TokenRange:
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
        return self.has_verb(quote) or last_inside in HANDOVER_MARKS

    def has_verb(self, quote: Quote) -> bool:
        return bool(self.verbal[quote.start : quote.end].any())

    def after_sentence(self, i: int) -> int | None:
        """The first word of the sentence after the one running at token i (in this paragraph or opening
        the next)."""
        doc = self.doc
        for j in range(i, min(len(doc), i + CLAUSE_TAIL_WINDOW)):
            text = doc[j].text
            if "\n" in text:
                return self.next_word(j)
            if text in QUOTE_MARKS:
                return None
            if text in SENTENCE_END:
                return self.next_word(j + 1)
        return None

    def next_word(self, i: int) -> int | None:
        """The next word from token i, across at most one paragraph break."""
        doc = self.doc
        breaks = 0
        while i < len(doc) and doc[i].is_space:
            breaks += "\n" in doc[i].text
            i += 1
        return i if i < len(doc) and breaks <= 1 else None

    def quote_at(self, i: int, verb_i: int) -> Quote | None:
        return next((q for q in self.covering.get(i, ()) if not q.contains(verb_i)), None)

    def quote_ending_at(self, end: int, verb_i: int) -> Quote | None:
        return next((q for q in self.ending.get(end, ()) if not q.contains(verb_i)), None)

    def quote_starting_at(self, start: int, verb_i: int) -> Quote | None:
        return next((q for q in self.starting.get(start, ()) if not q.contains(verb_i)), None)

    def subject(self, verb: Token) -> Token | None:
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
            if current is verb and hung_on_report(verb):
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

    def cue_range_start(self, verb: Token) -> int:
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

    def cue_range(self, verb: Token, agent: Token | None) -> TokenRange:
        doc = self.doc
        start, end = self.cue_range_start(verb), verb.i + 1
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
        elif (issuer := statement_issuer(verb)) is not None:
            head, allowed = issuer, LEAD_FILLERS | STATEMENT_FILLERS
        else:
            return start
        between = doc[head.i + 1 : start]
        if len(between) > CUE_LEAD_WINDOW or any(t.pos_ not in allowed for t in between):
            return start
        return self.cue_range_start(head)

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

    def adjacent_quotes(
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
        before = self.quote_ending_at(i + 1, verb.i) if i >= 0 and looks_back else None
        if before is not None and self._voiced(before) and self._attaches_back(before, clause_end):
            found.append((before.start, before.end))
        limit = min(len(doc), clause_end + ADJACENT_QUOTE_WINDOW)
        for j in range(clause_end, limit):
            tok = doc[j]
            if tok.text in SENTENCE_END or (tok.is_space and "\n" in tok.text):
                break
            after = self.quote_starting_at(j, verb.i)
            if after is not None:
                handed = doc[j - 1].text in (",", ":")  # 'He said: “Never.”' is speech even without a verb
                if (j == clause_end or handed) and (handed or self.has_verb(after)):
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

    def to_spans(self, found: Found) -> AttributionSpans:
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
