"""TIMEX3 scoring as TempEval-3 does it, on a JSONL corpus of TimeML documents.

Each line of `train.jsonl` is `{"id", "text", "published", "timexes": [{"start", "end", "text", "type",
"value"}]}` (offsets into `text`, end exclusive). Predicted and gold expressions are paired one to one,
largest character overlap first:
- relaxed extent: a pair overlaps; strict extent: a pair has the same offsets;
- value: a relaxed pair whose TIMEX3 values are equal (P over all predicted, R over all gold, as TempEval-3);
- type: the share of relaxed pairs with the same type (and type F1 over all, as for value).
Predicted spans are claimtrace's `times[]` entries that have a `timex3` (an age is none), less a leading
"since" (TimeML marks it as a signal, outside the expression). Values compare after ISO week numbers lose
their zero padding ("2000-W07" = "2000-W7", the form the AQUAINT gold uses).

Model choices are made on the documents that are not held out: every fifth document (in file order, the first
included) is held out (`is_held_out`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.errors import InputError

HOLDOUT_EVERY = 5
SIGNAL = re.compile(r"^since\s+", re.IGNORECASE)
WEEK = re.compile(r"-W0(\d)")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str | None
    value: str | None


@dataclass(frozen=True)
class TimexDocument:
    id: str
    text: str
    published: str | None
    timexes: tuple[Timex, ...]


def is_held_out(index: int) -> bool:
    """Whether the document at `index` of the file (in file order) is in the held-out fifth."""
    return index % HOLDOUT_EVERY == 0


def read_corpus(path: Path) -> list[TimexDocument]:
    documents = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                timexes = tuple(
                    Timex(t["start"], t["end"], t["text"], t.get("type"), t.get("value"))
                    for t in data["timexes"]
                )
                documents.append(TimexDocument(data["id"], data["text"], data.get("published"), timexes))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a timex document: {exc}") from exc
    return documents


def select(documents: Sequence[TimexDocument], split: str) -> list[TimexDocument]:
    """`heldout`: the held-out fifth; `rest`: the other four fifths (for choices); `all`: every document."""
    if split == "all":
        return list(documents)
    keep = split == "heldout"
    return [d for i, d in enumerate(documents) if is_held_out(i) == keep]


def predicted_timexes(text: str, times: Iterable[dict[str, Any]]) -> list[Timex]:
    """claimtrace `times[]` entries as TIMEX3 extents (a leading "since" dropped), with type and value."""
    found = []
    for time in times:
        if time.get("timex3") is None:
            continue  # not a TimeML time expression (a person's age, a bare number)
        start, end = time["start"], time["end"]
        if m := SIGNAL.match(text[start:end]):
            start += m.end()
        timex3 = time.get("timex3") or {}
        found.append(Timex(start, end, text[start:end], timex3.get("type"), timex3.get("value")))
    return found


def same_value(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and WEEK.sub(r"-W\1", a) == WEEK.sub(r"-W\1", b)


def _pairs(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping expressions, largest overlap first."""
    overlaps = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                overlaps.append((overlap, i, j))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, i, j in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((gold[i], predicted[j]))
    return pairs


def _f1(correct: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    precision = correct / n_predicted if n_predicted else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class TimexScores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    relaxed: int = 0
    strict: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
        """Score one document; returns its relaxed pairs (for error listings)."""
        pairs = _pairs(gold, predicted)
        self.documents += 1
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.relaxed += len(pairs)
        self.strict += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        self.value += sum(same_value(g.value, p.value) for g, p in pairs)
        self.type += sum(g.type == p.type for g, p in pairs)
        return pairs

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "relaxed": _f1(self.relaxed, self.predicted, self.gold),
            "strict": _f1(self.strict, self.predicted, self.gold),
            "value": _f1(self.value, self.predicted, self.gold),
            "type": _f1(self.type, self.predicted, self.gold),
            "type_accuracy": round(self.type / self.relaxed, 4) if self.relaxed else 0.0,
        }
