"""Event detection and actor coding on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

Each record is one news sentence with one coded event: `event` (a PLOVER type, or a legacy root such as
DEMAND or FIGHT, read as today's type), `source` and `target` lists of `{actorText, code, sector}`. Per
sentence, as shared/design/evaluation.md describes:
- detection: the gold type is among the predicted events' types;
- unexpected events: predicted events whose type is not the gold type (counted per event, not per type);
- root type: the scored event (actor matching a gold source, else the first) has the gold type;
- for a detected sentence, the matched event (of the gold type, actor matching a gold source first) is coded
  with the gold country (`code`: ISO 3166 alpha-3, or IGO/NGO) and sector, where the record codes one.

The held-out part: `HELDOUT_FRACTION` of the records, stratified by gold type, drawn with `HELDOUT_SEED`;
training (train/events.py) never sees it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.analyze.plover import current_type
from claimtrace.errors import InputError
from claimtrace.evaluate.plover import HELDOUT_SEED, PloverItem, spans_match

HELDOUT_FRACTION = 0.3
# CAMEO country codes that differ from ISO 3166 alpha-3; other non-ISO codes (IMG, ISM …) are not scored.
CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
ORGANISATION_CODES = frozenset({"IGO", "NGO"})

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldActor:
    text: str
    spans: list[Span]
    code: str | None  # ISO alpha-3, IGO or NGO; None where the record codes none we score
    sector: str | None  # the first three letters of the CAMEO sector ("CVLalb" → CVL); None where uncoded


@dataclass(frozen=True)
class GsrRecord:
    id: str
    text: str
    label: str  # today's PLOVER type
    sources: list[GoldActor]
    targets: list[GoldActor]

    def as_item(self) -> PloverItem:
        """The record as a PLV-style item (marked source and target spans) for training."""
        source = [s for actor in self.sources for s in actor.spans]
        target = [s for actor in self.targets for s in actor.spans]
        return PloverItem(self.id, self.text, source, target, self.label)


def _country(code: Any, iso3: frozenset[str]) -> str | None:
    code = CAMEO_CODES.get(str(code or "").upper(), str(code or "").upper())
    return code if code in iso3 or code in ORGANISATION_CODES else None


def _sector(sector: Any) -> str | None:
    value = str(sector or "")[:3].upper()
    return value if value.isalpha() and len(value) == 3 else None


def _actors(text: str, raw: Any, iso3: frozenset[str]) -> list[GoldActor]:
    actors = []
    for actor in raw if isinstance(raw, list) else []:
        if not isinstance(actor, dict):
            continue
        needle = str(actor.get("actorText", "")).strip()
        at = text.find(needle) if needle else -1
        spans = [(at, at + len(needle))] if at >= 0 else []
        actors.append(
            GoldActor(needle, spans, _country(actor.get("code"), iso3), _sector(actor.get("sector")))
        )
    return actors


def read_gsr(path: Path) -> list[GsrRecord]:
    """The gold-standard records with a sentence and an event (documentation records skipped)."""
    import pycountry

    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:  # not UTF-8, or not JSON
        raise InputError(str(path), f"not a readable JSON list of records: {exc}") from None
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InputError(str(path), "not a readable JSON list of records: expected a list of objects")
    iso3 = frozenset(country.alpha_3 for country in pycountry.countries)
    out = []
    for record in records:
        event, text = str(record.get("event", "")), record.get("text")
        if event == "DOCUMENT" or not event or not isinstance(text, str) or not text:
            continue
        out.append(GsrRecord(str(record.get("id", "")), text, current_type(event)[0],
                             _actors(text, record.get("source"), iso3),
                             _actors(text, record.get("target"), iso3)))  # fmt: skip
    return out


def split_records(records: Sequence[GsrRecord]) -> tuple[list[GsrRecord], list[GsrRecord]]:
    """(training part, held-out part): fixed, stratified by gold type, seeded."""
    from sklearn.model_selection import train_test_split

    labels = [r.label for r in records]
    counts = Counter(labels)
    stratify = labels if len(records) >= 10 and min(counts.values()) >= 2 else None
    if len(records) < 2:
        return list(records), []
    train_idx, heldout_idx = train_test_split(
        list(range(len(records))), test_size=HELDOUT_FRACTION, random_state=HELDOUT_SEED, stratify=stratify
    )
    return [records[i] for i in sorted(train_idx)], [records[i] for i in sorted(heldout_idx)]


def _actor_matches(text: str, event: dict[str, Any], gold: Sequence[GoldActor]) -> bool:
    actor = event.get("actor")
    spans = [s for g in gold for s in g.spans]
    return bool(actor and spans and spans_match(text, actor["spans"], spans))


@dataclass
class GsrScores:
    n: int
    detected: int
    unexpected: int
    root_correct: int
    country_n: int
    country_correct: int
    sector_n: int
    sector_correct: int
    no_actor: int  # matched events with no actor at all
    per_type: dict[str, dict[str, int]]

    def as_dict(self) -> dict[str, Any]:
        ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        return {
            "n": self.n,
            "detection_recall": ratio(self.detected, self.n),
            "unexpected_per_sentence": ratio(self.unexpected, self.n),
            "root_accuracy": ratio(self.root_correct, self.n),
            "actor_country_accuracy": ratio(self.country_correct, self.country_n),
            "actor_country_n": self.country_n,
            "actor_sector_accuracy": ratio(self.sector_correct, self.sector_n),
            "actor_sector_n": self.sector_n,
            "matched_without_actor": self.no_actor,
            "per_type": self.per_type,
        }


def score_gsr(records: Sequence[GsrRecord], predicted: Sequence[Sequence[dict[str, Any]]]) -> GsrScores:
    """Score predicted claimtrace/1 events (one list per record) against the records."""
    scores = GsrScores(len(records), 0, 0, 0, 0, 0, 0, 0, 0, {})
    for record, events in zip(records, predicted, strict=True):
        row = scores.per_type.setdefault(record.label, {"n": 0, "detected": 0, "root": 0})
        row["n"] += 1
        gold_type = [e for e in events if e["type"] == record.label]
        scores.unexpected += len(events) - len(gold_type)
        scored = next((e for e in events if _actor_matches(record.text, e, record.sources)), None)
        scored = scored or (events[0] if events else None)
        if scored is not None and scored["type"] == record.label:
            scores.root_correct += 1
            row["root"] += 1
        if not gold_type:
            continue
        scores.detected += 1
        row["detected"] += 1
        matched = next((e for e in gold_type if _actor_matches(record.text, e, record.sources)), gold_type[0])
        actor = matched.get("actor") or {}
        scores.no_actor += not actor
        codes = {g.code for g in record.sources if g.code}
        if codes:
            scores.country_n += 1
            scores.country_correct += actor.get("code") in codes
        sectors = {g.sector for g in record.sources if g.sector}
        if sectors:
            scores.sector_n += 1
            scores.sector_correct += actor.get("sector") in sectors
    return scores
