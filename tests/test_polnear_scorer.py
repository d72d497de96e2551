"""The PolNeAR scorer: brat reading, per-role exact/Jaccard counts, triple matching, error grouping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrace.errors import InputError
from claimtrace.evaluate.polnear import (
    Article,
    Triple,
    attribution_kind,
    error_breakdowns,
    load_corpus,
    read_ann,
    score_corpus,
    source_type,
    triples_from_record,
)

TEXT = (
    "The mayor said the bridge would reopen in May. "
    "“We are ready,” a spokesman for the council told reporters. "
    "According to two engineers, the repairs cost more than planned."
)


def span(fragment: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(fragment, start + 1)
    return (start, start + len(fragment))


MAYOR = Triple(
    content=(span("the bridge would reopen in May"),), cue=(span("said"),), source=(span("The mayor"),)
)
SPOKESMAN = Triple(
    content=(span("“We are ready,”"),), cue=(span("told"),), source=(span("a spokesman for the council"),)
)
ENGINEERS = Triple(
    content=(span("the repairs cost more than planned"),),
    cue=(span("According to"),),
    source=(span("two engineers"),),
)
GOLD = [MAYOR, SPOKESMAN, ENGINEERS]


def article(gold: list[Triple] = GOLD) -> Article:
    return Article(id="demo_a", text=TEXT, attributions=gold, outlet="demo")


def test_identical_predictions_score_perfectly() -> None:
    figures = score_corpus([article()], [GOLD]).figures()
    for role in ("source", "cue", "content"):
        assert figures["roles"][role]["exact_f1"] == 1.0
        assert figures["roles"][role]["jaccard_f1"] == 1.0
    assert figures["triple"]["f1"] == 1.0


def test_punctuation_outside_words_does_not_break_exact_match() -> None:
    unquoted = Triple(content=(span("We are ready"),), cue=SPOKESMAN.cue, source=SPOKESMAN.source)
    figures = score_corpus([article()], [[MAYOR, unquoted, ENGINEERS]]).figures()
    assert figures["roles"]["content"]["exact_f1"] == 1.0


def test_partial_content_counts_in_jaccard_not_exact_and_still_matches_triple() -> None:
    # 4 of the 6 content tokens: Jaccard 2/3, above the triple threshold
    shorter = Triple(content=(span("the bridge would reopen"),), cue=MAYOR.cue, source=MAYOR.source)
    figures = score_corpus([article()], [[shorter]]).figures()
    content = figures["roles"]["content"]
    assert content["exact_p"] == 0.0
    assert content["jaccard_p"] == pytest.approx(4 / 6)
    assert content["jaccard_r"] == pytest.approx(4 / 6 / 3)
    assert figures["triple"]["matched"] == 1
    assert figures["triple"]["p"] == 1.0
    assert figures["triple"]["r"] == pytest.approx(1 / 3)


def test_triple_needs_overlapping_cue_and_matching_source() -> None:
    wrong_cue = Triple(content=MAYOR.content, cue=(span("told"),), source=MAYOR.source)
    wrong_source = Triple(content=MAYOR.content, cue=MAYOR.cue, source=(span("reporters"),))
    no_source = Triple(content=MAYOR.content, cue=MAYOR.cue)
    for predicted in (wrong_cue, wrong_source, no_source):
        assert score_corpus([article()], [[predicted]]).figures()["triple"]["matched"] == 0


def test_sourceless_triples_match_each_other() -> None:
    gold = Triple(content=MAYOR.content, cue=MAYOR.cue)
    assert score_corpus([article([gold])], [[gold]]).figures()["triple"]["f1"] == 1.0


def test_matching_is_one_to_one() -> None:
    figures = score_corpus([article([MAYOR])], [[MAYOR, MAYOR]]).figures()
    assert figures["triple"]["matched"] == 1
    assert figures["triple"]["p"] == 0.5
    # a role instance predicted twice is one distinct instance
    assert figures["roles"]["cue"]["predicted"] == 1


def test_kinds_and_source_types() -> None:
    assert attribution_kind(TEXT, MAYOR) == "indirect"
    assert attribution_kind(TEXT, SPOKESMAN) == "direct"
    assert attribution_kind(TEXT, ENGINEERS) == "according-to"
    assert attribution_kind(TEXT, Triple(content=MAYOR.content, cue=MAYOR.cue)) == "no-source"
    assert source_type(TEXT, SPOKESMAN) == "anonymous"
    assert source_type(TEXT, ENGINEERS) == "anonymous"
    named = Triple(content=MAYOR.content, cue=MAYOR.cue, source=(span("May"),))
    assert source_type(TEXT, named) == "named"


def test_error_breakdown_counts_misses_and_false_alarms() -> None:
    stray = Triple(content=(span("the repairs cost more"),), cue=(span("said"),), source=(span("The mayor"),))
    scores = score_corpus([article()], [[MAYOR, stray]])
    breakdowns = {b.title: b for b in error_breakdowns(scores, {"demo_a": TEXT})}
    kinds = breakdowns["kind"]
    assert kinds.misses == {"direct": 1, "according-to": 1}
    assert kinds.false_alarms == {"indirect": 1}
    assert kinds.miss_examples["direct"][0].startswith("demo_a: a spokesman for the council | told |")
    # neither miss shares its cue with the false alarm: nothing here is a mere boundary error
    assert breakdowns["cause"].misses == {"not found": 2}
    assert breakdowns["cause"].false_alarms == {"spurious": 1}


def test_a_prediction_on_the_right_cue_with_wrong_content_counts_as_a_boundary_error() -> None:
    wrong_content = Triple(content=(span("May"),), cue=MAYOR.cue, source=MAYOR.source)
    scores = score_corpus([article()], [[wrong_content, SPOKESMAN, ENGINEERS]])
    cause = {b.title: b for b in error_breakdowns(scores, {"demo_a": TEXT})}["cause"]
    assert cause.misses == {"boundary": 1}
    assert cause.false_alarms == {"boundary": 1}


def write_split(root: Path, ann_by_name: dict[str, str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "demo_a.txt").write_text(TEXT, encoding="utf-8")
    for name, body in ann_by_name.items():
        (root / "attributions" / name).write_text(body, encoding="utf-8")
    return root


def brat(triple: Triple, offset: int = 0) -> str:
    def fmt(spans: tuple[tuple[int, int], ...]) -> str:
        return ";".join(f"{s} {e}" for s, e in spans)

    return (
        f"T{offset + 1}\tSource {fmt(triple.source)}\tx\nT{offset + 2}\tCue {fmt(triple.cue)}\tx\n"
        f"T{offset + 3}\tContent {fmt(triple.content)}\tx\n"
        f"T{offset + 4}\tAttribution {fmt(triple.cue)}\tx\n"
        f"E{offset + 1}\tAttribution:T{offset + 4} Source:T{offset + 1} Cue:T{offset + 2} "
        f"Content:T{offset + 3}\n"
    )


def test_load_corpus_uses_the_first_annotator_file(tmp_path: Path) -> None:
    split = write_split(tmp_path / "dev", {"demo_a_b2.ann": brat(MAYOR), "demo_a_a1.ann": brat(ENGINEERS)})
    [loaded] = load_corpus(split)
    assert loaded.attributions == [ENGINEERS]
    assert loaded.outlet == "demo"


def test_discontinuous_content_and_content2_fold_into_one_content(tmp_path: Path) -> None:
    first, second = span("We are ready"), span("the repairs cost")
    body = (
        f"T1\tCue {span('told')[0]} {span('told')[1]}\ttold\n"
        f"T2\tContent {first[0]} {first[1]}\tWe are ready\n"
        f"T3\tContent {second[0]} {second[1]}\tthe repairs cost\n"
        f"T4\tAttribution-no-source {span('told')[0]} {span('told')[1]}\ttold\n"
        "E1\tAttribution-no-source:T4 Cue:T1 Content:T2 Content2:T3\n"
        "T5\tDiscuss 0 3\tThe\n"
    )
    path = tmp_path / "x_a1.ann"
    path.write_text(body, encoding="utf-8")
    [triple] = read_ann(path)
    assert triple.content == (first, second)
    assert triple.source == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("T1\tCue 5 two\tx\n", "line 1: malformed span"),
        ("T1\tCue 9 3\tx\n", "line 1: span end before start"),
        ("T1\tCue 0 4\tx\nE1\tAttribution:T1 Cue:T9\n", "line 2: event refers to unknown span T9"),
        ("T1\tCue 0 99999\tx\n", "line 1: span (0, 99999) beyond the text's end"),
    ],
)
def test_bad_annotation_lines_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad_a1.ann"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(message)) as info:
        read_ann(path, len(TEXT))
    assert str(path) in str(info.value)


def test_a_directory_without_the_split_layout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected text/ and attributions/"):
        load_corpus(tmp_path)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_annotation_bytes_give_triples_or_a_clear_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("ann") / "rand_a1.ann"
    path.write_bytes(data)
    try:
        triples = read_ann(path, len(TEXT))
    except InputError as exc:
        assert str(path) in str(exc)
    else:
        assert all(t.content for t in triples)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(TEXT) - 1), st.integers(1, 30)), min_size=1, max_size=6))
def test_scores_stay_within_bounds_for_any_prediction(spans: list[tuple[int, int]]) -> None:
    predicted = [Triple(content=((s, min(len(TEXT), s + n)),), cue=((s, s + 1),)) for s, n in spans]
    figures = score_corpus([article()], [predicted]).figures()
    for role in figures["roles"].values():
        for key in ("exact_p", "exact_r", "jaccard_p", "jaccard_r"):
            assert 0.0 <= role[key] <= 1.0
    assert 0.0 <= figures["triple"]["f1"] <= 1.0


def _record_attribution(
    id_: str, source: tuple[int, int], cue: tuple[int, int], parent: str | None = None
) -> dict[str, object]:
    return {
        "id": id_,
        "source": {"text": "", "spans": [list(source)]},
        "cue": {"text": "told", "spans": [list(cue)]},
        "content": {"text": "", "spans": [[40, 60]]},
        "parent": parent,
    }


def test_an_outlet_link_is_left_out_unless_asked_for() -> None:
    # "The mayor told the Gazette that the bridge would reopen": the Gazette heads the chain
    speaker = _record_attribution("a1", (0, 9), (10, 14), parent="a2")
    outlet = _record_attribution("a2", (15, 26), (10, 14))
    assert [t.source for t in triples_from_record([speaker, outlet])] == [((0, 9),)]
    assert len(triples_from_record([speaker, outlet], outlet_links=True)) == 2


def test_a_parent_with_its_own_act_or_a_source_before_the_cue_is_kept() -> None:
    quoted = _record_attribution("a1", (0, 9), (10, 14), parent="a2")
    other_act = _record_attribution("a2", (15, 26), (30, 34))
    assert len(triples_from_record([quoted, other_act])) == 2
    same_act_source_first = _record_attribution("a2", (0, 9), (10, 14))
    child = _record_attribution("a1", (20, 26), (10, 14), parent="a2")
    assert len(triples_from_record([child, same_act_source_first])) == 2
