"""Time anchors: each claim is dated by its cue's time expression or the publication date; each event by a
time attached to its clause, else one in its sentence, else its claim's time, else the publication date."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.analyze.pipeline import load_pipeline

PUBLISHED = "2024-03-14"  # a Thursday
PUBLISHED_ANCHOR = {
    "value": PUBLISHED,
    "basis": "published",
    "text": None,
    "timex3": {"type": "DATE", "value": PUBLISHED},
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def run(nlp: Language, text: str, published: str | None = PUBLISHED) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def claim_by_cue(doc: Doc, cue: str) -> dict[str, Any]:
    return next(a.to_dict() for a in doc._.attributions if a.cue and a.cue.text == cue)


def event_by_trigger(doc: Doc, word: str) -> dict[str, Any]:
    return next(e for e in doc._.events if word in e["trigger"]["text"].split())


def test_claim_dated_by_the_time_on_its_cue(nlp: Language) -> None:
    doc = run(nlp, "The harbour authority said on Wednesday that two tankers had collided off the coast.")
    assert claim_by_cue(doc, "said")["time"] == {
        "value": "2024-03-13",
        "basis": "relative-to-published",
        "text": "Wednesday",
        "timex3": {"type": "DATE", "value": "2024-03-13"},
    }


def test_time_inside_the_content_dates_the_event_not_the_claim(nlp: Language) -> None:
    doc = run(nlp, "The mayor said that the negotiations would resume on March 20, 2024.")
    assert claim_by_cue(doc, "said")["time"] == PUBLISHED_ANCHOR
    assert doc._.events  # which word the events component takes for the trigger is its own business
    for event in doc._.events:
        assert event["time"]["value"] == "2024-03-20"
        assert event["time"]["basis"] == "absolute"
        assert event["time"]["timex3"] == {"type": "DATE", "value": "2024-03-20"}


def test_since_last_spring_is_an_interval_up_to_publication(nlp: Language) -> None:
    doc = run(nlp, "The two governments have negotiated since last spring without a result.")
    negotiated = event_by_trigger(doc, "negotiated")
    assert negotiated["time"] == {
        "value": "2023-03/2024-03-14",
        "basis": "relative-to-published",
        "text": "since last spring",
        "timex3": {"type": "DATE", "value": "2023-SP"},
    }


def test_no_time_expression_falls_back_to_publication_date(nlp: Language) -> None:
    doc = run(nlp, "The minister said rebels attacked the border post.")
    assert claim_by_cue(doc, "said")["time"] == PUBLISHED_ANCHOR
    assert event_by_trigger(doc, "attacked")["time"]["basis"] == "published"


def test_reported_event_in_a_sentence_without_time_inherits_its_claims_time(nlp: Language) -> None:
    doc = run(
        nlp, '"Rebels attacked the border post. The army will retaliate," the minister said on Tuesday.'
    )
    claim = claim_by_cue(doc, "said")
    attacked = event_by_trigger(doc, "attacked")
    first_sentence = next(iter(doc.sents))
    assert attacked["trigger"]["spans"][0][0] < first_sentence.end_char  # the event's sentence names no time
    assert attacked["attribution"] == claim["id"]
    assert (
        attacked["time"]
        == claim["time"]
        == {
            "value": "2024-03-12",
            "basis": "relative-to-published",
            "text": "Tuesday",
            "timex3": {"type": "DATE", "value": "2024-03-12"},
        }
    )


def test_inferred_publication_date_is_marked_inferred(nlp: Language) -> None:
    doc = run(
        nlp,
        "The accord was signed on March 4, 2024. The minister said rebels attacked the border post.",
        None,
    )
    claim = claim_by_cue(doc, "said")
    assert claim["time"] == {
        "value": "2024-03-04",
        "basis": "inferred",
        "text": None,
        "timex3": {"type": "DATE", "value": "2024-03-04"},
    }
    assert event_by_trigger(doc, "attacked")["time"] == claim["time"]


def test_no_date_at_all_gives_a_null_value(nlp: Language) -> None:
    doc = run(nlp, "The minister said rebels attacked the border post.", None)
    assert claim_by_cue(doc, "said")["time"] == {"value": None, "basis": "none", "text": None, "timex3": None}


PHRASES = ["on Monday", "last week", "since 2019", "earlier this month", "in June", "yesterday", ""]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PHRASES), st.sampled_from(PHRASES)), min_size=1, max_size=3))
def test_every_claim_and_event_gets_a_time_of_the_documented_shape(
    nlp: Language, phrases: list[tuple[str, str]]
) -> None:
    text = " ".join(f"The envoy said {a} that the army attacked the town {b}." for a, b in phrases)
    doc = run(nlp, text)
    dated = [*(a.to_dict() for a in doc._.attributions), *doc._.events]
    assert dated
    for item in dated:
        time = item["time"]
        assert set(time) == {"value", "basis", "text", "timex3"}
        if time["text"] is None:
            assert time == PUBLISHED_ANCHOR
        else:
            # the same words can name two times ("in June" of this year, and of 2019 after "since 2019")
            same_text = [t for t in doc._.times if t["text"] == time["text"]]
            assert any(
                (time["value"], time["basis"], time["timex3"]) == (t["value"], t["basis"], t["timex3"])
                for t in same_text
            )


def test_a_range_dates_an_event_by_its_whole_interval(nlp: Language) -> None:
    doc = run(nlp, "Rebels attacked the northern towns from May to July, the army said.")
    event = event_by_trigger(doc, "attacked")
    assert (event["time"]["value"], event["time"]["text"]) == ("2023-05/2023-07", "from May to July")
