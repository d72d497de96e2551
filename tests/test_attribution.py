"""The attribution rules and component on sentences written for these tests, parsed by the real model."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.analyze.attribution.quotes import find_quotes, with_closing_mark
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.errors import ClaimtraceError
from claimtrace.record import Attribution

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline(components=("claimtrace_attribution",))


def text_of(role: dict[str, Any] | None) -> str | None:
    return None if role is None else role["text"]


def by_cue(attributions: list[dict[str, Any]], cue: str) -> dict[str, Any]:
    matches = [a for a in attributions if text_of(a["cue"]) == cue]
    assert len(matches) == 1, [(text_of(a["cue"]), text_of(a["content"])) for a in attributions]
    return matches[0]


# --- quotes ---------------------------------------------------------------------------------------


def test_quote_then_speaker(rules):
    (a,) = rules("“We will not sign this agreement,” the minister said.")
    assert a["kind"] == "direct"
    assert text_of(a["source"]) == "the minister"
    assert text_of(a["cue"]) == "said"
    assert text_of(a["content"]) == "“We will not sign this agreement,”"


def test_quote_then_inverted_speaker(rules):
    (a,) = rules("“The border stays closed,” said Maria Lopez.")
    assert (text_of(a["source"]), a["kind"]) == ("Maria Lopez", "direct")
    assert text_of(a["content"]) == "“The border stays closed,”"


def test_speaker_colon_then_straight_quote(rules):
    (a,) = rules('The general said: "Our troops will stay until the spring."')
    assert text_of(a["source"]) == "The general"
    assert text_of(a["content"]) == '"Our troops will stay until the spring."'
    assert a["kind"] == "direct"


def test_split_quote_is_one_attribution_with_two_spans(rules):
    text = "“We will keep talking,” she said, “but we will not give up the port.”"
    (a,) = rules(text)
    assert len(a["content"]["spans"]) == 2
    first, second = (text[s:e] for s, e in a["content"]["spans"])
    assert first == "“We will keep talking,”"
    assert second == "“but we will not give up the port.”"
    assert a["kind"] == "direct"


def test_quote_continued_in_next_sentence(rules):
    text = "“We are ready,” the commander said. “Our units have been in position for a week.”"
    (a,) = rules(text)
    assert [text[s:e] for s, e in a["content"]["spans"]] == [
        "“We are ready,”",
        "“Our units have been in position for a week.”",
    ]


def test_quote_continued_in_next_paragraph(rules):
    text = "“The port is open,” the mayor said.\n\n“Ships will dock tomorrow.”\n\nThe weather was calm."
    (a,) = rules(text)
    assert [text[s:e] for s, e in a["content"]["spans"]] == [
        "“The port is open,”",
        "“Ships will dock tomorrow.”",
    ]


def test_quote_before_belongs_to_the_first_verb_only(rules):
    attributions = rules(
        "“He stands for the middle class,” she said, adding that he was the most trustworthy candidate."
    )
    assert text_of(by_cue(attributions, "said")["content"]) == "“He stands for the middle class,”"
    assert text_of(by_cue(attributions, "adding")["content"]) == "that he was the most trustworthy candidate"


def test_partly_quoted_content_is_mixed(rules):
    (a,) = rules("The spokeswoman said the campaign would “fight for every vote in the state.”")
    assert a["kind"] == "mixed"
    assert text_of(a["content"]) == "the campaign would “fight for every vote in the state.”"


def test_quote_marks_pair_curly_straight_and_nested(pipeline):
    doc = pipeline.make_doc('He said "no." She wrote, “They told us ‘never’ twice.” It’s done.')
    quotes = [(doc[q.start : q.end].text, q.depth) for q in find_quotes(doc)]
    assert ('"no."', 0) in quotes
    assert ("“They told us ‘never’ twice.”", 0) in quotes
    assert ("‘never’", 1) in quotes
    assert all("It’s" not in q for q, _ in quotes)


def test_guillemets_pair_and_quote_a_content(pipeline):
    doc = pipeline("«We will leave tomorrow,» the minister said, «and we will not return.»")
    quotes = [doc[q.start : q.end].text for q in find_quotes(doc)]
    assert quotes == ["«We will leave tomorrow,»", "«and we will not return.»"]
    (found,) = [a.to_dict() for a in doc._.attributions]
    assert found["kind"] == "direct"
    assert text_of(found["source"]) == "the minister"
    assert found["content"]["text"] == "«We will leave tomorrow,» … «and we will not return.»"


def test_unclosed_quote_ends_at_paragraph(pipeline):
    doc = pipeline.make_doc("“The first paragraph goes on\n\n“and the second closes.”")
    spans = [doc[q.start : q.end].text for q in find_quotes(doc)]
    assert spans == ["“The first paragraph goes on", "“and the second closes.”"]


def test_content_that_opens_a_quote_keeps_its_closing_mark(pipeline):
    doc = pipeline.make_doc(
        'The mayor ruled out curfews "for now." Then she left. He called it “odd,” and went on.'
    )
    quotes = find_quotes(doc)
    short = doc.text.index("ruled"), doc.text.index('now."') + len("now")
    assert doc.text[slice(*with_closing_mark(doc, quotes, [short])[0])] == 'ruled out curfews "for now."'
    # a content already closed, or one that never opened the quote, is left as it is
    closed = doc.text.index("“odd"), doc.text.index(",” and") + 2
    assert with_closing_mark(doc, quotes, [closed]) == [closed]
    inside = doc.text.index("for now"), doc.text.index('now."') + len("now")
    assert with_closing_mark(doc, quotes, [inside]) == [inside]
    # nor does it reach over words to a later mark
    early = doc.text.index("ruled"), doc.text.index("curfews") + len("curfews")
    assert with_closing_mark(doc, quotes, [early]) == [early]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The senator called the new tariff a “costly blunder.” Aides left.",
            "called",
            "the new tariff a “costly blunder.”",
        ),
        (
            'He described the strike as "a turning point." Markets fell.',
            "described",
            'the strike as "a turning point."',
        ),
    ],
)
def test_quoted_content_is_drawn_with_both_marks(pipeline, text, cue, content):
    attributions = [a.to_dict() for a in pipeline(text)._.attributions]
    assert text_of(by_cue(attributions, cue)["content"]) == content


def test_speaker_between_a_quote_and_its_verb_when_the_parse_hangs_it_on_the_quote(rules):
    # spaCy attaches "diplomat" to the closing mark here, so the verb has no subject of its own
    found = rules("“The talks have failed,” a senior diplomat who asked not to be named told the Post.")
    speaker = by_cue([a for a in found if text_of(a["source"]) != "the Post"], "told")
    assert text_of(speaker["source"]) == "a senior diplomat who asked not to be named"
    assert text_of(speaker["content"]) == "“The talks have failed,”"
    assert any(text_of(a["source"]) == "the Post" for a in found)  # the outlet link stays


# --- reported speech ------------------------------------------------------------------------------


def test_indirect_speech_with_that_clause(rules):
    (a,) = rules("Officials said that the talks would resume next week.")
    assert a["kind"] == "indirect"
    assert text_of(a["source"]) == "Officials"
    assert text_of(a["content"]) == "that the talks would resume next week"


@pytest.mark.parametrize(
    "verb",
    [
        "warned",
        "insisted",
        "acknowledged",
        "denied",
        "confirmed",
        "announced",
        "argued",
        "signalled",
        "indicated",
    ],
)
def test_reporting_verb_lexicon(rules, verb):
    (a,) = rules(f"The ministry {verb} that the convoy had crossed the border.")
    assert text_of(a["cue"]) == verb
    assert text_of(a["source"]) == "The ministry"
    assert text_of(a["content"]) == "that the convoy had crossed the border"


def test_cue_keeps_auxiliaries(rules):
    (a,) = rules("The newspaper has learned that the envoy resigned in March.")
    assert text_of(a["cue"]) == "has learned"
    assert text_of(a["content"]) == "that the envoy resigned in March"


def test_passive_with_agent(rules):
    (a,) = rules("The plan was first reported by the Tribune.")
    assert text_of(a["cue"]) == "was first reported by"
    assert text_of(a["source"]) == "the Tribune"
    assert text_of(a["content"]) == "The plan"


def test_passive_with_agent_and_quote(rules):
    (a,) = rules("The delegation was told by Moscow, “We will not sign this before spring.”")
    assert (text_of(a["source"]), text_of(a["cue"]), a["kind"]) == ("Moscow", "was told by", "direct")
    assert text_of(a["content"]) == "“We will not sign this before spring.”"


def test_impersonal_passive_has_no_source(rules):
    (a,) = rules("It was reported that the governor had resigned.")
    assert a["source"] is None
    assert a["kind"] == "no_source"
    assert text_of(a["content"]) == "that the governor had resigned"


def test_reportedly_attributes_its_clause_without_source(rules):
    text = "The governor reportedly resigned on Tuesday."
    (a,) = rules(text)
    assert (a["kind"], text_of(a["cue"]), a["source"]) == ("no_source", "reportedly", None)
    assert [text[s:e] for s, e in a["content"]["spans"]] == ["The governor", "resigned on Tuesday"]


def test_according_to_at_end(rules):
    (a,) = rules("The talks collapsed on Friday, according to three current and former Western officials.")
    assert a["kind"] == "according_to"
    assert text_of(a["source"]) == "three current and former Western officials"
    assert text_of(a["content"]) == "The talks collapsed on Friday"


def test_according_to_leaves_out_sentence_adverbial(rules):
    (a,) = rules("Still, the port handled more ships this year, according to the harbour authority.")
    assert text_of(a["content"]) == "the port handled more ships this year"


def test_according_to_at_start(rules):
    (a,) = rules("According to the ministry, the border will reopen on Monday.")
    assert text_of(a["source"]) == "the ministry"
    assert text_of(a["content"]) == "the border will reopen on Monday"


def test_thats_according_to(rules):
    (a,) = rules("That's according to early results of the exit polls.")
    assert (text_of(a["cue"]), text_of(a["content"])) == ("'s according to", "That")
    assert text_of(a["source"]) == "early results of the exit polls"


def test_reporting_clause_inside_content(rules):
    text = "The agreement, he said, is no longer on the table."
    (a,) = rules(text)
    assert text_of(a["source"]) == "he"
    assert [text[s:e] for s, e in a["content"]["spans"]] == ["The agreement", "is no longer on the table"]


def test_source_keeps_appositive_comma(rules):
    (a,) = rules("Chris Cox, who runs the group's lobbying arm, says the measures are wrong.")
    assert text_of(a["source"]) == "Chris Cox, who runs the group's lobbying arm,"
    assert text_of(a["content"]) == "the measures are wrong"


def test_trailing_participle_is_not_content(rules):
    attributions = rules("She said the budget was balanced, calling the report misleading.")
    said = by_cue(attributions, "said")
    assert text_of(said["content"]) == "the budget was balanced"


def test_naming_verb_takes_object_and_label(rules):
    (a,) = rules("The senator called the proposal a betrayal of voters.")
    assert (text_of(a["source"]), text_of(a["cue"])) == ("The senator", "called")
    assert text_of(a["content"]) == "the proposal a betrayal of voters"


def test_order_with_addressee(rules):
    (a,) = rules("The commander told the troops to hold the bridge.")
    assert text_of(a["content"]) == "the troops to hold the bridge"


def test_noun_phrase_said(rules):
    (a,) = rules("The judge said something very strange.")
    assert text_of(a["content"]) == "something very strange"


def test_described_as(rules):
    (a,) = rules("The governor described the budget as a disaster.")
    assert text_of(a["content"]) == "the budget as a disaster"


def test_raised_passive_has_no_source(rules):
    text = "The minister is expected to resign on Monday."
    (a,) = rules(text)
    assert (a["source"], text_of(a["cue"]), a["kind"]) == (None, "is expected", "no_source")
    assert [text[s:e] for s, e in a["content"]["spans"]] == ["The minister", "to resign on Monday"]


def test_refusal_is_the_cue(rules):
    (a,) = rules("The ministry declined to say whether the talks had failed.")
    assert (text_of(a["source"]), text_of(a["cue"])) == ("The ministry", "declined")
    assert text_of(a["content"]) == "to say whether the talks had failed"


def test_indirect_question(rules):
    (a,) = rules("The reporter asked whether the troops would stay.")
    assert text_of(a["content"]) == "whether the troops would stay"


def test_belief_verbs_count_in_third_person_only(rules):
    (a,) = rules("Analysts believe that the currency will fall.")
    assert (text_of(a["source"]), text_of(a["cue"])) == ("Analysts", "believe")
    quoted = rules("“I think the currency will fall,” the trader said.")
    assert [text_of(a["cue"]) for a in quoted] == ["said"]


def test_headline_speaker_colon(rules):
    attributions = rules("Okafor: Port Talks Will Resume in March\n\nThe talks stalled last week.")
    (a,) = attributions
    assert (text_of(a["source"]), text_of(a["cue"])) == ("Okafor", ":")
    assert text_of(a["content"]) == "Port Talks Will Resume in March"


def test_no_attribution_in_plain_narrative(rules):
    assert rules("The river rose overnight and flooded the lower town.") == []


def test_ids_in_text_order_and_certainty_left_open(rules):
    attributions = rules(
        "The mayor said the bridge would close. “It is unsafe,” an engineer added. "
        "The repairs will take a year, according to the city."
    )
    assert [a["id"] for a in attributions] == ["a1", "a2", "a3"]
    starts = [
        min(s for role in ("source", "cue", "content") if a[role] for s, _ in a[role]["spans"])
        for a in attributions
    ]
    assert starts == sorted(starts)
    assert all(a["certainty"] is None for a in attributions)


# --- chains ---------------------------------------------------------------------------------------


def test_citing_makes_a_child_attribution(rules):
    attributions = rules(
        "Reuters, citing two people familiar with the matter, reported that the deal was off."
    )
    reported = by_cue(attributions, "reported")
    citing = by_cue(attributions, "citing")
    assert text_of(reported["source"]) == "Reuters"
    assert text_of(citing["source"]) == "two people familiar with the matter"
    assert citing["content"] == reported["content"]
    assert citing["parent"] == reported["id"]
    assert reported["parent"] is None


@pytest.mark.parametrize(
    ("text", "reporter", "cue"),
    [
        (
            "Bloomberg reported, citing people familiar with the matter, that the bank would cut jobs.",
            "Bloomberg",
            "citing",
        ),
        ("The Journal, quoting a Saudi official, said that output would rise.", "The Journal", "quoting"),
    ],
)
def test_citing_phrase_is_neither_source_nor_content(rules, text, reporter, cue):
    attributions = rules(text)
    cited = by_cue(attributions, cue)
    parent = next(a for a in attributions if a["id"] == cited["parent"])
    assert text_of(parent["source"]) == reporter
    assert cue not in text_of(parent["content"])
    assert cited["content"] == parent["content"]


def test_told_the_outlet_heads_the_chain_and_nested_quote_links_to_reporter(rules):
    attributions = rules(
        "A senior European diplomat who attended the meeting told the Post that they were told, "
        "‘We will not sign this.’"
    )
    ids = {a["id"]: a for a in attributions}
    outlet = next(a for a in attributions if text_of(a["source"]) == "the Post")
    diplomat = next(
        a for a in attributions if text_of(a["source"]) != "the Post" and text_of(a["cue"]) == "told"
    )
    nested = by_cue(attributions, "were told")
    assert outlet["parent"] is None
    assert diplomat["parent"] == outlet["id"]
    assert nested["parent"] == diplomat["id"]
    assert text_of(nested["content"]) == "‘We will not sign this.’"
    chain = [nested]
    while chain[-1]["parent"]:
        chain.append(ids[chain[-1]["parent"]])
    assert [text_of(a["source"]) for a in chain][1:] == [
        "A senior European diplomat who attended the meeting",
        "the Post",
    ]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The minister told CNN's Jake Tapper that the border would stay closed.", "CNN"),
        (
            "The senator said in an interview with The New York Times that she would run again.",
            "The New York Times",
        ),
    ],
)
def test_outlet_interviewing_the_source_heads_the_chain(rules, text, outlet):
    attributions = rules(text)
    reporter = next(a for a in attributions if text_of(a["source"]) == outlet)
    speaker = next(a for a in attributions if a is not reporter)
    assert speaker["parent"] == reporter["id"]
    assert reporter["source_profile"]["type"] == "media"


def test_quote_inside_quote_links_to_outer_speaker(rules):
    attributions = rules(
        "“The rebels told us, ‘We will hold the city,’ and then they left,” the negotiator said."
    )
    outer = by_cue(attributions, "said")
    inner = by_cue(attributions, "told")
    assert text_of(inner["content"]) == "‘We will hold the city,’"
    assert inner["parent"] == outer["id"]


def test_citing_inside_according_to_source(rules):
    attributions = rules(
        "The talks stalled, according to a report by the Washington Post citing three people familiar "
        "with the talks."
    )
    according = by_cue(attributions, "according to")
    citing = by_cue(attributions, "citing")
    assert text_of(according["content"]) == "The talks stalled"
    assert text_of(citing["source"]) == "three people familiar with the talks"
    assert citing["parent"] == according["id"]
    assert according["source_profile"]["type"] == "media"
    assert text_of(according["source"]) == "a report by the Washington Post"


# --- the component --------------------------------------------------------------------------------


def test_component_fills_the_doc_extension(pipeline):
    try:
        doc = pipeline("“The vote is final,” the speaker said. Officials said the count was correct.")
    except ClaimtraceError as exc:  # the trained tagger's weights are built separately
        pytest.skip(str(exc))
    attributions = doc._.attributions
    assert isinstance(attributions, list) and attributions
    assert isinstance(attributions[0], Attribution)
    assert {"id", "kind", "source", "cue", "content", "parent", "source_profile", "certainty"} <= set(
        attributions[0].to_dict()
    )


FRAGMENTS = [
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "The minister",
    "she",
    "said",
    "told the Post",
    "that",
    "according to officials",
    "reportedly",
    "citing two aides",
    "the deal was off",
    ",",
    ".",
    ":",
    "\n\n",
    "was reported by Reuters",
    "It",
]


def assert_well_formed(text: str, attributions: list[dict[str, Any]]) -> None:
    ids = [a["id"] for a in attributions]
    assert ids == [f"a{n}" for n in range(1, len(ids) + 1)]
    for a in attributions:
        assert a["content"]["spans"], a
        assert a["kind"] in {"direct", "indirect", "mixed", "according_to", "no_source"}
        assert a["parent"] is None or (a["parent"] in ids and a["parent"] != a["id"])
        for role in ("source", "cue", "content"):
            if a[role] is not None:
                for s, e in a[role]["spans"]:
                    assert 0 <= s < e <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=25))
def test_news_like_text_gives_well_formed_attributions(rules, fragments):
    text = " ".join(fragments)
    assert_well_formed(text, rules(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([*"abc XYZ.,:;'\"“”‘’()—\n", "said ", "told "]), max_size=60).map("".join))
def test_arbitrary_text_gives_well_formed_attributions(rules, text):
    assert_well_formed(text, rules(text))


# --- second round: chains, paragraphs, formulas ------------------------------------------------------------


def test_fronted_citing_participle_is_a_child_of_the_reporter(rules):
    attributions = rules(
        "The ferry service may resume next month, according to a report by The Coastal Herald. "
        "Citing two current and former port officials, the newspaper said the operator could be ready "
        "to sail by May."
    )
    reporter = by_cue(attributions, "said")
    cited = by_cue(attributions, "Citing")
    assert text_of(reporter["source"]) == "the newspaper"
    assert text_of(reporter["content"]) == "the operator could be ready to sail by May"
    assert text_of(cited["source"]) == "two current and former port officials"
    assert text_of(cited["content"]) == text_of(reporter["content"])
    assert cited["parent"] == reporter["id"]
    profile = cited["source_profile"]
    assert (profile["type"], profile["count"], profile["former"]) == ("anonymous", 2, True)
    assert reporter["source_profile"]["resolved_to"] == "The Coastal Herald"


def test_headline_content_stays_on_its_line(rules):
    text = "Ferry operator ready to resume crossings, paper says\n\nThe company may restart service in May.\n"
    attributions = rules(text)
    says = by_cue(attributions, "says")
    assert text_of(says["content"]) == "Ferry operator ready to resume crossings"
    assert all("\n" not in text_of(a["content"]) for a in attributions)
    assert not any(text_of(a["cue"]) in ("to resume", "ready to resume") for a in attributions)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor is eager to announce a new budget.",
        "The union seemed willing to discuss a shorter week.",
    ],
)
def test_infinitive_of_an_adjective_is_not_a_report(rules, text):
    assert rules(text) == []


def test_that_clause_and_later_quote_are_separate_attributions(rules):
    attributions = rules(
        "Norland's trade minister, Pia Lund, said on Monday that her country would not sign the accord. "
        '"We were not consulted, and we will not sign," Lund told journalists.'
    )
    said, told = by_cue(attributions, "said"), by_cue(attributions, "told")
    assert text_of(said["content"]) == "that her country would not sign the accord"
    assert text_of(told["content"]) == '"We were not consulted, and we will not sign,"'
    assert len(attributions) == 2


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A port official who asked not to be named said the cranes had stopped.",
            "A port official who asked not to be named",
        ),
        (
            "An aide, who spoke on condition of anonymity, said the vote was delayed.",
            "An aide, who spoke on condition of anonymity,",
        ),
        (
            "A third adviser, who declined to be identified, said nothing had changed.",
            "A third adviser, who declined to be identified,",
        ),
    ],
)
def test_anonymity_formula_is_no_claim(rules, text, source):
    attributions = rules(text)
    said = by_cue(attributions, "said")
    assert text_of(said["source"]) == source
    assert said["source_profile"]["type"] == "anonymous"
    assert len(attributions) == 1


def test_outlet_told_shares_the_reported_clause(rules):
    attributions = rules("A senior port official told the Post that the cranes would stop on Friday.")
    outlet = next(a for a in attributions if text_of(a["source"]) == "the Post")
    official = next(a for a in attributions if a is not outlet)
    assert text_of(outlet["cue"]) == text_of(official["cue"]) == "told"
    assert (
        text_of(outlet["content"]) == text_of(official["content"]) == "that the cranes would stop on Friday"
    )
    assert official["parent"] == outlet["id"] and outlet["parent"] is None


def test_quoted_speaker_recounting_own_words_adds_no_source(rules):
    attributions = rules("“I told them, ‘The dock stays open,’ and they agreed,” the harbour master said.")
    assert [text_of(a["cue"]) for a in attributions] == ["said"]
    third_person = rules(
        "“The pilots told us, ‘The dock stays open,’ and we agreed,” the harbour master said."
    )
    assert sorted(text_of(a["cue"]) for a in third_person) == ["said", "told"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ferry operator isn’t saying when the crossings will resume.", "isn’t saying"),
        ("She’s predicting that the storm will pass by noon.", "’s predicting"),
    ],
)
def test_cue_keeps_contracted_auxiliaries(rules, text, cue):
    assert [text_of(a["cue"]) for a in rules(text)] == [cue]


def test_any_verb_closed_by_a_colon_introduces_the_quote_after_it(rules):
    attributions = rules("The harbour master gloated: “I told you the dock would hold.”")
    gloated = by_cue(attributions, "gloated:")
    assert text_of(gloated["source"]) == "The harbour master"
    assert text_of(gloated["content"]) == "“I told you the dock would hold.”"
    assert gloated["kind"] == "direct"


def test_colon_before_a_list_is_not_a_quote_introduction(rules):
    assert rules("The harbour master ordered three things: rope, tar and nails.") == []


def test_noun_modified_by_a_saying_participle_is_the_source(rules):
    attributions = rules("The survey showed a majority of sailors saying the pay was fair.")
    saying = by_cue(attributions, "saying")
    assert text_of(saying["source"]) == "a majority of sailors"
    assert text_of(saying["content"]) == "the pay was fair"


def test_speech_after_a_preposition_takes_the_clause_subject(rules):
    attributions = rules("The mayor was criticised for saying the harbour was safe.")
    saying = by_cue(attributions, "saying")
    assert text_of(saying["source"]) == "The mayor"
    assert text_of(saying["content"]) == "the harbour was safe"
