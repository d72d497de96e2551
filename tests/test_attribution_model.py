"""The trained attribution tagger: feature plumbing, decoding, merging with rules, the shipped model, and
reproducible training on a small split written here."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimtrace.analyze.attribution.merge import merge
from claimtrace.analyze.attribution.quotes import quote_state
from claimtrace.analyze.attribution.spans import AttributionSpans, TokenRoleScore
from claimtrace.analyze.attribution.tagger import (
    MODEL_DIR,
    AttributionTagger,
    CueScorer,
    chunks,
    cue_features,
    dense_features,
    load_tagger,
    parse,
    role_features,
    role_window,
    spans_of,
)
from claimtrace.settings import Settings


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load(Settings().model)


def words_doc(words: list[str], spaces: list[bool] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces)


def test_quote_state_marks_tokens_inside_curly_and_straight_quotes() -> None:
    doc = words_doc(["He", "said", "“", "no", "”", "and", '"', "yes", '"', "then", "left"])
    assert quote_state(doc) == [False, False, True, True, True, False, True, True, True, False, False]


def test_quote_state_closes_at_a_paragraph_break() -> None:
    doc = words_doc(["“", "open", "\n\n", "after"], [False, False, False, False])
    assert quote_state(doc) == [True, True, False, False]


def test_chunks_decode_bio_runs_including_stray_inside_labels() -> None:
    labels = ["O", "B-Content", "I-Content", "O", "I-Content", "B-Source", "B-Source", "I-Source"]
    assert chunks(labels, "Content") == [[1, 2], [4]]
    assert chunks(labels, "Source") == [[5], [6, 7]]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["O", "B-Cue", "I-Cue", "B-Source", "I-Source"]), max_size=30))
def test_chunks_cover_exactly_the_role_positions(labels: list[str]) -> None:
    runs = chunks(labels, "Cue")
    covered = [p for run in runs for p in run]
    assert covered == [p for p, label in enumerate(labels) if label.endswith("-Cue")]
    assert all(run == list(range(run[0], run[-1] + 1)) for run in runs)


def test_spans_of_joins_consecutive_tokens_but_not_across_a_line_break() -> None:
    doc = words_doc(["Rain", "is", "due", "\n", "Sun", "later"], [True, True, False, False, True, False])
    assert spans_of(doc, [0, 1, 2, 4, 5]) == [(0, 11), (12, 21)]
    assert spans_of(doc, [0, 2]) == [(0, 4), (8, 11)]


MERGE_TEXT = (
    "The mayor said the bridge would reopen. "
    "“Tolls stay,” an aide added. "
    "According to engineers, it is safe. "
    "Critics argued it was rushed."
)


def at(fragment: str) -> tuple[int, int]:
    start = MERGE_TEXT.index(fragment)
    return (start, start + len(fragment))


def spans(source: str, cue: str, content: str, origin: str = "rules") -> AttributionSpans:
    return AttributionSpans(content=[at(content)], cue=[at(cue)], source=[at(source)], origin=origin)


def test_merge_prefers_rule_spans_on_a_shared_cue_and_keeps_model_only_finds() -> None:
    model_said = spans("mayor", "said", "the bridge would reopen.", origin="model")
    model_argued = spans("Critics", "argued", "it was rushed", origin="model")
    rule_said = spans("The mayor", "said", "the bridge would reopen")
    merged = merge([model_said, model_argued], [rule_said], MERGE_TEXT)
    assert merged == [rule_said, model_argued]


def test_merge_adds_rule_only_quotes_and_according_to_but_not_other_rule_only_finds() -> None:
    quote = spans("an aide", "added", "“Tolls stay,”")
    according = spans("engineers", "According to", "it is safe")
    indirect = spans("Critics", "argued", "it was rushed")
    merged = merge([], [quote, according, indirect], MERGE_TEXT)
    assert merged == [quote, according]


def test_merge_keeps_a_rule_attribution_on_a_cue_the_tagger_proposed_without_content() -> None:
    indirect = spans("Critics", "argued", "it was rushed")
    assert merge([], [indirect], MERGE_TEXT, [[at("argued")]]) == [indirect]
    assert merge([], [indirect], MERGE_TEXT, [[at("said")]]) == []


def test_merge_does_not_keep_alone_a_rule_attribution_the_encoder_doubts() -> None:
    quote = spans("an aide", "added", "“Tolls stay,”")
    according = spans("engineers", "According to", "it is safe")
    assert merge([], [quote, according], MERGE_TEXT, doubted={0}) == [according]
    # a doubted cue the tagger also found is still read (the rules' spans, the tagger's cue)
    model_added = spans("aide", "added", "Tolls stay", origin="model")
    assert merge([model_added], [quote], MERGE_TEXT, doubted={0}) == [quote]


def test_a_rule_attribution_replaces_at_most_one_model_attribution() -> None:
    first = spans("mayor", "said", "the bridge", origin="model")
    second = spans("mayor", "said", "would reopen", origin="model")
    rule = spans("The mayor", "said", "the bridge would reopen")
    assert merge([first, second], [rule], MERGE_TEXT) == [rule, second]


def scored(
    found: AttributionSpans, content_words: dict[str, float], source_words: dict[str, float] | None = None
) -> AttributionSpans:
    """`found` with the role scorer's P(content) and P(source) for the words of MERGE_TEXT's first sentence
    (0.5 where not given)."""
    sentence = "The mayor said the bridge would reopen."
    scores, offset = [], 0
    for word in sentence.replace(".", " .").split():
        start = sentence.index(word, offset)
        offset = start + len(word)
        source = (source_words or {}).get(word, 0.5)
        scores.append(TokenRoleScore(start, offset, source, content_words.get(word, 0.5)))
    return replace(found, role_scores=tuple(scores))


def test_merge_takes_the_taggers_content_where_the_role_scorer_clearly_prefers_it() -> None:
    rule_said = spans("The mayor", "said", "the bridge would reopen")
    model_said = spans("mayor", "said", "the bridge would reopen.", origin="model")
    sure_of_stop = scored(model_said, {".": 0.9999})  # one word is not enough: log-odds 9.2 < 15
    assert merge([sure_of_stop], [rule_said], MERGE_TEXT) == [rule_said]
    rule_short = spans("The mayor", "said", "the bridge")
    sure = scored(model_said, {"would": 0.9999, "reopen": 0.9999})
    (chosen,) = merge([sure], [rule_short], MERGE_TEXT)
    assert chosen.content == model_said.content
    assert chosen.source == rule_short.source and chosen.origin == "rules"
    doubtful = scored(model_said, {"would": 0.3, "reopen": 0.3})
    assert merge([doubtful], [rule_short], MERGE_TEXT) == [rule_short]
    assert merge([model_said], [rule_short], MERGE_TEXT) == [rule_short]  # no scores: the fast profile


def test_merge_takes_the_taggers_source_where_the_role_scorer_clearly_prefers_it() -> None:
    misread = AttributionSpans(content=[at("would reopen")], cue=[at("said")], source=[at("the bridge")])
    model_said = spans("The mayor", "said", "the bridge would reopen", origin="model")
    bridge_is_no_source = scored(model_said, {}, {"the": 0.00001, "bridge": 0.00001})
    (chosen,) = merge([bridge_is_no_source], [misread], MERGE_TEXT)
    assert chosen.source == model_said.source and chosen.content == misread.content
    one_word_is_not_enough = scored(model_said, {}, {"bridge": 0.00001})  # log-odds 9.2 < 10
    assert merge([one_word_is_not_enough], [misread], MERGE_TEXT) == [misread]


def test_an_outlet_pair_of_the_rules_keeps_its_one_content() -> None:
    speaker = spans("The mayor", "said", "the bridge")
    outlet = spans("mayor", "said", "the bridge")
    sure = scored(
        spans("mayor", "said", "the bridge would reopen.", origin="model"),
        {"would": 0.9999, "reopen": 0.9999},
    )
    assert merge([sure], [speaker, outlet], MERGE_TEXT)[0] is speaker


TIMED_TEXT = "The warden said Sunday that the dam held. The warden warned of floods on Monday."


def test_merge_trusts_a_timed_speech_cue_but_not_a_prepositional_one() -> None:
    def span(fragment: str) -> tuple[int, int]:
        start = TIMED_TEXT.index(fragment)
        return (start, start + len(fragment))

    timed = AttributionSpans(
        content=[span("the dam held")], cue=[span("said Sunday")], source=[span("The warden")]
    )
    second_warden = (TIMED_TEXT.rindex("The warden"), TIMED_TEXT.rindex("The warden") + len("The warden"))
    warned = AttributionSpans(content=[span("floods")], cue=[span("warned of")], source=[second_warden])
    assert merge([], [timed, warned], TIMED_TEXT) == [timed]


ASKED_TEXT = "Asked if the ferry would run, the captain shrugged. Reporters asked about the fares."


def test_merge_keeps_a_rule_only_asked_question_but_not_a_sourced_or_other_no_source_find() -> None:
    def span(fragment: str) -> tuple[int, int]:
        start = ASKED_TEXT.index(fragment)
        return (start, start + len(fragment))

    question = AttributionSpans(content=[span("if the ferry would run")], cue=[span("Asked")])
    sourced = AttributionSpans(
        content=[span("about the fares")], cue=[span("asked")], source=[span("Reporters")]
    )
    shrug = AttributionSpans(content=[span("the ferry would run")], cue=[span("shrugged")])
    assert merge([], [question, sourced, shrug], ASKED_TEXT) == [question]


@pytest.mark.slow
def test_role_features_describe_the_relation_to_the_cue(nlp: spacy.language.Language) -> None:
    doc = nlp("The harbour master said the ferry would sail at noon.")
    parsed = parse(doc)
    said = [t.i for t in doc if t.text == "said"]
    tokens = role_window(parsed, said)
    rows = dict(zip(tokens, role_features(parsed, tokens, said, set(said)), strict=True))
    assert "cue" in rows[said[0]]
    master = next(t.i for t in doc if t.text == "master")
    ferry = next(t.i for t in doc if t.text == "ferry")
    assert "br=nsubj" in rows[master]
    assert any(f.startswith("br=ccomp") for f in rows[ferry])
    assert "dist=-1" in rows[master] and "dist=+2" in rows[ferry]


def test_cue_features_describe_subject_complement_and_colon(nlp: spacy.language.Language) -> None:
    doc = nlp("The spokeswoman said that the bridge was closed. Her verdict: “It will reopen in spring.”")
    parsed = parse(doc)
    tokens = [t.i for t in doc if not t.is_space]
    rows = dict(zip(tokens, cue_features(parsed, tokens), strict=True))
    said = next(t.i for t in doc if t.text == "said")
    bridge = next(t.i for t in doc if t.text == "bridge")
    colon = next(t.i for t in doc if t.text == ":")
    assert "subj_role" in rows[said]
    assert "comp=ccomp|that" in rows[said] and "comp_l=say|ccomp" in rows[said]
    assert "colon_quote" in rows[colon]
    assert not any(f.startswith(("subj_", "comp", "colon")) for f in rows[bridge])


@pytest.mark.slow
@pytest.mark.skipif(not (MODEL_DIR / "roles.crfsuite").is_file(), reason="model not built")
def test_shipped_model_finds_source_cue_and_content(nlp: spacy.language.Language) -> None:
    text = (
        "The harbour master said on Tuesday that the ferry would not sail until the storm had passed.\n\n"
        "“We will not take risks with passengers,” a spokeswoman for the ferry company told reporters."
    )
    doc = nlp(text)
    found = load_tagger()(doc)
    rendered = {
        (
            " ".join(text[s:e] for s, e in a.source),
            " ".join(text[s:e] for s, e in a.cue),
            " ".join(text[s:e] for s, e in a.content),
        )
        for a in found
    }
    by_cue = {cue: (source, content) for source, cue, content in rendered}
    assert "said" in by_cue
    assert by_cue["said"][0] == "The harbour master"
    assert "ferry would not sail" in by_cue["said"][1]
    assert "told" in by_cue
    assert "spokeswoman" in by_cue["told"][0]
    assert "We will not take risks" in by_cue["told"][1]
    assert all(a.origin == "model" for a in found)


@pytest.mark.slow
@pytest.mark.skipif(not (MODEL_DIR / "roles.crfsuite").is_file(), reason="model not built")
def test_text_without_reporting_yields_nothing(nlp: spacy.language.Language) -> None:
    doc = nlp("The ferry left the harbour at noon. Gulls followed it out past the breakwater.")
    assert load_tagger()(doc) == []


ARTICLES = {
    "demo_one": "The mayor said the bridge would reopen in May. Crews worked through the night.",
    "demo_two": "“Prices will rise,” a trader told reporters. The market closed early.",
    "demo_three": "According to the council, the library will close. Residents warned that parks would go.",
}


def _write_split(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, text in ARTICLES.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        lines, n = [], 0
        for source, cue, content in _triples(name):
            ids = []
            for label, fragment in (("Source", source), ("Cue", cue), ("Content", content)):
                n += 1
                start = text.index(fragment)
                lines.append(f"T{n}\t{label} {start} {start + len(fragment)}\t{fragment}")
                ids.append(f"{label}:T{n}")
            lines.append(f"E{n}\tAttribution:T{n - 1} " + " ".join(ids))
        (root / "attributions" / f"{name}_a1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def _triples(name: str) -> list[tuple[str, str, str]]:
    return {
        "demo_one": [("The mayor", "said", "the bridge would reopen in May")],
        "demo_two": [("a trader", "told", "“Prices will rise,”")],
        "demo_three": [
            ("the council", "According to", "the library will close"),
            ("Residents", "warned", "that parks would go"),
        ],
    }[name]


@pytest.mark.slow
def test_training_is_reproducible_and_writes_a_card(tmp_path: Path, nlp: spacy.language.Language) -> None:
    from claimtrace.train.attribution import train

    split = _write_split(tmp_path / "split")
    first = train(split, tmp_path / "a", nlp, dev_dir=split, seed=3, cache_dir=None, report=lambda _: None)
    second = train(split, tmp_path / "b", nlp, seed=3, cache_dir=tmp_path / "cache", report=lambda _: None)
    for name in ("cue.crfsuite", "roles.crfsuite", "cue_priors.json", "cue_scorer.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first["seed"] == 3 and first["training_sequences"] == second["training_sequences"]
    assert first["training_sequences"] == {"cue": 6, "role": 4}
    assert 0.0 <= first["dev_scores"]["triple"]["f1"] <= 1.0  # type: ignore[index]
    tagger = AttributionTagger(tmp_path / "a")
    assert tagger.card()["seed"] == 3
    assert isinstance(tagger.cue_priors, dict)  # the split is too small for any lemma to count


@pytest.mark.slow
def test_holdout_fits_on_four_fifths_and_scores_the_rest(
    tmp_path: Path, nlp: spacy.language.Language
) -> None:
    from claimtrace.train.attribution import holdout

    split = _write_split(tmp_path / "split")
    card = holdout(split, tmp_path / "held", nlp, seed=3, cache_dir=None, report=lambda _: None)
    assert card["training_sequences"] == {"cue": 4, "role": 3}  # demo_one (first by name) held out
    scores = card["holdout_scores"]
    assert isinstance(scores, dict) and scores["triple"]["gold"] == 1
    assert (tmp_path / "held" / "card.json").is_file()


def test_holdout_refuses_to_overwrite_the_shipped_model() -> None:
    from click.testing import CliRunner

    from claimtrace.cli.train_attribution import attribution

    result = CliRunner().invoke(attribution, [str(Path(__file__).parent), "--holdout"])
    assert result.exit_code != 0 and "--holdout would overwrite the shipped model" in result.output


def test_smoothed_priors_pull_rare_lemmas_towards_the_corpus_rate() -> None:
    from collections import Counter

    from claimtrace.train.attribution import smoothed_priors

    seen = Counter({"say": 40, "tell": 3, "table": 500, "whisper": 1})
    in_cue = Counter({"say": 36, "tell": 3, "whisper": 1})
    priors = smoothed_priors(seen, in_cue)
    assert set(priors) == {"say", "tell"}  # never a cue, or too rare to count
    assert 0.8 < priors["say"] < 0.9
    assert priors["tell"] < 1.0 and priors["tell"] < priors["say"] + 0.2


def test_cue_features_carry_the_prior_band(nlp: spacy.language.Language) -> None:
    doc = nlp("The clerk said the shop was shut.")
    parsed = parse(doc)
    tokens = [t.i for t in doc]
    rows = cue_features(parsed, tokens, {"say": 0.7, "say|ROOT": 0.05})
    said = next(t.i for t in doc if t.text == "said")
    assert "prior=top" in rows[said] and "prior_d=low" in rows[said]
    assert "prior=none" in rows[0]
    assert not any(f.startswith("prior") for f in cue_features(parsed, tokens)[said])


def test_dense_features_join_each_token_vector_with_its_heads_and_its_childrens_mean(
    nlp: spacy.language.Language,
) -> None:
    doc = nlp("The clerk said the shop was shut.")
    parsed = parse(doc)
    assert parsed.dense is not None
    width = doc.tensor.shape[1]
    said = next(t.i for t in doc if t.text == "said")
    clerk = next(t.i for t in doc if t.text == "clerk")
    assert parsed.dense.shape == (len(doc), 3 * width)
    assert np.allclose(parsed.dense[clerk, :width], doc.tensor[clerk])
    assert np.allclose(parsed.dense[clerk, width : 2 * width], doc.tensor[said])
    children = [c.i for c in doc[said].children]
    assert np.allclose(parsed.dense[said, 2 * width :], doc.tensor[children].mean(axis=0), atol=1e-5)
    leaf = next(t.i for t in doc if t.text == "The")
    assert not parsed.dense[leaf, 2 * width :].any()
    assert dense_features(words_doc(["no", "vectors"]), [0, 0]) is None


def test_cue_scorer_round_trips_and_scores_probabilities(
    tmp_path: Path, nlp: spacy.language.Language
) -> None:
    doc = nlp("The clerk said the shop was shut.")
    parsed = parse(doc)
    assert parsed.dense is not None
    rng = np.random.default_rng(5)
    hidden = 4
    scorer = CueScorer(
        (0.05 * rng.normal(size=(parsed.dense.shape[1], hidden))).astype(np.float32),
        rng.normal(size=hidden).astype(np.float32),
        rng.normal(size=hidden).astype(np.float32),
        -0.25,
    )
    scorer.save(tmp_path / "scorer.json")
    loaded = CueScorer.load(tmp_path / "scorer.json")
    scores = loaded.score(parsed)
    assert scores is not None and scores.shape == (len(doc),)
    assert ((scores > 0) & (scores < 1)).all()
    assert np.allclose(scores, scorer.score(parsed), atol=1e-3)
    other_width = CueScorer(
        np.ones((3, hidden), np.float32), np.zeros(hidden, np.float32), np.ones(hidden), 0.0
    )
    assert other_width.score(parsed) is None  # another width: no scores


def test_cue_features_carry_the_scorer_band_of_the_token_and_its_neighbours(
    nlp: spacy.language.Language,
) -> None:
    doc = nlp("The clerk said the shop was shut.")
    parsed = parse(doc)
    tokens = [t.i for t in doc]
    said = next(t.i for t in doc if t.text == "said")
    parsed.cue_scores = np.where(np.arange(len(doc)) == said, 0.9, 0.001)
    rows = cue_features(parsed, tokens)
    assert "sc=8" in rows[said] and "sc_p=8|VERB" in rows[said]
    assert "sc=0" in rows[said - 1] and "sc+1=8" in rows[said - 1]
    assert "sc-1=<edge>" in rows[0]


@lru_cache(maxsize=1)
def shipped_nlp() -> spacy.language.Language:
    return spacy.load(Settings().model)


@pytest.mark.slow
@pytest.mark.skipif(not (MODEL_DIR / "roles.crfsuite").is_file(), reason="model not built")
@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["The", "aide", "said", "“", "”", '"', "rates", "rise", ",", ".", ":", "\n\n", "told", "us"]
        ),
        max_size=40,
    )
)
def test_shipped_tagger_returns_spans_inside_any_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = shipped_nlp()(text)
    for found in load_tagger()(doc):
        assert found.cue and found.content
        for start, end in [*found.cue, *found.content, *found.source]:
            assert 0 <= start < end <= len(text) and text[start:end].strip()


def _offsets(text: str, fragment: str) -> list[tuple[int, int]]:
    start = text.index(fragment)
    return [(start, start + len(fragment))]


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        ("The town welcomed the decision to reopen the bridge.", "welcomed", "the decision", "The town"),
        ("She plans to call out the board on Monday.", "to call out", "the board", "She"),
        ("Mr. Alvarez, 52, praised the harbor crews.", "praised", "the harbor crews", "Mr. Alvarez, 52"),
        ("The minister was asked about the closure.", "was asked about", "the closure", None),
        ("The deal appears to favor the mills.", "appears", "to favor the mills", None),
        ("It showed that the dam had cracked.", "showed", "that the dam had cracked", None),
        ("Officials who praised the plan left early.", "praised", "the plan", None),
        ("Analysts expect the bank to cut rates.", "expect", "the bank to cut rates", "Analysts"),
        ("He appeared to suggest that taxes would rise.", "to suggest", "that taxes would rise", None),
        (
            "Smith appeared before the committee and said taxes would rise.",
            "said",
            "taxes would rise",
            "Smith",
        ),
    ],
)
def test_a_tagger_cue_without_a_source_takes_its_verbs_speaking_subject(
    nlp: spacy.language.Language, text: str, cue: str, content: str, source: str | None
) -> None:
    from claimtrace.analyze.attribution.rules import subject_source

    doc = nlp(text)
    found = subject_source(doc, _offsets(text, cue), _offsets(text, content))
    assert [text[s:e] for s, e in found] == ([source] if source else [])


def test_cue_features_carry_the_kind_of_the_rule_cue_a_token_is_in(nlp: spacy.language.Language) -> None:
    from claimtrace.analyze.attribution.rules import find_rule_attributions
    from claimtrace.analyze.attribution.rules.kinds import rule_cue_kinds

    doc = nlp("The mayor said the bridge would reopen. According to the council, the library will close.")
    kinds = rule_cue_kinds(doc, find_rule_attributions(doc))
    said = next(t.i for t in doc if t.text == "said")
    according = next(t.i for t in doc if t.text == "According")
    assert kinds[said] == "plain" and kinds[according] == "according_to"
    assert next(t.i for t in doc if t.text == "bridge") not in kinds
    parsed = parse(doc)
    assert not any(f.startswith("rule") for row in cue_features(parsed, range(len(doc))) for f in row)
    parsed.rule_cues = kinds
    rows = cue_features(parsed, list(range(len(doc))))
    assert "rule=plain" in rows[said] and "rule_l=plain|say" in rows[said]
    assert "rule=according_to" in rows[according]


def test_only_tagger_attributions_without_a_source_take_the_subject(nlp: spacy.language.Language) -> None:
    from claimtrace.analyze.attribution.merge import with_subject_sources

    text = "The town welcomed the decision. The council praised the plan."
    doc = nlp(text)

    def found(cue: str, content: str, origin: str, source: str | None = None) -> AttributionSpans:
        return AttributionSpans(
            content=_offsets(text, content),
            cue=_offsets(text, cue),
            source=_offsets(text, source) if source else [],
            origin=origin,
        )

    tagged, ruled, sourced = with_subject_sources(
        doc,
        [
            found("welcomed", "the decision", "model"),
            found("praised", "the plan", "rules"),
            found("praised", "the plan", "model", source="council"),
        ],
    )
    assert [text[s:e] for s, e in tagged.source] == ["The town"]
    assert ruled.source == []  # the rules decided there was no source
    assert [text[s:e] for s, e in sourced.source] == ["council"]


def test_an_attribution_model_without_the_attribution_component_is_refused(tmp_path: Path) -> None:
    from claimtrace.analyze.pipeline import add_claimtrace_components
    from claimtrace.errors import ClaimtraceError

    with pytest.raises(ClaimtraceError, match="needs the claimtrace_attribution component"):
        add_claimtrace_components(spacy.blank("en"), ("claimtrace_times",), attribution_model=tmp_path)
