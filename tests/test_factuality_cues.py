"""Predicate factuality of the shipped model on sentences written here: each test compares two or three
wordings of one event and asserts their order (how firmly the event is presented as having happened), not
exact values, so that a retrained model may move values while keeping what the cues mean."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimtrace.analyze.hedges import (
    GERUND,
    INFINITIVE,
    NEGATIVE_VERBS,
    PHRASAL_CUES,
    PREPOSITION_GERUND,
    cue_class,
    governor_class,
    negative_kind,
)
from claimtrace.analyze.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_factuality",))


def value_of(nlp: Language, text: str, word: str) -> float:
    doc = nlp(text)
    return next(e.value for e in doc._.factuality if e.text == word)


def test_negation_is_below_a_hedge_which_is_below_the_plain_event(nlp: Language) -> None:
    negated = value_of(nlp, "The militia did not raid the depot.", "raid")
    hedged = value_of(nlp, "The militia may raid the depot.", "raid")
    plain = value_of(nlp, "The militia raided the depot.", "raided")
    assert negated < hedged < plain


@pytest.mark.parametrize("verb", ["refused", "failed", "declined"])
def test_refusal_and_failure_are_below_an_attempt_which_is_below_success(nlp: Language, verb: str) -> None:
    refused = value_of(nlp, f"The harbour authority {verb} to unload the tanker.", "unload")
    tried = value_of(nlp, "The harbour authority tried to unload the tanker.", "unload")
    managed = value_of(nlp, "The harbour authority managed to unload the tanker.", "unload")
    assert refused < 0 < tried < managed


def test_a_denied_event_is_held_less_firmly_than_a_confirmed_one(nlp: Language) -> None:
    denied = value_of(nlp, "The ministry denied that guards had beaten the prisoners.", "beaten")
    confirmed = value_of(nlp, "The ministry confirmed that guards had beaten the prisoners.", "beaten")
    assert denied < confirmed


def test_negating_the_report_verb_weakens_the_reported_event(nlp: Language) -> None:
    unsaid = value_of(nlp, "The envoy did not say that the talks had collapsed.", "collapsed")
    said = value_of(nlp, "The envoy said that the talks had collapsed.", "collapsed")
    assert unsaid < said


@pytest.mark.parametrize(
    ("negated", "plain", "word"),
    [
        ("The ferry no longer runs to the island.", "The ferry still runs to the island.", "runs"),
        ("Nobody opened the archive.", "Somebody opened the archive.", "opened"),
        ("The council has no plans to widen the road.", "The council has plans to widen the road.", "widen"),
        (
            "The caravan crossed the pass without being searched.",
            "The caravan crossed the pass after being searched.",
            "searched",
        ),
    ],
)
def test_negation_scope_reaches_the_event(nlp: Language, negated: str, plain: str, word: str) -> None:
    assert value_of(nlp, negated, word) < value_of(nlp, plain, word) - 0.5


def test_a_conditioned_event_is_below_a_caused_one(nlp: Language) -> None:
    conditioned = value_of(nlp, "If the dam breaks, the valley will flood.", "breaks")
    caused = value_of(nlp, "Because the dam broke, the valley flooded.", "broke")
    assert conditioned < caused


def test_a_question_is_below_a_statement(nlp: Language) -> None:
    asked = value_of(nlp, "Did the senator resign over the scandal?", "resign")
    stated = value_of(nlp, "The senator resigned over the scandal.", "resigned")
    assert asked < stated


@pytest.mark.parametrize("attitude", ["wants", "plans", "hopes"])
def test_intent_is_below_the_action(nlp: Language, attitude: str) -> None:
    intended = value_of(nlp, f"The union {attitude} to strike next week.", "strike")
    done = value_of(nlp, "The union struck last week.", "struck")
    assert intended < done - 0.5


def test_embedding_under_unclear_whether_is_below_clear_that(nlp: Language) -> None:
    unclear = value_of(nlp, "It is unclear whether the bank collapsed.", "collapsed")
    clear = value_of(nlp, "It is clear that the bank collapsed.", "collapsed")
    assert unclear < clear


@pytest.mark.parametrize("adverb", ["reportedly", "allegedly", "possibly"])
def test_hedging_adverbs_are_below_the_bare_event(nlp: Language, adverb: str) -> None:
    hedged = value_of(nlp, f"The courier {adverb} smuggled the documents.", "smuggled")
    plain = value_of(nlp, "The courier smuggled the documents.", "smuggled")
    assert hedged < plain


def test_negative_verbs_come_in_kinds_and_stay_one_class() -> None:
    assert negative_kind("refuse") == "refusal"
    assert negative_kind("fail") == "failure"
    assert negative_kind("deny") == "denial"
    assert negative_kind("postpone") == "prevention"
    assert negative_kind("say") is None
    assert {"refuse", "fail", "deny", "postpone"} <= NEGATIVE_VERBS
    assert all(cue_class(lemma) == "negative" for lemma in NEGATIVE_VERBS)


def test_implicatives_take_their_reading_from_the_complements_form() -> None:
    assert governor_class("forget", INFINITIVE) == ("negative", "failure")
    assert governor_class("forget", "") == ("factive", None)
    assert governor_class("forget", GERUND) == ("factive", None)
    assert governor_class("manage", INFINITIVE) == ("implicative", None)
    assert governor_class("succeed", PREPOSITION_GERUND) == ("implicative", None)
    assert governor_class("refrain", PREPOSITION_GERUND) == ("negative", "failure")
    assert governor_class("stop", GERUND) == ("negative", "hindrance")
    assert governor_class("stop", INFINITIVE) == (None, None)  # "stopped to rest": purpose
    assert governor_class("stop") == ("negative", "prevention")
    assert all(cue_class(meaning) == "negative" for meaning in PHRASAL_CUES.values())


def test_a_negated_implicative_is_below_the_affirmed_one(nlp: Language) -> None:
    unmanaged = value_of(nlp, "The envoy did not manage to reach the capital.", "reach")
    managed = value_of(nlp, "The envoy managed to reach the capital.", "reach")
    forgot = value_of(nlp, "The clerk forgot to file the report.", "file")
    remembered = value_of(nlp, "The clerk remembered to file the report.", "file")
    assert unmanaged < managed
    assert forgot < remembered


def test_a_blocked_trial_is_below_a_held_one(nlp: Language) -> None:
    blocked = value_of(nlp, "The court blocked the trial.", "trial")
    held = value_of(nlp, "The court held the trial.", "trial")
    assert blocked < held


WORDS = [
    "the",
    "army",
    "did",
    "not",
    "may",
    "attack",
    "town",
    "if",
    "they",
    "refused",
    "to",
    "leave",
    "?",
    ".",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
def test_any_word_sequence_gets_values_in_range_indexing_the_text(nlp: Language, words: list[str]) -> None:
    doc = nlp(" ".join(words))
    for entry in doc._.factuality:
        assert -3.0 <= entry.value <= 3.0
        assert doc.text[entry.start : entry.end] == entry.text
