"""Property tests: extract() on random HTML, random text and random bytes returns a Document or raises
InputError, and never anything else."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.errors import InputError
from claimtrace.extract import extract
from claimtrace.extract.residue import clean_scraped_text
from claimtrace.read import raw_input_from_bytes
from claimtrace.record import Document, RawInput
from claimtrace.settings import Settings

TAGS = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "article",
    "div",
    "p",
    "span",
    "a",
    "h1",
    "h2",
    "ul",
    "li",
    "table",
    "tr",
    "td",
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "time",
    "br",
    "img",
    "b",
    "i",
]
ATTRIBUTES = [
    'class="related"',
    'href="/x"',
    'charset="utf-8"',
    'property="article:published_time" content="2020"',
    'datetime="2021-02-03"',
    'id="main"',
    'style="display:none"',
    "class=",
    '"',
    "<",
]
WORDS = [
    "The",
    "council",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "stalled.",
    "Read more",
    "{{#x}}",
    "{% if %}",
    "Related",
    "&amp;",
    "&#0;",
    "&bogus;",
    "\u00a0",
    "é",
    "\u202e",
    "<!--",
    "-->",
    "]]>",
    "<![CDATA[",
]

fragments = st.one_of(
    st.builds(lambda t, a: f"<{t} {a}>", st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES)),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(WORDS),
    st.text(max_size=30),
)
random_html = st.lists(fragments, max_size=120).map(" ".join)
random_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=40), st.just("\n")), max_size=80
).map(" ".join)


def outcome(raw: RawInput, clean: bool = True) -> Document | InputError:
    try:
        document = extract(raw, Settings(clean=clean))
    except InputError as exc:
        assert exc.origin == raw.origin and exc.record_id == raw.id
        return exc
    assert isinstance(document, Document)
    assert document.text.strip() and document.id == raw.id
    assert document.meta.language and document.meta.published_basis in ("metadata", "none")
    return document


@settings(max_examples=100, deadline=None)
@given(html=random_html)
def test_random_html_extracts_or_fails_cleanly(html: str) -> None:
    outcome(RawInput(id="r", origin="random.html", html=html))


@settings(max_examples=100, deadline=None)
@given(text=random_text, clean=st.booleans())
def test_random_text_extracts_or_fails_cleanly(text: str, clean: bool) -> None:
    result = outcome(RawInput(id="r", origin="random.txt", text=text), clean)
    if not clean and isinstance(result, Document):
        assert result.text == text


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2000))
def test_random_bytes_read_then_extract_or_fail_cleanly(data: bytes) -> None:
    try:
        raw = raw_input_from_bytes(data, "random.bin", "r")
    except InputError:
        return
    outcome(raw)


@settings(max_examples=100, deadline=None)
@given(text=random_text)
def test_cleaning_loses_nothing_it_does_not_list(text: str) -> None:
    """Every visible character of the input is in the cleaned text or in a listed removed piece (bullets in
    front of related headlines aside): the cleaner never drops text silently."""
    cleaned = clean_scraped_text(text)
    before = _visible(text)
    after = _visible(cleaned.text) + _visible("".join(r.text for r in cleaned.removed))
    assert before - after == Counter() or set(before - after) <= set(BULLETS)


BULLETS = "-–—•·*›»>▶►"


def _visible(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())
