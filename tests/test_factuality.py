"""Predicate factuality: cue behaviour of the shipped model on sentences written here, the model file format,
the scorer, and reproducible training on a tiny corpus written here."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimtrace.analyze.factuality import is_predicate, score_predicates
from claimtrace.analyze.factuality_forest import Forest, lemma_prior_features, shipped_forest
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.errors import InputError
from claimtrace.evaluate.factuality import (
    factuality_pipeline,
    parse_sentences,
    pearson,
    read_split,
    score,
    score_docs,
)
from claimtrace.settings import Settings
from claimtrace.train.factuality import Hyperparameters, train


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_factuality",))


def value_of(nlp: Language, text: str, word: str) -> float:
    doc = nlp(text)
    return next(e.value for e in doc._.factuality if e.text == word)


PLAIN = "The rebels signed the ceasefire on Sunday."


@pytest.mark.slow
def test_plain_past_event_is_factual(nlp: Language) -> None:
    assert value_of(nlp, PLAIN, "signed") >= 2.5


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The rebels may sign the ceasefire.",
        "The rebels might sign the ceasefire.",
        "The rebels could sign the ceasefire.",
    ],
)
def test_modal_hedges_lower_factuality(nlp: Language, text: str) -> None:
    assert value_of(nlp, text, "sign") <= value_of(nlp, PLAIN, "signed") - 1.0


@pytest.mark.slow
def test_hedging_adverb_lowers_factuality(nlp: Language) -> None:
    assert value_of(nlp, "The rebels reportedly signed the ceasefire.", "signed") < value_of(
        nlp, PLAIN, "signed"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rebels did not sign the ceasefire.", "sign"),
        ("The rebels never signed the ceasefire.", "signed"),
        ("The rebels refused to sign the ceasefire.", "sign"),
        ("The two sides failed to reach a settlement.", "reach"),
    ],
)
def test_negation_and_negative_verbs_make_factuality_negative(nlp: Language, text: str, word: str) -> None:
    assert value_of(nlp, text, word) < 0


@pytest.mark.slow
def test_glued_negation_of_pretokenised_text_counts() -> None:
    nlp = load_pipeline(components=("claimtrace_factuality",))
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=["The", "company", "hasn't", "paid", "the", "fine", "."])
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert next(e.value for e in doc._.factuality if e.text == "paid") < 0


@pytest.mark.slow
def test_embedding_under_unclear_whether_lowers_factuality(nlp: Language) -> None:
    text = "It is unclear whether the rebels signed the ceasefire."
    fast = load_pipeline(components=("claimtrace_factuality",), fast=True)
    assert value_of(fast, text, "signed") <= value_of(fast, PLAIN, "signed") - 1.0
    # the default profile's stack gives the encoder three quarters of the value (it won on the held-out
    # fifth), and the encoder reads "unclear whether" less firmly than the trees
    assert value_of(nlp, text, "signed") <= value_of(nlp, PLAIN, "signed") - 0.5


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["hope", "want", "plan"])
def test_intent_is_not_action(nlp: Language, verb: str) -> None:
    text = f"The rebels {verb} to sign the ceasefire."
    assert value_of(nlp, text, verb) >= 2.5  # the attitude is real
    assert value_of(nlp, text, "sign") <= 2.0  # the act has not happened


@pytest.mark.slow
def test_question_and_conditional_lower_factuality(nlp: Language) -> None:
    plain = value_of(nlp, PLAIN, "signed")
    assert value_of(nlp, "If the rebels sign the ceasefire, the army will withdraw.", "sign") <= plain - 1.0
    # The trees read the question alone (fast profile) a full point lower; the default profile's stack gives
    # three quarters of the value to the encoder, which knows questions less well (the held-out fifth of UW
    # train, where the stack won, holds no question to say otherwise).
    fast = load_pipeline(components=("claimtrace_factuality",), fast=True)
    assert value_of(fast, "Did the rebels sign the ceasefire?", "sign") <= plain - 1.0
    assert value_of(nlp, "Did the rebels sign the ceasefire?", "sign") < 2.6  # not snapped to +3


@pytest.mark.slow
def test_entries_index_into_the_text_and_cover_eventive_nouns(nlp: Language) -> None:
    doc = nlp("The explosion destroyed the bridge, and the attack ended the talks.")
    for entry in doc._.factuality:
        assert doc.text[entry.start : entry.end] == entry.text
        assert -3.0 <= entry.value <= 3.0
    assert {"explosion", "destroyed", "attack", "ended"} <= {e.text for e in doc._.factuality}


def test_forest_roundtrips_through_its_files(tmp_path: Path) -> None:
    forest = shipped_forest()
    forest.save(tmp_path)
    again = Forest.load(tmp_path)
    rows = [{"bias": 1.0, "negations": 1.0, "negation_odd": 1.0}, {"bias": 1.0, "modals_above": 1.0}]
    assert np.allclose(forest.predict(rows), again.predict(rows))
    assert again.snap_to_factual == forest.snap_to_factual
    assert again.snap_hedged == forest.snap_hedged
    assert again.snap_to_counterfactual == forest.snap_to_counterfactual


def test_damaged_model_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "forest.json").write_text("{", encoding="utf-8")
    with pytest.raises(Exception, match="factuality model missing or damaged"):
        Forest.load(tmp_path)


def test_score_mae_and_pearson() -> None:
    result = score([3.0, 1.0, -3.0], [3.0, 2.0, -1.0])
    assert result.mae == pytest.approx(1.0)
    assert 0.9 < result.pearson_r < 1.0
    assert pearson([1.0, 2.0], [3.0, 3.0]) == 0.0  # a constant prediction correlates with nothing


def test_read_split_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    good = {"text": "They left .", "targets": [{"span1": [1, 2], "label": 3.0}]}
    path.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"dev\.jsonl:2"):
        read_split(path)
    bad_span = {"text": "They left .", "targets": [{"span1": [5, 6], "label": 3.0}]}
    path.write_text(json.dumps(bad_span) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside the sentence"):
        read_split(path)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=4))
def test_read_split_either_reads_or_raises_input_error(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("split") / "train.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        read_split(path)
    except InputError as exc:
        assert str(path) in str(exc)


TINY_CORPUS = [
    ("The army shelled the town .", [(2, 3.0)]),
    ("The army may shell the town .", [(3, 1.0)]),
    ("The army did not shell the town .", [(4, -3.0)]),
    ("The envoy arrived and the talks began .", [(2, 3.0), (6, 3.0)]),
    ("The envoy might arrive tomorrow .", [(3, 1.2)]),
    ("The envoy never arrived .", [(3, -2.6)]),
    ("Officials hope to reopen the border .", [(2, 3.0), (4, 1.0)]),
    ("The border was reopened on Monday .", [(3, 3.0)]),
]


def write_tiny_corpus(directory: Path) -> None:
    directory.mkdir(parents=True)
    lines = [
        json.dumps({"text": text, "targets": [{"span1": [i, i + 1], "label": v} for i, v in targets]})
        for text, targets in TINY_CORPUS
    ]
    (directory / "train.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (directory / "dev.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_training_is_reproducible_and_learns_the_tiny_corpus(tmp_path: Path) -> None:
    base = load_pipeline(components=())
    corpus = tmp_path / "UW"
    write_tiny_corpus(corpus)
    params = Hyperparameters(
        n_estimators=60,
        max_depth=2,
        learning_rate=0.3,
        subsample=1.0,
        min_samples_leaf=1,
        min_feature_count=1,
        folds=2,
    )
    first, counts, cross_validation, stacks, _ = train(base, [corpus], params)
    second, _, _, _, _ = train(base, [corpus], params)
    assert stacks == {}  # no encoder in the pipeline: the trees alone
    assert counts == {"UW": 10}
    sentences = read_split(corpus / "train.jsonl")
    docs = parse_sentences(base, sentences)
    tokens = [doc[t.start] for s, doc in zip(sentences, docs, strict=True) for t in s.targets]
    first_values = np.array(score_predicates(tokens, first))
    assert np.array_equal(first_values, np.array(score_predicates(tokens, second)))
    labels = np.array([t.label for s in sentences for t in s.targets])
    assert np.abs(first_values - labels).mean() < 0.5
    assert set(cross_validation) == {"UW"}
    assert sum(count for _, count in first.lemma_totals.values()) == len(labels)


def test_lemma_prior_moves_from_the_mean_towards_the_lemmas_own_labels() -> None:
    totals = {"postpone": (-6.0, 3), "bomb": (30.0, 10)}
    unseen = lemma_prior_features("convene", totals, 2.0)
    assert unseen == {"lemma_prior": 2.0, "lemma_seen": 0.0}
    rare = lemma_prior_features("postpone", totals, 2.0)["lemma_prior"]
    frequent = lemma_prior_features("bomb", totals, 2.0)["lemma_prior"]
    assert -2.0 < rare < 2.0  # three labels of -2 pull it only part of the way
    assert 2.0 < frequent < 3.0


@pytest.mark.slow
def test_unseen_nouns_are_events_by_their_ending_and_seen_plain_nouns_are_not(nlp: Language) -> None:
    doc = nlp("The withdrawal of the garrison followed the blockade, the minister told the newspaper.")
    by_word = {t.text: t for t in doc}
    eventive = frozenset({"blockade"})
    plain = frozenset({"minister", "newspaper"})
    assert is_predicate(by_word["withdrawal"], eventive, plain)  # unseen, eventive ending
    assert is_predicate(by_word["blockade"], eventive, plain)  # marked in training
    assert not is_predicate(by_word["garrison"], eventive, plain)  # unseen, no eventive ending
    assert not is_predicate(by_word["minister"], eventive, plain)


@pytest.mark.slow
@pytest.mark.corpus
def test_meantime_dev_beats_the_always_factual_baseline(shared_eval: Path) -> None:
    directory = shared_eval / "factuality" / "MEANTIME"
    sentences = read_split(directory / "dev.jsonl")
    nlp = factuality_pipeline(Settings().model, "MEANTIME")
    result = score_docs(sentences, parse_sentences(nlp, sentences))
    assert result.count == sum(len(s.targets) for s in sentences)
    assert result.mae < 0.315


def test_eval_command_names_a_directory_without_the_split(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimtrace.cli.eval_factuality import factuality

    result = CliRunner().invoke(factuality, [str(tmp_path)], standalone_mode=False)
    assert isinstance(result.exception, InputError)
    assert "no dev.jsonl here" in str(result.exception)


@pytest.mark.slow
def test_consequent_of_a_condition_is_not_called_factual(nlp: Language) -> None:
    plain = value_of(nlp, "The rebels stormed the capital.", "stormed")
    consequent = value_of(nlp, "If the talks collapse, the rebels storm the capital.", "storm")
    assert consequent < plain - 0.3


def test_predictions_at_or_below_a_corpus_low_threshold_snap_to_minus_three() -> None:
    from dataclasses import replace

    forest = shipped_forest()
    rows = [{"bias": 1.0, "prior": -3.0, "neg": 1.0, "negations": 1.0}, {"bias": 1.0, "prior": 3.0}]
    plain = forest.predict(rows)
    low = float(plain.min())
    assert low > -3.0  # the trees alone do not reach the end
    snapping = replace(forest, snap_to_counterfactual={"UW": low + 0.01})
    snapped = snapping.predict(rows, corpus="UW")
    assert snapped[int(plain.argmin())] == -3.0
    assert snapped[int(plain.argmax())] > low  # a high value is never pulled down
    assert np.array_equal(snapping.predict(rows), plain)  # no corpus: no snapping
