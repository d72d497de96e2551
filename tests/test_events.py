"""PLOVER event coding on sentences written for these tests: types, status, actor/target, attribution."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.analyze.pipeline import add_claimtrace_components
from claimtrace.analyze.plover import EVENT_TYPES, MODE_CUES, MODES
from claimtrace.errors import InputError
from claimtrace.evaluate.gsr import read_gsr
from claimtrace.record import Attribution, FactualityValue, Role
from claimtrace.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events_nlp():
    """The base model with only the events component: upstream extensions stay unset (None)."""
    return add_claimtrace_components(spacy.load(Settings().model), ("claimtrace_events",))


def code(nlp, text: str, attributions=None, factuality=None) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.attributions = attributions
    doc._.factuality = factuality
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc._.events


def first(nlp, text: str, **kwargs) -> dict:
    events = code(nlp, text, **kwargs)
    assert events, f"no event coded in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two governments agreed to resume talks next month.", "AGREE"),
        ("Officials from Ruritania met their counterparts from Borduria in Geneva on Tuesday.", "CONSULT"),
        ("The senator praised the mayor for his handling of the flood.", "SUPPORT"),
        ("The court pardoned the jailed journalist.", "CONCEDE"),
        ("The police forces of both countries shared intelligence on smuggling networks.", "COOPERATE"),
        ("The charity delivered food and medicine to flood victims in the north.", "AID"),
        ("The rebels released twelve hostages on Sunday.", "RETREAT"),
        ("The union demanded that the ministry raise wages.", "REQUEST"),
        ("The opposition leader accused the president of corruption.", "ACCUSE"),
        ("The cabinet rejected the proposal to cut fuel subsidies.", "REJECT"),
        ("The general threatened to invade the neighbouring province.", "THREATEN"),
        ("Thousands of students marched through the capital to protest against the new law.", "PROTEST"),
        ("The government expelled the ambassador of its neighbour.", "SANCTION"),
        ("The army put its troops on high alert along the border.", "MOBILIZE"),
        ("Police arrested forty opposition activists in the capital.", "COERCE"),
        ("Militants attacked a police checkpoint on the highway.", "ASSAULT"),
    ],
)
def test_each_type(events_nlp, text: str, expected: str) -> None:
    assert first(events_nlp, text)["type"] == expected


def test_intent_versus_action(events_nlp) -> None:
    done = first(events_nlp, "The rebels agreed to talks with the government.")
    intended = first(events_nlp, "The rebels are willing to hold talks with the government.")
    assert (done["type"], done["status"]) == ("AGREE", "asserted")
    # PLOVER codes announced willingness to meet as AGREE; the status keeps that nothing has happened yet.
    assert (intended["type"], intended["status"]) == ("AGREE", "intended")
    assert intended["certainty"] < done["certainty"]
    planned = first(events_nlp, "The army plans to attack the northern villages.")
    # Planned force is a THREATEN (PLOVER manual 3.11), its mode the violence threatened.
    assert (planned["type"], planned["status"], planned["mode"]) == ("THREATEN", "intended", "violence")


def test_negation_future_and_hypothetical(events_nlp) -> None:
    negated = first(events_nlp, "The army did not attack the village.")
    future = first(events_nlp, "The army will attack the village tomorrow.")
    modal = first(events_nlp, "The army could attack the village.")
    asserted = first(events_nlp, "The army attacked the village.")
    assert [e["type"] for e in (negated, future, modal, asserted)] == [
        "ASSAULT",
        "THREATEN",
        "ASSAULT",
        "ASSAULT",
    ]
    assert [e["status"] for e in (negated, future, modal, asserted)] == [
        "negated",
        "future",
        "hypothetical",
        "asserted",
    ]
    assert negated["certainty"] < 0 < future["certainty"] < asserted["certainty"]
    assert first(events_nlp, "Will the army attack the village?")["status"] == "hypothetical"


def test_refusal_is_a_reject_not_a_negated_release(events_nlp) -> None:
    refusal = first(events_nlp, "The rebels will not release the prisoners.")
    assert (refusal["type"], refusal["status"]) == ("REJECT", "asserted")
    assert refusal["certainty"] > 0
    not_done = first(events_nlp, "The rebels did not release the prisoners.")
    assert (not_done["type"], not_done["status"]) == ("RETREAT", "negated")


def test_conditional_is_hypothetical(events_nlp) -> None:
    events = code(events_nlp, "If the truce collapses, the army might shell the town.")
    shelling = next(e for e in events if e["trigger"]["text"].startswith("shell"))
    assert shelling["status"] == "hypothetical"
    assert shelling["actor"]["text"] == "the army"


def test_future_cooperation_is_coded_as_agree(events_nlp) -> None:
    event = first(events_nlp, "The two presidents will meet in Vienna next week.")
    assert (event["type"], event["status"]) == ("AGREE", "future")


def test_actor_and_target_spans(events_nlp) -> None:
    text = "Police arrested forty opposition activists in the capital."
    event = first(events_nlp, text)
    actor, target = event["actor"], event["target"]
    assert actor["text"] == "Police" and text[slice(*actor["spans"][0])] == "Police"
    assert target["text"] == "forty opposition activists"
    assert event["trigger"]["text"] == "arrested"
    assert event["mode"] == "arrest"


def test_passive_agent_is_actor(events_nlp) -> None:
    event = first(events_nlp, "The village was attacked by rebel fighters.")
    assert event["type"] == "ASSAULT"
    assert event["actor"]["text"] == "rebel fighters"
    assert event["target"]["text"] == "The village"


def test_recipient_preferred_over_thing_given(events_nlp) -> None:
    event = first(events_nlp, "The charity delivered food and medicine to flood victims in the north.")
    assert event["target"]["text"].startswith("flood victims")


def test_reported_under_attribution(events_nlp) -> None:
    text = "Two diplomats said the rebels had released twelve hostages."
    content_start = text.index("the rebels")
    attribution = Attribution(
        id="a1",
        kind="indirect",
        source=Role("Two diplomats", [(0, 13)]),
        cue=Role("said", [(14, 18)]),
        content=Role(text[content_start:-1], [(content_start, len(text) - 1)]),
    )
    event = next(e for e in code(events_nlp, text, attributions=[attribution]) if e["type"] == "RETREAT")
    assert event["status"] == "reported"
    assert event["attribution"] == "a1"
    assert event["actor"]["text"] == "the rebels"
    unattributed = first(events_nlp, "The rebels had released twelve hostages.")
    assert (unattributed["status"], unattributed["attribution"]) == ("asserted", None)


def test_communicative_act_takes_attribution_source_as_actor(events_nlp) -> None:
    text = "He accused the governor of fraud, the spokesman for the Liberal Party explained."
    cue = text.index("accused")
    source_start = text.index("the spokesman")
    attribution = Attribution(
        id="a1",
        kind="indirect",
        source=Role("the spokesman", [(source_start, source_start + 13)]),
        cue=Role("accused", [(cue, cue + 7)]),
        content=Role("the governor of fraud", [(cue + 8, cue + 29)]),
    )
    event = first(events_nlp, text, attributions=[attribution])
    assert event["type"] == "ACCUSE"
    assert event["actor"]["text"] == "the spokesman"
    assert event["attribution"] is None  # the cue itself is not reported content


def test_first_person_actor_in_a_quote_is_the_speaker(events_nlp) -> None:
    text = '"We released the hostages on Friday," the rebel commander told reporters.'
    content_end = text.index(",") + 2
    source_start = text.index("the rebel commander")
    attribution = Attribution(
        id="a1",
        kind="direct",
        source=Role("the rebel commander", [(source_start, source_start + 19)]),
        cue=Role("told", [(text.index("told"), text.index("told") + 4)]),
        content=Role(text[:content_end], [(0, content_end)]),
    )
    event = first(events_nlp, text, attributions=[attribution])
    assert (event["type"], event["status"], event["attribution"]) == ("RETREAT", "reported", "a1")
    assert event["actor"]["text"] == "the rebel commander"
    assert first(events_nlp, text)["actor"]["text"] == "We"


def test_factuality_sets_certainty_and_negation(events_nlp) -> None:
    text = "The rebels released twelve hostages."
    start = text.index("released")
    factuality = [FactualityValue(start, start + 8, "released", -2.0)]
    event = first(events_nlp, text, factuality=factuality)
    assert event["certainty"] == -2.0
    assert event["status"] == "negated"
    hedged = first(events_nlp, text, factuality=[replace(factuality[0], value=1.2)])
    assert (hedged["certainty"], hedged["status"]) == (1.2, "asserted")


def test_statements_are_not_events(events_nlp) -> None:
    assert code(events_nlp, "The minister said the weather was pleasant in the spring.") == []


def test_ids_follow_text_order(events_nlp) -> None:
    events = code(
        events_nlp, "Rebels shelled the town. Later the army arrested two commanders and freed a hostage."
    )
    assert [e["id"] for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]
    starts = [e["trigger"]["spans"][0][0] for e in events]
    assert starts == sorted(starts) and len(events) >= 3


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
def test_any_text_gives_well_formed_events(events_nlp, text: str) -> None:
    events = code(events_nlp, text)
    for number, event in enumerate(events, start=1):
        assert event["id"] == f"e{number}"
        assert event["type"] in EVENT_TYPES
        assert event["status"] in ("asserted", "reported", "intended", "future", "hypothetical", "negated")
        assert -3.0 <= event["certainty"] <= 3.0
        for role in ("trigger", "actor", "target"):
            if event[role] is not None:
                for start, end in event[role]["spans"]:
                    assert 0 <= start < end <= len(text)


def test_mode_cues_name_only_the_modes_of_their_type() -> None:
    for event_type, cues in MODE_CUES.items():
        named = {mode for modes in cues.values() for mode in modes}
        assert named <= set(MODES[event_type]), event_type


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"\xff\xfe[", "not a readable JSON list"), (b'{"event": "AID"}', "expected a list of objects")],
)
def test_bad_gold_standard_file_is_an_input_error(tmp_path, content: bytes, expected: str) -> None:
    path = tmp_path / "gsr.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        read_gsr(path)
    assert str(path) in str(raised.value) and expected in str(raised.value)
