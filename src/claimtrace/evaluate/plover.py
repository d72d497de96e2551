"""PLOVER root-type scoring on PLV-style data, as shared/design/evaluation.md describes.

PLV_train.tsv holds one sentence a row with the event's source and target marked (`<s>…</s>`, `<t>…</t>`)
and `gold_root` among 15 roots, where YIELD stands for today's CONCEDE + RETREAT. For each sentence
claimtrace codes events from the plain sentence; the scored event is the first whose actor matches the
marked source (their character spans share a word), else the first event; a sentence with no event counts as
wrong. Scores are accuracy and macro-F1 over the gold roots.

The held-back split: 20% of the rows, stratified by `gold_root`, drawn with `HELDOUT_SEED` from the rows in
file order (scikit-learn's `train_test_split`). Training never sees it (train/events.py uses `split_items`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrace.analyze.plover import legacy_root
from claimtrace.errors import InputError

HELDOUT_SEED = 20240204  # the PLOVER 2.0 manual's date
HELDOUT_FRACTION = 0.2
REQUIRED_COLUMNS = ("sentence_id", "sentence", "marked_sentence", "gold_root")
MARK = re.compile(r"</?[st]>")
WORD = re.compile(r"\w+")

Span = tuple[int, int]


@dataclass(frozen=True)
class PloverItem:
    sentence_id: str
    text: str
    source: list[Span]
    target: list[Span]
    label: str  # gold root (PLV's 15 roots)


def _marked_spans(marked: str, tag: str) -> tuple[str, list[Span]]:
    """Strip the markup; return the plain text and the character spans of `tag` in it."""
    plain: list[str] = []
    spans: list[Span] = []
    open_at: int | None = None
    position = 0
    for match in MARK.finditer(marked):
        plain.append(marked[position : match.start()])
        offset = sum(len(p) for p in plain)
        if match.group() == f"<{tag}>":
            open_at = offset
        elif match.group() == f"</{tag}>" and open_at is not None:
            spans.append((open_at, offset))
            open_at = None
        position = match.end()
    plain.append(marked[position:])
    return "".join(plain), spans


def read_plv(path: Path) -> list[PloverItem]:
    """Read PLV_train.tsv-shaped data; a malformed row raises InputError naming the file and line."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    with handle:
        try:
            items = _rows(path, csv.DictReader(handle, delimiter="\t"))
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        except csv.Error as exc:
            raise InputError(str(path), f"malformed TSV: {exc}") from exc
    if not items:
        raise InputError(str(path), "no rows")
    return items


def _rows(path: Path, reader: csv.DictReader) -> list[PloverItem]:
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(str(path), f"not a PLV table: missing column(s) {', '.join(missing)}")
    items = []
    for row in reader:
        marked, label = row.get("marked_sentence") or "", (row.get("gold_root") or "").strip()
        if not marked or not label:
            raise InputError(f"{path}:{reader.line_num}", "empty marked_sentence or gold_root")
        text, source = _marked_spans(marked, "s")
        _, target = _marked_spans(marked, "t")
        items.append(PloverItem(str(row.get("sentence_id") or "").strip(), text, source, target, label))
    return items


def split_items(items: Sequence[PloverItem]) -> tuple[list[PloverItem], list[PloverItem]]:
    """(training part, held-back part): fixed, stratified by gold root, seeded."""
    from sklearn.model_selection import train_test_split

    labels = [item.label for item in items]
    counts = Counter(labels)
    stratify = labels if min(counts.values()) >= 2 else None
    train_idx, heldout_idx = train_test_split(
        list(range(len(items))), test_size=HELDOUT_FRACTION, random_state=HELDOUT_SEED, stratify=stratify
    )
    return [items[i] for i in sorted(train_idx)], [items[i] for i in sorted(heldout_idx)]


def _words(text: str, spans: Iterable[Sequence[int]]) -> set[tuple[int, int]]:
    return {(s + m.start(), s + m.end()) for s, e in spans for m in WORD.finditer(text[s:e])}


def spans_match(text: str, first: Iterable[Sequence[int]], second: Iterable[Sequence[int]]) -> bool:
    """True when two span lists share a word of `text`."""
    return bool(_words(text, first) & _words(text, second))


def scored_event(text: str, events: Sequence[dict[str, Any]], source: list[Span]) -> dict[str, Any] | None:
    """The event whose actor matches the marked source, else the first event."""
    for event in events:
        actor = event.get("actor")
        if actor and source and spans_match(text, actor["spans"], source):
            return event
    return events[0] if events else None


def predicted_root(text: str, events: Sequence[dict[str, Any]], source: list[Span]) -> str | None:
    event = scored_event(text, events, source)
    return legacy_root(event["type"]) if event else None


@dataclass
class PloverScores:
    n: int
    accuracy: float
    macro_f1: float
    per_label: dict[str, dict[str, float]]
    no_event: int

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, "accuracy": self.accuracy, "macro_f1": self.macro_f1, "no_event": self.no_event,
                "per_label": self.per_label}  # fmt: skip


def score(gold: Sequence[str], predicted: Sequence[str | None]) -> PloverScores:
    """Accuracy and macro-F1 over the gold labels (a missing prediction is wrong for its gold label)."""
    labels = sorted(set(gold))
    per_label: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    correct = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    n = len(gold)
    return PloverScores(
        n=n,
        accuracy=correct / n if n else 0.0,
        macro_f1=sum(v["f1"] for v in per_label.values()) / len(per_label) if per_label else 0.0,
        per_label=per_label,
        no_event=sum(1 for p in predicted if p is None),
    )
