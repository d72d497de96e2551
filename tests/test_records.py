"""The typed results components put on Docs: serialised once to claimtrace/1 when the record is built, and
picklable (the engine's workers)."""

from __future__ import annotations

import json
import pickle

from claimtrace.analyze.pipeline import doc_to_record, load_pipeline, make_doc
from claimtrace.record import (
    Attribution,
    Certainty,
    Document,
    FactualityValue,
    Meta,
    Role,
    SourceProfile,
)

TEXT = "A senior diplomat told the Post that talks could resume."


def attribution(time: dict[str, str | None] | None = None) -> Attribution:
    return Attribution(
        id="a1",
        kind="indirect",
        source=Role("A senior diplomat", [(0, 17)]),
        cue=Role("told", [(18, 22)]),
        content=Role("talks could resume", [(37, 55)]),
        source_profile=SourceProfile(type="anonymous", count=1, seniority="senior"),
        certainty=Certainty(value=1.7, label="probable", cues=[Role("could", [(43, 48)])]),
        time=time,
    )


def test_an_attribution_serialises_to_the_claimtrace_1_shape() -> None:
    time = {"value": "2026-03-12", "basis": "published", "text": None, "timex3": None}
    out = attribution(time).to_dict()
    assert list(out) == [
        "id", "kind", "source", "cue", "content", "parent", "source_profile", "certainty", "time",
    ]  # fmt: skip
    assert out["source"] == {"text": "A senior diplomat", "spans": [[0, 17]]}
    assert out["source_profile"]["seniority"] == "senior"
    assert out["certainty"] == {
        "value": 1.7,
        "label": "probable",
        "cues": [{"text": "could", "spans": [[43, 48]]}],
    }
    assert out["time"] == time
    assert json.loads(json.dumps(out)) == out  # spans are lists, as JSON gives them back


def test_time_is_a_field_only_where_the_anchors_ran() -> None:
    assert "time" not in attribution().to_dict()


def test_a_factuality_value_serialises_to_its_four_fields() -> None:
    value = FactualityValue(start=43, end=48, text="could", value=0.5)
    assert value.to_dict() == {"start": 43, "end": 48, "text": "could", "value": 0.5}


def test_docs_with_results_pickle_and_the_record_serialises_them() -> None:
    nlp = load_pipeline(fast=True)
    document = Document(id="t", text=TEXT, meta=Meta(published="2026-03-12", published_basis="given"))
    doc = pickle.loads(pickle.dumps(nlp(make_doc(nlp, document))))
    assert all(isinstance(a, Attribution) for a in doc._.attributions)
    assert all(isinstance(v, FactualityValue) for v in doc._.factuality)
    record = doc_to_record(doc, document).to_dict()
    assert record["attributions"] == [a.to_dict() for a in doc._.attributions]
    assert record["factuality"] == [v.to_dict() for v in doc._.factuality]
    assert record["attributions"][0]["certainty"]["label"]
    assert record["attributions"][0]["time"]["basis"] == "published"
