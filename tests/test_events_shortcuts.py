"""The events component's per-document shortcuts give what the plain readings gave, on sentences written for
these tests: the lexicon read without a token's children where no phrasal or compound entry can match, the
phrase head without every token's subtree, and the attributions' spans indexed once per document."""

from __future__ import annotations

import pytest
import spacy

from claimtrace.analyze import plover
from claimtrace.analyze.event_units import (
    EventUnit,
    alpha_lemmas,
    build_units,
    lexicon_types,
    noun_phrase,
    phrase_head,
    sentence_features,
)
from claimtrace.analyze.events import AttributionSpans, event_contexts, reporting_attribution
from claimtrace.record import Attribution, Role
from claimtrace.settings import Settings

pytestmark = pytest.mark.slow

SENTENCES = [
    "Rebel fighters called for a ceasefire after the air strike on Monday.",
    "The army pulled out of the town, and the minister stepped down.",
    "Washington - US President John Carter and his aides met the Iranian delegation.",
    "Thousands of students who marched to the parliament demanded the release of the prisoners.",
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings().model)


def _plain_lexicon_types(token) -> tuple[str, ...]:
    """The lexicon read as before the shortcuts: every child looked at."""
    lem = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            pair = f"{lem} {child.lower_}"
            if child.dep_ in ("prt", "prep") and pair in plover.VERB_LEXICON:
                return plover.VERB_LEXICON[pair]
        return plover.VERB_LEXICON.get(lem, ())
    if token.pos_ in ("NOUN", "PROPN"):
        for child in token.children:
            pair = f"{child.lemma_.lower()} {lem}"
            if child.dep_ == "compound" and pair in plover.NOUN_LEXICON:
                return plover.NOUN_LEXICON[pair]
        return plover.NOUN_LEXICON.get(lem, ()) or plover.NOUN_LEXICON.get(token.lower_, ())
    return ()


@pytest.mark.parametrize("text", SENTENCES)
def test_lexicon_shortcut_reads_as_before(nlp, text: str) -> None:
    doc = nlp(text)
    assert [lexicon_types(t) for t in doc] == [_plain_lexicon_types(t) for t in doc]
    assert any(lexicon_types(t) for t in doc)


@pytest.mark.parametrize("text", SENTENCES)
def test_phrase_head_is_the_token_with_the_largest_subtree(nlp, text: str) -> None:
    doc = nlp(text)
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN", "PRON"):
            phrase = noun_phrase(token)
            if phrase:
                assert phrase_head(phrase) == max(phrase, key=lambda t: len(list(t.subtree)))


def test_sentence_lemmas_are_read_once_for_features_and_contexts(nlp) -> None:
    sent = next(iter(nlp("Police arrested forty protesters during the election rally.").sents))
    alpha = alpha_lemmas(sent)
    assert sentence_features(sent, alpha) == sentence_features(sent)
    assert event_contexts(sent, alpha) == event_contexts(sent)
    assert "s=arrest" in sentence_features(sent) and "s2=police_arrest" in sentence_features(sent)


def test_indexed_attribution_spans_find_the_same_attribution(nlp) -> None:
    text = "Officials said the army shelled the town, which the rebels had seized."
    doc = nlp(text)
    said, content = text.index("said"), text.index("the army")
    outer = Attribution("a1", "indirect", Role("Officials", [(0, 9)]), Role("said", [(said, said + 4)]),
                        Role(text[content:-1], [(content, len(text) - 1)]))  # fmt: skip
    inner_start = text.index("the rebels")
    inner = Attribution("a2", "indirect", None, None,
                        Role(text[inner_start:-1], [(inner_start, len(text) - 1)]))  # fmt: skip
    attributions = [outer, inner]
    index = AttributionSpans.of(attributions)
    units = [u for u in build_units(doc[:]) if isinstance(u, EventUnit)]
    assert units
    for unit in units:
        assert reporting_attribution(unit, index) == reporting_attribution(unit, attributions)
    by_head = {unit.head.text: reporting_attribution(unit, index) for unit in units}
    assert by_head.get("shelled") == "a1"
    assert by_head.get("seized", "a2") == "a2"  # the innermost content holds it
