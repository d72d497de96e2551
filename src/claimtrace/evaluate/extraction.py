"""Main-text extraction quality on the Zyte article-extraction benchmark (html/*.html.gz, ground-truth.json).

Scored as shared/design/evaluation.md and the benchmark define it: the text is split into `\\w+` tokens, and
each page's multiset of 4-token shingles is compared with the ground truth's, giving true positives, false
positives and false negatives normalised to sum to one (long pages weigh no more than short ones).
Precision is averaged over pages with any predicted or matched shingle, recall over pages with any true
one, and F1 is the harmonic mean of the two averages. The mean of per-page F1 is reported beside it.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtrace.errors import ClaimtraceError, InputError
from claimtrace.extract import extract
from claimtrace.read.decode import decode_bytes
from claimtrace.read.limited import read_file
from claimtrace.record import RawInput
from claimtrace.settings import Settings

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


@dataclass
class PageScore:
    id: str
    tp: float
    fp: float
    fn: float
    error: str | None = None

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.fp, self.fn, self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.fp, self.fn, self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ExtractionScore:
    precision: float
    recall: float
    f1: float
    mean_page_f1: float
    pages: list[PageScore] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[PageScore]:
        return [page for page in self.pages if page.error is not None]

    def to_dict(self) -> dict[str, object]:
        return {
            "pages": len(self.pages),
            "failed": len(self.failed),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "mean_page_f1": self.mean_page_f1,
            "seconds": self.seconds,
            "per_page": [
                {"id": p.id, "precision": p.precision, "recall": p.recall, "f1": p.f1, "error": p.error}
                for p in self.pages
            ],
        }


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-token shingles; a text shorter than `size` tokens is one short shingle."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens)


def score_page(page_id: str, true: str, predicted: str, error: str | None = None) -> PageScore:
    true_counts, predicted_counts = shingles(true), shingles(predicted)
    tp = sum((true_counts & predicted_counts).values())
    fp = sum((predicted_counts - true_counts).values())
    fn = sum((true_counts - predicted_counts).values())
    total = tp + fp + fn
    if total:
        return PageScore(page_id, tp / total, fp / total, fn / total, error)
    return PageScore(page_id, 0.0, 0.0, 0.0, error)


def summarise(pages: list[PageScore], seconds: float = 0.0) -> ExtractionScore:
    precision = statistics.fmean(p.precision for p in pages if p.tp + p.fp > 0) if pages else 0.0
    recall = statistics.fmean(p.recall for p in pages if p.tp + p.fn > 0) if pages else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    mean_page_f1 = statistics.fmean(p.f1 for p in pages) if pages else 0.0
    return ExtractionScore(precision, recall, f1, mean_page_f1, pages, seconds)


def evaluate_extraction(directory: Path, settings: Settings | None = None) -> ExtractionScore:
    """Extract every page of the benchmark in `directory` and score it against the ground truth."""
    settings = settings or Settings()
    started = time.perf_counter()
    pages = [
        score_page(page_id, truth, predicted, error)
        for page_id, truth, predicted, error in _predictions(directory, settings)
    ]
    return summarise(pages, time.perf_counter() - started)


def _predictions(directory: Path, settings: Settings) -> Iterator[tuple[str, str, str, str | None]]:
    truth_path = directory / "ground-truth.json"
    try:
        ground_truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ClaimtraceError(f"{truth_path}: cannot read the ground truth ({exc.strerror or exc})") from None
    except ValueError as exc:  # not UTF-8, or not JSON
        raise ClaimtraceError(f"{truth_path}: cannot read the ground truth ({exc})") from None
    if not isinstance(ground_truth, dict) or not all(isinstance(t, dict) for t in ground_truth.values()):
        raise ClaimtraceError(f"{truth_path}: expected an object of page id -> {{articleBody, url}}")
    for page_id, truth in sorted(ground_truth.items()):
        html_path = directory / "html" / f"{page_id}.html.gz"
        try:
            html = decode_bytes(read_file(html_path, str(html_path), settings.max_bytes), str(html_path))
            raw = RawInput(id=page_id, origin=str(html_path), html=html, url=truth.get("url"))
            yield page_id, truth.get("articleBody") or "", extract(raw, settings).text, None
        except InputError as exc:
            yield page_id, truth.get("articleBody") or "", "", str(exc)


def _ratio(tp: float, fp: float, fn: float, wrong: float) -> float:
    """Precision (wrong = fp) or recall (wrong = fn), with the benchmark's conventions for empty pages."""
    if fp == fn == 0:
        return 1.0
    if tp == wrong == 0:
        return 0.0
    return tp / (tp + wrong)
