"""Factuality features and training folds on sentences and rows written here: scope words, negative-verb
kinds, implicative verbs, phrasal verbs and event-noun modifiers in the rule prior, folds that keep repeated
sentences together, and cross-fitted snapping."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Token

from claimtrace.analyze.factuality import (
    DocWords,
    predicate_features,
    question_tokens,
    rule_prior,
    scope_word_features,
)
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.train.factuality import apply_snap, choose_snap, choose_snaps, corpus_folds


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=())


def token(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def test_a_scope_word_earlier_in_the_sentence_is_a_feature(nlp: Language) -> None:
    feats = scope_word_features(token(nlp, "Nor did anyone expect the tanker to sink.", "sink"))
    assert "left=nor" in feats
    plain = scope_word_features(token(nlp, "Everyone expected the tanker to sink.", "sink"))
    assert not any(name.startswith("left=") for name in plain)


def test_scope_words_stop_at_the_sentence_boundary(nlp: Language) -> None:
    doc = nlp("The crew did not panic. The tanker sank quickly.")
    sank = next(t for t in doc if t.text == "sank")
    assert "left=not" not in scope_word_features(sank, DocWords.of(doc))


def test_any_before_an_event_noun_and_or_coordination_are_features(nlp: Language) -> None:
    assert "det=any" in scope_word_features(
        token(nlp, "Officials ruled out any attack on the port.", "attack")
    )
    disjunct = scope_word_features(token(nlp, "The rebels will negotiate or fight.", "fight"))
    assert disjunct.get("disjunct") == 1.0


def test_negative_verb_kind_reaches_the_complement(nlp: Language) -> None:
    feats = predicate_features(token(nlp, "The board refused to approve the merger.", "approve"))
    assert feats.get("up1_neg_kind=refusal") == 1.0
    feats = predicate_features(token(nlp, "The board postponed the vote.", "vote"))
    assert feats.get("up1_neg_kind=prevention") == 1.0


def test_rule_prior_reverses_refusals_but_only_weakens_denials(nlp: Language) -> None:
    refused = rule_prior(token(nlp, "The board refused to approve the merger.", "approve"))
    denied = rule_prior(token(nlp, "The board denied that it approved the merger.", "approved"))
    plain = rule_prior(token(nlp, "The board approved the merger.", "approved"))
    assert refused < 0 < denied < plain


def test_no_longer_and_no_plans_negate_in_the_prior(nlp: Language) -> None:
    assert rule_prior(token(nlp, "The ferry no longer runs on Sundays.", "runs")) < 0
    assert rule_prior(token(nlp, "The city has no plans to close the school.", "close")) < 0


def test_folds_are_blocks_and_a_repeated_sentence_stays_with_its_first_occurrence() -> None:
    corpora = np.array(["UW"] * 8)
    texts = ["a", "b", "c", "d", "e", "f", "a", "h"]
    folds = corpus_folds(corpora, 4, texts)
    assert list(folds[:6]) == [0, 0, 1, 1, 2, 2]
    assert folds[6] == folds[0] == 0
    assert folds[7] == 3


def test_snapping_is_chosen_where_it_lowers_error_and_spares_hedged_rows() -> None:
    labels = np.array([3.0, 3.0, 3.0, 3.0, 1.0, 0.0])
    predictions = np.array([2.7, 2.8, 2.9, 2.75, 1.2, 0.1])
    free = np.array([True, True, True, True, False, True])
    threshold, hedged = choose_snap(labels, predictions, free, margin=0.005)
    assert threshold <= 2.7 and not hedged
    snapped = apply_snap(predictions, free, threshold, hedged)
    assert list(snapped[:4]) == [3.0] * 4
    assert snapped[4] == pytest.approx(1.2) and snapped[5] == pytest.approx(0.1)


def test_low_snapping_calls_clear_non_events_minus_three_and_is_off_without_them() -> None:
    labels = np.array([3.0, 3.0, 3.0, -3.0, -3.0, 0.0])
    predictions = np.array([2.8, 2.9, 2.7, -1.6, -1.9, 0.2])
    free = np.array([True, True, True, False, False, False])
    choice = choose_snaps(labels, predictions, free, margin=0.005)
    assert -1.6 <= choice.low < 0.2
    assert list(choice.apply(predictions, free)) == [3.0, 3.0, 3.0, -3.0, -3.0, pytest.approx(0.2)]
    graded = choose_snaps(
        np.array([3.0, 1.0, -1.0]), np.array([2.8, 1.1, -1.2]), np.ones(3, dtype=bool), 0.005
    )
    assert graded.low == -3.0


def test_too_and_negative_nouns_negate_the_infinitive_in_the_prior(nlp: Language) -> None:
    assert rule_prior(token(nlp, "The hikers were too tired to climb the ridge.", "climb")) < 0
    assert rule_prior(token(nlp, "The council's failure to repair the bridge angered drivers.", "repair")) < 0
    assert rule_prior(token(nlp, "The hikers were eager to climb the ridge.", "climb")) > 0


def test_question_tokens_cover_only_the_sentence_that_asks(nlp: Language) -> None:
    doc = nlp("The mayor resigned. Did the council accept it?")
    asked = question_tokens(doc)
    assert all(doc[i].sent.text.endswith("?") for i in asked)
    assert {t.i for t in doc if t.text in {"Did", "council", "accept"}} <= asked
    assert not {t.i for t in doc if t.text in {"mayor", "resigned"}} & asked
    assert question_tokens(nlp("")) == set()


@pytest.mark.parametrize(
    ("text", "word", "sign"),
    [
        ("The envoy managed to reach the capital.", "reach", 1),
        ("The envoy did not manage to reach the capital.", "reach", -1),
        ("The firm succeeded in selling the plant.", "selling", 1),
        ("The firm did not succeed in selling the plant.", "selling", -1),
        ("The clerk forgot to file the report.", "file", -1),
        ("The clerk did not forget to file the report.", "file", 1),
        ("The senator hesitated to criticise the plan.", "criticise", -1),
        ("The senator did not hesitate to criticise the plan.", "criticise", 1),
        ("The firm was unable to pay its debts.", "pay", -1),
    ],
)
def test_implicatives_and_their_negation_set_the_complements_polarity_in_the_prior(
    nlp: Language, text: str, word: str, sign: int
) -> None:
    assert sign * rule_prior(token(nlp, text, word)) > 1.0


def test_forget_with_a_that_clause_stays_factive(nlp: Language) -> None:
    assert rule_prior(token(nlp, "The clerk forgot that he had filed the report.", "filed")) > 1.0


def test_a_prevented_object_is_uncertain_and_a_hindered_act_is_not_asserted(nlp: Language) -> None:
    blocked = rule_prior(token(nlp, "The court blocked the trial.", "trial"))
    barred = rule_prior(token(nlp, "The police barred the crowd from reaching the consulate.", "reaching"))
    held = rule_prior(token(nlp, "The court held the trial.", "trial"))
    assert barred < blocked < held


def test_phrasal_verbs_read_as_their_meaning_and_ruled_that_is_no_refusal(nlp: Language) -> None:
    turned_down = rule_prior(token(nlp, "The patient turned down the treatment.", "treatment"))
    received = rule_prior(token(nlp, "The patient received the treatment.", "treatment"))
    assert turned_down < 0 < received
    assert rule_prior(token(nlp, "The judge ruled out a second trial.", "trial")) < 0
    assert rule_prior(token(nlp, "The judge ruled that the search was illegal.", "illegal")) > 1.0


def test_modifiers_of_an_event_noun_negate_or_hedge_it_in_the_prior(nlp: Language) -> None:
    aborted = rule_prior(token(nlp, "The aborted invasion embarrassed the government.", "invasion"))
    alleged = rule_prior(token(nlp, "The alleged invasion embarrassed the government.", "invasion"))
    plain = rule_prior(token(nlp, "The invasion embarrassed the government.", "invasion"))
    assert aborted < 0 < alleged < plain
    feats = predicate_features(token(nlp, "The aborted invasion embarrassed the government.", "invasion"))
    assert feats.get("amod_neg") == 1.0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The witness forgot meeting the suspect in 2019.", "meeting"),
        ("The witness did not remember meeting the suspect.", "meeting"),
        ("The senator stopped to talk to reporters.", "talk"),
        ("He forgot about meeting the suspect.", "meeting"),
        ("The aborted invasion and the bombing of the port shocked the council.", "bombing"),
        ("The failed coup, which killed 300 people, shocked the nation.", "killed"),
        ("The failed attack by the soldiers who stormed the palace shocked the nation.", "stormed"),
    ],
)
def test_events_that_happened_stay_positive_beside_implicatives_and_negative_modifiers(
    nlp: Language, text: str, word: str
) -> None:
    """A gerund after "forget" / "remember" is factive; "stopped to" is purpose; a noun modifier ("aborted",
    "failed") negates only its own noun and what it embeds, not a relative clause or conjunct below it."""
    assert rule_prior(token(nlp, text, word)) > 2.0


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials delayed the vote in response to the shooting.", "shooting"),
        ("Police stopped the car after chasing it for miles.", "chasing"),
    ],
)
def test_an_adverbial_phrase_under_a_prevention_verb_is_no_hindered_act(
    nlp: Language, text: str, word: str
) -> None:
    """Only "from" / "in" + gerund ("barred them from reaching") is the act a prevention verb stops (prior 0);
    other phrases under it keep the weaker projection of what a prevention verb governs."""
    hindered = rule_prior(token(nlp, "Police stopped the crowd from reaching the consulate.", "reaching"))
    assert rule_prior(token(nlp, text, word)) > hindered + 0.5
