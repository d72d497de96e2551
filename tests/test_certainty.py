"""Claim certainty: content factuality combined with sourcing (verb, source type, quote form, chain), with the
cue words that explain each label. Attributions are built here by hand over sentences written here, so the
grading is tested apart from the attribution finder; one test runs the whole chain of components."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from claimtrace.analyze.certainty import CertaintyComponent, label_for
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.record import Attribution, AttributionKind, Certainty, Role, SourceProfile, SourceType

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline(components=("claimtrace_factuality",))


def role(text: str, part: str) -> Role:
    start = text.index(part)
    return Role(part, [(start, start + len(part))])


def attribution(
    text: str,
    content: str,
    cue: str | None,
    source: str | None,
    source_type: SourceType | None = "person",
    kind: AttributionKind = "indirect",
    ident: str = "a1",
    parent: str | None = None,
) -> Attribution:
    return Attribution(
        id=ident,
        kind=kind,
        source=role(text, source) if source else None,
        cue=role(text, cue) if cue else None,
        content=role(text, content),
        parent=parent,
        source_profile=SourceProfile(type=source_type) if source_type else None,
    )


def graded(nlp: Language, text: str, *attributions: Attribution) -> list[Certainty]:
    doc: Doc = nlp(text)
    doc._.attributions = list(attributions)
    CertaintyComponent()(doc)
    return [a.certainty for a in doc._.attributions]


def cue_words(certainty: Certainty) -> set[str]:
    return {c.text for c in certainty.cues}


def test_label_thresholds() -> None:
    assert [label_for(v) for v in (3.0, 2.5, 2.0, 1.0, 0.0, -1.0, -2.0, -3.0)] == [
        "certain",
        "certain",
        "probable",
        "possible",
        "unknown",
        "doubtful",
        "negated",
        "negated",
    ]


def test_named_confirmation_of_a_past_event_is_certain(nlp: Language) -> None:
    text = "The ministry confirmed that the talks took place in Oslo."
    (certainty,) = graded(
        nlp,
        text,
        attribution(text, "the talks took place in Oslo", "confirmed", "The ministry", "organization"),
    )
    assert certainty.label == "certain"
    assert certainty.cues == []


def test_hedged_content_from_anonymous_source_is_possible_and_explained(nlp: Language) -> None:
    text = "A senior diplomat said the president could be willing to consider a truce."
    content = "the president could be willing to consider a truce"
    (certainty,) = graded(nlp, text, attribution(text, content, "said", "A senior diplomat", "anonymous"))
    assert certainty.label in {"possible", "unknown"}
    assert {"could", "A senior diplomat"} <= cue_words(certainty)
    for cue in certainty.cues:
        start, end = cue.spans[0]
        assert text[start:end] == cue.text


def test_reporting_verb_orders_certainty(nlp: Language) -> None:
    values = {}
    for verb in ("confirmed", "claimed", "suggested"):
        text = f"The governor {verb} that the rebels attacked the convoy."
        (certainty,) = graded(
            nlp, text, attribution(text, "the rebels attacked the convoy", verb, "The governor")
        )
        values[verb] = certainty.value
    assert values["confirmed"] > values["claimed"] > values["suggested"]


def test_denial_is_negated(nlp: Language) -> None:
    text = "The defence minister denied that troops crossed the border."
    (certainty,) = graded(
        nlp, text, attribution(text, "troops crossed the border", "denied", "The defence minister")
    )
    assert certainty.label in {"negated", "doubtful"}
    assert certainty.value < -1.5
    assert "denied" in cue_words(certainty)


def test_negated_direct_quote_is_negated(nlp: Language) -> None:
    text = '"We will not sign this agreement," the prime minister told reporters.'
    (certainty,) = graded(
        nlp,
        text,
        attribution(text, '"We will not sign this agreement,"', "told", "the prime minister", kind="direct"),
    )
    assert certainty.value < 0
    assert "not" in cue_words(certainty)


def test_anonymous_and_missing_sources_lower_certainty(nlp: Language) -> None:
    text = "Officials said the bridge collapsed."
    named, anonymous = graded(
        nlp,
        text,
        attribution(text, "the bridge collapsed", "said", "Officials", "person", ident="a1"),
        attribution(text, "the bridge collapsed", "said", "Officials", "anonymous", ident="a2"),
    )
    (no_source,) = graded(nlp, text, attribution(text, "the bridge collapsed", None, None, None, "no_source"))
    assert named.value > anonymous.value
    assert named.value > no_source.value


def test_each_level_of_re_reporting_lowers_certainty(nlp: Language) -> None:
    text = "The newspaper reported that a general said the offensive began."
    outer = attribution(text, "a general said the offensive began", "reported", "The newspaper", "media")
    inner = attribution(text, "the offensive began", "said", "a general", "person", ident="a2", parent="a1")
    direct = attribution(text, "the offensive began", "said", "a general", "person", ident="a3")
    certainties = graded(nlp, text, outer, inner, direct)
    assert certainties[1].value < certainties[2].value


def test_events_are_left_alone(nlp: Language) -> None:
    text = "Officials said the bridge collapsed."
    doc = nlp(text)
    events = [{"id": "e1", "status": "reported", "certainty": 2.0}]
    doc._.events = events
    doc._.attributions = [attribution(text, "the bridge collapsed", "said", "Officials")]
    CertaintyComponent()(doc)
    assert doc._.events == [{"id": "e1", "status": "reported", "certainty": 2.0}]


def test_whole_chain_grades_every_attribution() -> None:
    components = (
        "claimtrace_times",
        "claimtrace_attribution",
        "claimtrace_factuality",
        "claimtrace_certainty",
    )
    chain = load_pipeline(components=components)
    doc = chain.make_doc(
        "The foreign minister said on Tuesday that the army might withdraw from the valley. "
        "According to two officials familiar with the talks, the ceasefire will not hold."
    )
    doc._.published = "2024-05-09"
    doc = chain(doc)
    assert doc._.attributions
    for found in doc._.attributions:
        certainty = found.certainty
        assert certainty is not None
        assert certainty.label == label_for(certainty.value)
        assert -3.0 <= certainty.value <= 3.0
