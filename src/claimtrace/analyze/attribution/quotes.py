"""Quotations: the one home of quote marks and of where quotes are.

`find_quotes` pairs the marks of a parsed Doc into `Quote`s (nested, split, straight or curly, running on to
the paragraph's end); the rules read quotes from it, and so does the component when it decides whether a
content is quoted (`component._kind`) and whether a content that opens a quote ends short of its closing mark
(`with_closing_mark`). Two finer questions read the same marks here too:
`opens_at_quote` (whether a rule content opens at a quotation mark, the merge's "direct" test) and
`quote_state` (whether each token is inside a quote, a feature of the trained tagger, whose shipped weights
were fitted on exactly this reading, so it stays as it is rather than follow `find_quotes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SPACY
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimtrace.record import Offsets

# guillemets as machine-translated and European wires print them ("«Nous partirons»", "«We leave»")
OPENING_DOUBLE = frozenset({"“", "``", "«"})
CLOSING_DOUBLE = frozenset({"”", "»"})
TOGGLING_DOUBLE = frozenset({'"', "''"})  # straight marks, and the doubled apostrophe some wires use for both
QUOTE_MARKS = frozenset({"“", "”", "‘", "’", '"', "'", "``", "''", "«", "»"})
SIGNATURE_DASHES = frozenset({"―", "—", "–", "--", "-"})  # "“…” ― Name": a reader's or speaker's signature
# a closing mark the tokenizer leaves glued to a signature dash ("…here.”― Carla Ruiz")
GLUED_SIGNATURES = frozenset("”" + dash for dash in SIGNATURE_DASHES)
QUOTE_IDS = np.array(sorted(get_string_id(w) for w in QUOTE_MARKS | GLUED_SIGNATURES), dtype=np.uint64)
# The tagger's reading (`quote_state`): curly and guillemet marks by side, the straight double mark toggles.
OPEN_QUOTES = frozenset("“‘«")
CLOSE_QUOTES = frozenset("”’»")
STRAIGHT_QUOTE = '"'


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
    marks = np.isin(arrays[:, 0], QUOTE_IDS)
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
        elif text in CLOSING_DOUBLE or text in GLUED_SIGNATURES:
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


def with_closing_mark(doc: Doc, quotes: Sequence[Quote], content: list[Offsets]) -> list[Offsets]:
    """`content` (character spans, in order) carried on to the closing mark of a quote it opens, where it
    stops just short of that mark or of punctuation glued to it ('quarantines "willy-nilly[."]'): a quoted
    phrase keeps both its marks, as PolNeAR's annotators draw it. Otherwise `content` as it is."""
    if not content:
        return content
    first = doc.char_span(content[0][0], content[0][1], alignment_mode="expand")
    last = doc.char_span(content[-1][0], content[-1][1], alignment_mode="expand")
    if first is None or last is None or not len(first) or not len(last):
        return content
    for quote in quotes:
        closing = quote.end - 1
        opened_inside = first.start <= quote.start < last.end
        if not opened_inside or closing < last.end or doc[closing].text not in QUOTE_MARKS:
            continue
        between = doc[last.end - 1 : closing]  # the content's last token up to the mark
        if all(not t.whitespace_ for t in between) and all(t.is_punct for t in between[1:]):
            end = doc[closing].idx + len(doc[closing].text)
            return [*content[:-1], (content[-1][0], end)]
    return content


def opens_at_quote(text: str, start: int) -> bool:
    """Whether a content starting at character `start` opens with, or just after, an opening quote mark."""
    before = text[max(0, start - 2) : start + 1]
    return any(q in before for q in OPEN_QUOTES | {STRAIGHT_QUOTE})


def quote_state(tokens: Iterable[Token]) -> list[bool]:
    """Whether each token sits inside a quotation; curly quotes open/close, straight ones toggle, and a
    paragraph break closes any quotation left open."""
    inside = False
    states = []
    for token in tokens:
        text = token.text
        if "\n" in text:
            inside = False
        if text in OPEN_QUOTES or (text == STRAIGHT_QUOTE and not inside):
            states.append(True)
            inside = True
            continue
        if (text in CLOSE_QUOTES and text != "’") or (text == STRAIGHT_QUOTE and inside):
            states.append(True)
            inside = False
            continue
        states.append(inside)
    return states
