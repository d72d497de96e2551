"""Vetting of merged attribution spans against the parse, on sentences written for these tests.

The merged list is built by hand in the shape the trained tagger produces, so that each refuted reading is
exercised whatever the current model happens to tag; the rule finder and the parse are the real ones.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimtrace.analyze.attribution.merge import vet_spans
from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.attribution.spans import AttributionSpans
from claimtrace.analyze.pipeline import load_pipeline
from claimtrace.record import Offsets

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():
    nlp = load_pipeline(components=("claimtrace_attribution",))

    def run(text: str) -> Doc:
        with nlp.select_pipes(disable=["claimtrace_attribution"]):
            return nlp(text)

    return run


def at(text: str, phrase: str) -> Offsets:
    start = text.index(phrase)
    return start, start + len(phrase)


def model_span(text: str, source: str | None, cue: str, content: str) -> AttributionSpans:
    return AttributionSpans(
        content=[at(text, content)],
        cue=[at(text, cue)],
        source=[at(text, source)] if source else [],
        origin="model",
    )


def roles(text: str, found: AttributionSpans) -> tuple[str, str, str]:
    return tuple(" ".join(text[s:e] for s, e in role) for role in (found.source, found.cue, found.content))


def test_citing_object_as_content_gives_way_to_the_rules(parse):
    text = "Citing two former harbour officials, the newspaper said the pier would close."
    doc = parse(text)
    wrong = model_span(text, None, "Citing", "two former harbour officials")
    said = model_span(text, "the newspaper", "said", "the pier would close")
    vetted = vet_spans(doc, [wrong, said], find_rule_attributions(doc))
    assert wrong not in vetted
    assert roles(text, vetted[-1]) == ("two former harbour officials", "Citing", "the pier would close")


def test_adjective_infinitive_cue_is_dropped(parse):
    text = "Harbour workers ready to end strike, union says"
    doc = parse(text)
    wrong = model_span(text, "Harbour workers", "to end", "strike")
    vetted = vet_spans(doc, [wrong], find_rule_attributions(doc))
    assert wrong not in vetted


def test_anonymity_formula_cue_is_dropped(parse):
    text = "A dock manager who asked not to be named said the cranes had stopped."
    doc = parse(text)
    wrong = model_span(text, "who", "asked", "not to be named")
    said = model_span(text, "A dock manager who asked not to be named", "said", "the cranes had stopped")
    assert vet_spans(doc, [wrong, said], find_rule_attributions(doc)) == [said]


def test_outlet_link_restored_beside_the_kept_reading(parse):
    text = "A senior dock manager told the Post that the cranes would stop."
    doc = parse(text)
    told = model_span(text, "A senior dock manager", "told", "that the cranes would stop")
    vetted = vet_spans(doc, [told], find_rule_attributions(doc))
    assert told in vetted
    assert ("the Post", "told", "that the cranes would stop") in [roles(text, f) for f in vetted]


def test_sound_spans_pass_unchanged(parse):
    text = "The harbour master said the channel was clear."
    doc = parse(text)
    said = model_span(text, "The harbour master", "said", "the channel was clear")
    assert vet_spans(doc, [said], find_rule_attributions(doc)) == [said]


def test_participle_modifier_cue_is_dropped(parse):
    text = "Two engineers briefed on the inspection said the bridge was sound."
    doc = parse(text)
    wrong = model_span(text, None, "briefed on", "the inspection")
    said = model_span(text, "Two engineers briefed on the inspection", "said", "the bridge was sound")
    assert vet_spans(doc, [wrong, said], find_rule_attributions(doc)) == [said]


def test_own_citing_report_stands(parse):
    text = "The ministry postponed the vote, citing the storm."
    doc = parse(text)
    cited = model_span(text, "The ministry", "citing", "the storm")
    assert vet_spans(doc, [cited], find_rule_attributions(doc)) == [cited]


def test_relative_clause_report_inside_a_source_stands(parse):
    text = "The engineer, who warned that the bridge was weak, said repairs would start soon."
    doc = parse(text)
    warned = model_span(text, "who", "warned", "that the bridge was weak")
    said = model_span(
        text, "The engineer, who warned that the bridge was weak,", "said", "repairs would start soon"
    )
    assert vet_spans(doc, [warned, said], find_rule_attributions(doc)) == [warned, said]
