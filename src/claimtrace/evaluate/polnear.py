"""PolNeAR attribution scoring, exactly as shared/design/evaluation.md describes.

A corpus directory holds `text/<article>.txt` and `attributions/<article>_<annotator>.ann` (brat standoff);
the first annotator file of each article (sorted by name) is the gold standard. Roles are compared as sets of
`\\w+` tokens of the article text:
- per role (source, cue, content): exact match of token sets, and token-Jaccard (one-to-one greedy matching;
  a matched pair contributes its Jaccard to both precision and recall);
- triples: a predicted attribution matches a gold one when content Jaccard ≥ 0.5, cues overlap, and sources
  are both absent or have Jaccard ≥ 0.5 (one-to-one greedy matching, best pairs first).
Error analysis sorts unmatched attributions by kind, source type and outlet.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrace.analyze.attribution.spans import source_follows_cue
from claimtrace.errors import InputError
from claimtrace.record import Document, Meta, Offsets

ROLES = ("source", "cue", "content")
ATTRIBUTION_TYPES = frozenset({"Attribution", "Attribution-no-source"})
TOKEN = re.compile(r"\w+")
SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) ([^\t]*)\t")
EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
OPENING_QUOTES = "\"“‘'«"
PRONOUNS = frozenset(re.findall(r"\w+", "he she they it we i you him her them us one this that who which"))
UNNAMED_OPENERS = frozenset(
    re.findall(
        r"\w+",
        "a an the one two three four five six seven eight nine ten some several many most few all other "
        "others another both such these those his her their its our my your senior top former current",
    )
)
TRIPLE_THRESHOLD = 0.5
# Train-internal model selection holds out every 5th article of a split (`train attribution --holdout`,
# `eval polnear --holdout`; see `is_held_out`).
HOLDOUT_EVERY = 5


def is_held_out(index: int) -> bool:
    """Whether the article at `index` of a split (in `load_corpus` order) is in its held-out fifth."""
    return index % HOLDOUT_EVERY == 0


@dataclass(frozen=True)
class Triple:
    """One attribution as character spans (possibly discontinuous) into its article's text."""

    content: tuple[Offsets, ...]
    cue: tuple[Offsets, ...] = ()
    source: tuple[Offsets, ...] = ()

    def role(self, name: str) -> tuple[Offsets, ...]:
        return getattr(self, name)


@dataclass
class Article:
    id: str
    text: str
    attributions: list[Triple]
    outlet: str


@dataclass
class RoleScore:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    jaccard: float = 0.0

    def add(self, other: RoleScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.exact += other.exact
        self.jaccard += other.jaccard

    def figures(self) -> dict[str, float]:
        ep, er = _ratio(self.exact, self.predicted), _ratio(self.exact, self.gold)
        jp, jr = _ratio(self.jaccard, self.predicted), _ratio(self.jaccard, self.gold)
        return {
            "exact_p": ep,
            "exact_r": er,
            "exact_f1": _f1(ep, er),
            "jaccard_p": jp,
            "jaccard_r": jr,
            "jaccard_f1": _f1(jp, jr),
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class Example:
    article: str
    outlet: str
    triple: Triple
    text: str  # a readable rendering: "source | cue | content"


@dataclass
class Scores:
    roles: dict[str, RoleScore] = field(default_factory=lambda: {r: RoleScore() for r in ROLES})
    triple_gold: int = 0
    triple_predicted: int = 0
    triple_matched: int = 0
    misses: list[Example] = field(default_factory=list)
    false_alarms: list[Example] = field(default_factory=list)

    def figures(self) -> dict[str, object]:
        p = _ratio(self.triple_matched, self.triple_predicted)
        r = _ratio(self.triple_matched, self.triple_gold)
        return {
            "roles": {name: score.figures() for name, score in self.roles.items()},
            "triple": {
                "p": p,
                "r": r,
                "f1": _f1(p, r),
                "gold": self.triple_gold,
                "predicted": self.triple_predicted,
                "matched": self.triple_matched,
            },
        }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- reading the corpus -------------------------------------------------------------------------------------


def _parse_spans(raw: str, origin: str, line_no: int) -> tuple[Offsets, ...]:
    spans = []
    for part in raw.split(";"):
        bounds = part.split()
        if len(bounds) != 2 or not all(b.isdigit() for b in bounds):
            raise InputError(origin, f"line {line_no}: malformed span {part!r}")
        start, end = int(bounds[0]), int(bounds[1])
        if end < start:
            raise InputError(origin, f"line {line_no}: span end before start in {part!r}")
        spans.append((start, end))
    return tuple(sorted(spans))


def read_ann(path: Path, text_length: int | None = None) -> list[Triple]:
    """The attributions of one brat file: each `E` event of type Attribution(-no-source) with its roles
    (Content2, Content3 … are folded into the content)."""
    origin = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(origin, f"cannot read annotation file: {exc}") from exc
    spans: dict[str, tuple[str, tuple[Offsets, ...]]] = {}
    events: list[tuple[int, str]] = []
    for line_no, line in enumerate(lines, 1):
        if match := SPAN_LINE.match(line):
            tid, label, raw = match.groups()
            offsets = _parse_spans(raw, origin, line_no)
            if text_length is not None and offsets[-1][1] > text_length:
                raise InputError(origin, f"line {line_no}: span {offsets[-1]} beyond the text's end")
            spans[tid] = (label, offsets)
        elif match := EVENT_LINE.match(line):
            events.append((line_no, match.group(2)))
    triples = []
    for line_no, body in events:
        args = [arg.split(":", 1) for arg in body.split()]
        if any(len(arg) != 2 for arg in args):
            raise InputError(origin, f"line {line_no}: malformed event arguments {body!r}")
        if not args or args[0][0] not in ATTRIBUTION_TYPES:
            continue
        roles: dict[str, list[Offsets]] = defaultdict(list)
        for role, tid in args[1:]:
            if tid not in spans:
                raise InputError(origin, f"line {line_no}: event refers to unknown span {tid}")
            name = "content" if role.startswith("Content") else role.lower()
            if name in ROLES:
                roles[name].extend(spans[tid][1])
        if roles["content"]:
            triples.append(
                Triple(
                    content=tuple(sorted(roles["content"])),
                    cue=tuple(sorted(roles["cue"])),
                    source=tuple(sorted(roles["source"])),
                )
            )
    return triples


def read_publishers(metadata: Path) -> dict[str, str]:
    """Article file name → publisher, from PolNeAR's metadata.tsv."""
    with metadata.open(encoding="utf-8", newline="") as handle:
        return {
            row["filename"]: row["publisher"]
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("filename") and row.get("publisher")
        }


def load_corpus(directory: Path, limit: int | None = None) -> list[Article]:
    """Articles of a PolNeAR split with their first annotator's attributions, sorted by article id."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(directory), "not a PolNeAR split: expected text/ and attributions/ inside")
    publishers: dict[str, str] = {}
    for candidate in (directory / "metadata.tsv", directory.parent / "metadata.tsv"):
        if candidate.is_file():
            publishers = read_publishers(candidate)
            break
    annotations: dict[str, list[Path]] = defaultdict(list)
    for ann in ann_dir.glob("*.ann"):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    articles = []
    for text_path in sorted(text_dir.glob("*.txt")):
        article_id = text_path.stem
        if article_id not in annotations:
            continue
        try:
            # newline="" keeps "\r\n" as two characters, as brat counts them
            text = text_path.open(encoding="utf-8", newline="").read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(text_path), f"cannot read text: {exc}") from exc
        gold = read_ann(sorted(annotations[article_id])[0], len(text))
        outlet = publishers.get(article_id, article_id.split("_", 1)[0])
        articles.append(Article(id=article_id, text=text, attributions=gold, outlet=outlet))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise InputError(str(directory), "no article has both a text and an annotation file")
    return articles


# --- comparing roles ----------------------------------------------------------------------------------------


class TokenIndex:
    """The `\\w+` tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in TOKEN.finditer(text):
            self.starts.append(match.start())
            self.ends.append(match.end())

    def tokens(self, spans: Iterable[Offsets]) -> frozenset[object]:
        """Indices of the tokens a span overlaps; a span with no word character (a cue ":") is compared by
        its character positions instead, so it can still match."""
        found: set[object] = set()
        chars: set[object] = set()
        for start, end in spans:
            lo = _bisect_right(self.ends, start)
            while lo < len(self.starts) and self.starts[lo] < end:
                found.add(lo)
                lo += 1
            chars.update(("char", i) for i in range(start, end))
        return frozenset(found) if found else frozenset(chars)


def _bisect_right(values: Sequence[int], x: int) -> int:
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def jaccard(a: frozenset[object], b: frozenset[object]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b) if a | b else 0.0


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """One-to-one matching taking the best-scoring pairs first (ties: earlier gold, earlier prediction)."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen = []
    for score, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            chosen.append((score, g, p))
    return chosen


def score_role(gold: set[frozenset[object]], predicted: set[frozenset[object]]) -> RoleScore:
    """Exact and Jaccard counts for the distinct instances of one role in one article."""
    gold_list, pred_list = sorted(gold, key=sorted_key), sorted(predicted, key=sorted_key)
    pairs = [
        (jaccard(g, p), gi, pi) for gi, g in enumerate(gold_list) for pi, p in enumerate(pred_list) if g & p
    ]
    matched = _greedy(pairs)
    return RoleScore(
        gold=len(gold),
        predicted=len(predicted),
        exact=len(gold & predicted),
        jaccard=sum(score for score, _, _ in matched),
    )


def sorted_key(tokens: frozenset[object]) -> tuple[str, ...]:
    return tuple(sorted(map(str, tokens)))


@dataclass(frozen=True)
class _TokenTriple:
    content: frozenset[object]
    cue: frozenset[object]
    source: frozenset[object]


def _triple_score(gold: _TokenTriple, pred: _TokenTriple) -> float | None:
    """Match strength of a predicted triple against a gold one, or None when they do not match."""
    content = jaccard(gold.content, pred.content)
    if content < TRIPLE_THRESHOLD:
        return None
    if not gold.cue & pred.cue:
        return None
    if gold.source or pred.source:
        source = jaccard(gold.source, pred.source) if gold.source and pred.source else 0.0
        if source < TRIPLE_THRESHOLD:
            return None
    else:
        source = 1.0
    return content + source + jaccard(gold.cue, pred.cue)


def score_article(article: Article, predicted: Sequence[Triple], scores: Scores) -> None:
    """Add one article's comparison to the running totals (and its unmatched triples to the error lists)."""
    index = TokenIndex(article.text)

    def as_tokens(triple: Triple) -> _TokenTriple:
        return _TokenTriple(
            **{r: index.tokens(triple.role(r)) if triple.role(r) else frozenset() for r in ROLES}
        )

    gold_tokens = [as_tokens(t) for t in article.attributions]
    pred_tokens = [as_tokens(t) for t in predicted]
    for role in ROLES:
        gold_set = {getattr(t, role) for t in gold_tokens if getattr(t, role)}
        pred_set = {getattr(t, role) for t in pred_tokens if getattr(t, role)}
        scores.roles[role].add(score_role(gold_set, pred_set))
    pairs = []
    for gi, g in enumerate(gold_tokens):
        for pi, p in enumerate(pred_tokens):
            strength = _triple_score(g, p)
            if strength is not None:
                pairs.append((strength, gi, pi))
    matched = _greedy(pairs)
    scores.triple_gold += len(gold_tokens)
    scores.triple_predicted += len(pred_tokens)
    scores.triple_matched += len(matched)
    matched_gold = {g for _, g, _ in matched}
    matched_pred = {p for _, _, p in matched}
    for gi, triple in enumerate(article.attributions):
        if gi not in matched_gold:
            scores.misses.append(_example(article, triple))
    for pi, triple in enumerate(predicted):
        if pi not in matched_pred:
            scores.false_alarms.append(_example(article, triple))


def score_corpus(articles: Sequence[Article], predictions: Sequence[Sequence[Triple]]) -> Scores:
    if len(articles) != len(predictions):
        raise ValueError(f"{len(articles)} articles but {len(predictions)} prediction lists")
    scores = Scores()
    for article, predicted in zip(articles, predictions, strict=True):
        score_article(article, predicted, scores)
    return scores


def triples_from_record(attributions: Iterable[dict[str, Any]], outlet_links: bool = False) -> list[Triple]:
    """Triples from claimtrace/1 attribution dicts.

    PolNeAR annotates the speaker of "X told the Post that …" and never the outlet that heard it; claimtrace
    adds the outlet as a second attribution of the same cue and content that heads the chain (the speaker's
    `parent`). Those outlet links are left out unless `outlet_links` is set, so that the comparison is with
    what PolNeAR's annotators could have marked."""

    def spans(role: object) -> tuple[Offsets, ...]:
        if not isinstance(role, dict):
            return ()
        return tuple(sorted((int(s), int(e)) for s, e in role.get("spans", [])))

    attributions = list(attributions)
    links = set() if outlet_links else _outlet_links(attributions)
    triples = []
    for attribution in attributions:
        content = spans(attribution.get("content"))
        if content and attribution.get("id") not in links:
            triples.append(
                Triple(
                    content=content,
                    cue=spans(attribution.get("cue")),
                    source=spans(attribution.get("source")),
                )
            )
    return triples


def _outlet_links(attributions: list[dict[str, Any]]) -> set[object]:
    """Ids of attributions that only restate a child's reporting act with the outlet as source: the parent of
    an attribution with the same cue and content, whose source comes after the cue."""
    by_id = {a.get("id"): a for a in attributions}
    links: set[object] = set()
    for child in attributions:
        parent = by_id.get(child.get("parent"))
        if parent is None or not parent.get("source") or not parent.get("cue"):
            continue
        same_act = parent["cue"] == child.get("cue") and parent.get("content") == child.get("content")
        if same_act and source_follows_cue(parent["source"].get("spans", []), parent["cue"].get("spans", [])):
            links.add(parent.get("id"))
    return links


# --- error analysis -----------------------------------------------------------------------------------------


def _render(text: str, spans: tuple[Offsets, ...]) -> str:
    return " … ".join(" ".join(text[s:e].split()) for s, e in spans)


def _example(article: Article, triple: Triple) -> Example:
    content = _render(article.text, triple.content)
    if len(content) > 90:
        content = content[:87] + "…"
    source, cue = _render(article.text, triple.source) or "∅", _render(article.text, triple.cue) or "∅"
    shown = f"{source} | {cue} | {content}"
    return Example(article=article.id, outlet=article.outlet, triple=triple, text=shown)


def attribution_kind(text: str, triple: Triple) -> str:
    """direct / indirect / according-to / no-source, read from the annotated text itself."""
    if not triple.source:
        return "no-source"
    cue = _render(text, triple.cue).lower()
    if cue.startswith("according"):
        return "according-to"
    content = _render(text, triple.content).strip()
    before = text[max(0, triple.content[0][0] - 2) : triple.content[0][0]]
    if (content[:1] in OPENING_QUOTES) or any(q in before for q in OPENING_QUOTES):
        return "direct"
    return "indirect"


def source_type(text: str, triple: Triple) -> str:
    """named / anonymous / pronoun / none, from the source's wording (capitalised words beyond the opener)."""
    if not triple.source:
        return "none"
    words = TOKEN.findall(_render(text, triple.source))
    if not words:
        return "anonymous"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    capitalised = [
        w
        for i, w in enumerate(words)
        if w[:1].isupper() and not (i == 0 and w.lower() in UNNAMED_OPENERS | PRONOUNS)
    ]
    return "named" if capitalised else "anonymous"


def _spans_overlap(a: tuple[Offsets, ...], b: tuple[Offsets, ...]) -> bool:
    return any(s < f and t < e for s, e in a for t, f in b)


@dataclass
class Breakdown:
    """Misses and false alarms counted under one grouping, with a few examples per group."""

    title: str
    misses: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    miss_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    alarm_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "misses": dict(self.misses),
            "false_alarms": dict(self.false_alarms),
            "miss_examples": dict(self.miss_examples),
            "false_alarm_examples": dict(self.alarm_examples),
        }


def error_breakdowns(scores: Scores, texts: dict[str, str], examples: int = 3) -> list[Breakdown]:
    """Group unmatched gold (misses) and unmatched predictions (false alarms) by kind, source type, outlet."""
    misses_by_article: dict[str, list[Triple]] = defaultdict(list)
    alarms_by_article: dict[str, list[Triple]] = defaultdict(list)
    for ex in scores.misses:
        misses_by_article[ex.article].append(ex.triple)
    for ex in scores.false_alarms:
        alarms_by_article[ex.article].append(ex.triple)

    def cause(ex: Example, is_miss: bool) -> str:
        """ "boundary" when an unmatched triple on the other side shares the cue (found, but its spans
        differ), else "not found" (a miss) or "spurious" (a false alarm)."""
        rivals = (alarms_by_article if is_miss else misses_by_article)[ex.article]
        if any(_spans_overlap(ex.triple.cue, rival.cue) for rival in rivals):
            return "boundary"
        return "not found" if is_miss else "spurious"

    groupings = {
        "cause": cause,
        "kind": lambda ex, _: attribution_kind(texts[ex.article], ex.triple),
        "source": lambda ex, _: source_type(texts[ex.article], ex.triple),
        "outlet": lambda ex, _: ex.outlet,
    }
    breakdowns = []
    for title, key in groupings.items():
        breakdown = Breakdown(title=title)
        for ex in scores.misses:
            group = key(ex, True)
            breakdown.misses[group] += 1
            if len(breakdown.miss_examples[group]) < examples:
                breakdown.miss_examples[group].append(f"{ex.article}: {ex.text}")
        for ex in scores.false_alarms:
            group = key(ex, False)
            breakdown.false_alarms[group] += 1
            if len(breakdown.alarm_examples[group]) < examples:
                breakdown.alarm_examples[group].append(f"{ex.article}: {ex.text}")
        breakdowns.append(breakdown)
    return breakdowns


# --- predicting -------------------------------------------------------------------------------------------


def predict(
    articles: list[Article],
    outlet_links: bool = False,
    rules_only: bool = False,
    model_dir: Path | None = None,
    fast: bool = False,
    encoder_dir: Path | None = None,
) -> list[list[object]]:
    """Run claimtrace's attribution component over each text verbatim (as `--no-clean` does), in the default
    profile (the packaged encoder or the one in `encoder_dir`) or the fast one (the packaged CRF tagger or
    the one in `model_dir`); with `rules_only`, the rule finder alone (the trained taggers have seen the
    training split, so errors on it are read from the rules)."""
    from claimtrace.analyze.pipeline import ATTRIBUTION, analyze_documents, load_pipeline

    if rules_only:
        return _predict_rules(articles, outlet_links)
    nlp = load_pipeline(
        components=(ATTRIBUTION,), attribution_model=model_dir, fast=fast, encoder_model=encoder_dir
    )
    documents = [Document(id=a.id, text=a.text, meta=Meta()) for a in articles]
    return [
        triples_from_record(record.attributions, outlet_links)
        for record in analyze_documents(documents, nlp=nlp)
    ]


def _predict_rules(articles: list[Article], outlet_links: bool) -> list[list[object]]:
    from claimtrace.analyze.attribution.component import build_attributions
    from claimtrace.analyze.attribution.rules import find_rule_attributions
    from claimtrace.analyze.pipeline import load_pipeline

    nlp = load_pipeline(components=())
    return [
        triples_from_record(
            [a.to_dict() for a in build_attributions(doc, find_rule_attributions(doc))], outlet_links
        )
        for doc in nlp.pipe((a.text for a in articles), batch_size=32)
    ]
