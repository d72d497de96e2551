"""Training the attribution tagger (`claimtrace.analyze.attribution.tagger`) on a PolNeAR split.

Gold brat spans are aligned to spaCy tokens (a token belongs to a role when it overlaps the role's
characters), then two CRFs are trained with L-BFGS: the cue tagger over every sentence, the source/content
tagger over the window of every gold cue. Parsed Docs are cached outside the repository (a DocBin per corpus
directory) so repeated runs skip the parse.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pycrfsuite
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimtrace.analyze.attribution.rules import find_rule_attributions
from claimtrace.analyze.attribution.tagger import (
    CARD,
    CUE_MODEL,
    CUE_PRIORS,
    CUE_SCORER,
    ROLE_MODEL,
    AttributionTagger,
    CueScorer,
    ParsedDoc,
    cue_features,
    cue_sequences,
    parse_with_rule_cues,
    prior_key,
    role_features,
    role_window,
)
from claimtrace.evaluate.polnear import Article, Triple, is_held_out, load_corpus, score_corpus

# c1/c2 of both CRFs chosen with --holdout (cue 0.1/0.01 and 0.05/0.005, roles 0.1/0.01 scored lower on the
# held-out fifth of train)
CUE_PARAMS = {"c1": 0.2, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}
CUE_THRESHOLDS = (1.0, 0.45, 0.35, 0.25)  # 1.0: Viterbi cues only
PRIOR_FOLDS = 5  # also the folds of the cue scorer's out-of-fold scores
# The cue scorer: one hidden layer of SCORER_HIDDEN units, L2 SCORER_ALPHA, stopped after SCORER_EPOCHS passes
# (stopping early is its regulariser). Chosen by the average precision of cue tokens on a held-out fifth of
# train: 0.584 (0.570 without the children's mean vector; 0.487 with the logistic scorer it replaced; 0.560
# with 40 passes, 0.533 with 3 in 4 non-cue tokens dropped).
SCORER_HIDDEN = 64
SCORER_ALPHA = 1e-3
SCORER_EPOCHS = 15
PRIOR_STRENGTH = 2.0
PRIOR_MIN_COUNT = 3
ROLE_PARAMS = {"c1": 0.2, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}
Report = Callable[[str], None]


@dataclass
class GoldDoc:
    """A parsed article with its gold attributions as spaCy token indices."""

    parsed: ParsedDoc
    attributions: list[tuple[list[int], list[list[int]], list[list[int]]]] = field(default_factory=list)
    # each: (cue tokens, source pieces, content pieces); pieces are token-index runs

    @property
    def cue_tokens(self) -> set[int]:
        return {i for cue, _, _ in self.attributions for i in cue}


def tokens_in(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[list[int]]:
    """For each character span, the non-space tokens overlapping it (empty pieces dropped)."""
    pieces = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        piece = [t.i for t in span if not t.is_space]
        if piece:
            pieces.append(piece)
    return pieces


def align(article: Article, doc: Doc) -> GoldDoc:
    gold = GoldDoc(parsed=parse_with_rule_cues(doc, find_rule_attributions(doc)))
    for triple in article.attributions:
        cue = sorted({i for piece in tokens_in(doc, triple.cue) for i in piece})
        if not cue:
            continue
        gold.attributions.append((cue, tokens_in(doc, triple.source), tokens_in(doc, triple.content)))
    return gold


def parsed_corpus(directory: Path, nlp: Language, cache_dir: Path | None, report: Report) -> list[GoldDoc]:
    """Load a split, parse its texts (or reuse the cached parse) and align the gold spans."""
    articles = load_corpus(directory)
    docs: list[Doc] | None = None
    cache = None
    if cache_dir is not None:
        digest = hashlib.sha1("".join(a.id + a.text for a in articles).encode()).hexdigest()[:16]
        cache = cache_dir / f"polnear-{digest}.spacy"
        if cache.is_file():
            docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
            report(f"reused parse of {len(docs)} articles from {cache}")
            if "tok2vec" in nlp.pipe_names:  # a DocBin keeps no tensors: recompute the token vectors
                docs = list(nlp.get_pipe("tok2vec").pipe(docs, batch_size=32))
    if docs is None:
        started = time.perf_counter()
        docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
        report(f"parsed {len(docs)} articles from {directory} in {time.perf_counter() - started:.0f} s")
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            bin_ = DocBin(store_user_data=False)
            for doc in docs:
                bin_.add(doc)
            bin_.to_disk(cache)
    return [align(article, doc) for article, doc in zip(articles, docs, strict=True)]


def bio(length: int, pieces: Iterable[tuple[str, Sequence[int]]]) -> list[str]:
    """BIO labels over sequence positions; later pieces do not overwrite earlier ones."""
    labels = ["O"] * length
    for role, positions in pieces:
        fresh = [p for p in sorted(positions) if labels[p] == "O"]
        for k, p in enumerate(fresh):
            labels[p] = f"{'B' if k == 0 or fresh[k - 1] != p - 1 else 'I'}-{role}"
    return labels


def cue_examples(
    gold: GoldDoc, priors: Mapping[str, float] | None = None
) -> Iterable[tuple[list[list[str]], list[str]]]:
    cue_pieces = [cue for cue, _, _ in gold.attributions]
    for tokens in cue_sequences(gold.parsed):
        position = {t: p for p, t in enumerate(tokens)}
        pieces = [("Cue", [position[i] for i in cue if i in position]) for cue in cue_pieces]
        yield cue_features(gold.parsed, tokens, priors), bio(len(tokens), [p for p in pieces if p[1]])


def prior_counts(golds: Iterable[GoldDoc]) -> tuple[Counter[str], Counter[str]]:
    """How often each lemma (and lemma|dependency) occurs, and how often as part of a gold cue."""
    seen: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for gold in golds:
        cue_tokens = gold.cue_tokens
        parsed = gold.parsed
        for sentence in parsed.sentences:
            for i in sentence:
                keys = (prior_key(parsed.lemmas[i]), prior_key(parsed.lemmas[i], parsed.deps[i]))
                seen.update(keys)
                if i in cue_tokens:
                    in_cue.update(keys)
    return seen, in_cue


def smoothed_priors(seen: Counter[str], in_cue: Counter[str]) -> dict[str, float]:
    """P(cue | key), pulled towards the corpus rate by PRIOR_STRENGTH pseudo-counts; keys never in a cue or
    seen fewer than PRIOR_MIN_COUNT times are left out (the tagger reads them as "none")."""
    base = sum(in_cue.values()) / max(1, sum(seen.values()))
    return {
        key: round((in_cue[key] + PRIOR_STRENGTH * base) / (count + PRIOR_STRENGTH), 4)
        for key, count in seen.items()
        if count >= PRIOR_MIN_COUNT and in_cue[key] > 0
    }


def out_of_fold_priors(golds: Sequence[GoldDoc]) -> list[dict[str, float]]:
    """For each training article, the priors counted on the other folds, so that the cue tagger learns how
    far to trust a prior it has not seen the article's own cues in (as at inference)."""
    folds = [prior_counts(golds[k::PRIOR_FOLDS]) for k in range(PRIOR_FOLDS)]
    seen_all = sum((seen for seen, _ in folds), Counter())
    cue_all = sum((in_cue for _, in_cue in folds), Counter())
    by_fold = [smoothed_priors(seen_all - seen, cue_all - in_cue) for seen, in_cue in folds]
    return [by_fold[k % PRIOR_FOLDS] for k in range(len(golds))]


def scorer_data(golds: Iterable[GoldDoc]) -> tuple[np.ndarray, np.ndarray]:
    """Dense features and cue/not-cue labels of every sentence token."""
    rows, labels = [], []
    for gold in golds:
        parsed = gold.parsed
        if parsed.dense is None:
            continue
        tokens = [i for sentence in parsed.sentences for i in sentence]
        cue_tokens = gold.cue_tokens
        rows.append(parsed.dense[tokens])
        labels.append(np.fromiter((i in cue_tokens for i in tokens), dtype=bool, count=len(tokens)))
    if not rows:
        return np.zeros((0, 0), dtype=np.float32), np.zeros(0, dtype=bool)
    return np.vstack(rows), np.concatenate(labels)


def fit_scorer(golds: Sequence[GoldDoc], seed: int) -> CueScorer | None:
    rows, labels = scorer_data(golds)
    if not len(labels) or labels.all() or not labels.any():
        return None
    model = MLPClassifier((SCORER_HIDDEN,), alpha=SCORER_ALPHA, max_iter=SCORER_EPOCHS, random_state=seed)
    with warnings.catch_warnings():  # stopping before convergence is intended
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(rows, labels)
    (hidden_weights, output_weights), (hidden_bias, output_bias) = model.coefs_, model.intercepts_
    return CueScorer(hidden_weights, hidden_bias, output_weights[:, 0], float(output_bias[0]))


def out_of_fold_scores(golds: Sequence[GoldDoc], seed: int) -> None:
    """Set each training article's cue scores from a scorer fitted on the other folds, so that the cue
    tagger learns how far to trust the scorer on text it was not fitted to (as at inference)."""
    for k in range(PRIOR_FOLDS):
        rest = [g for j, g in enumerate(golds) if j % PRIOR_FOLDS != k]
        scorer = fit_scorer(rest, seed)
        for gold in golds[k::PRIOR_FOLDS]:
            gold.parsed.cue_scores = scorer.score(gold.parsed) if scorer is not None else None


@dataclass(frozen=True)
class CueWindow:
    """One gold cue with its source and content pieces and its role window (`tagger.role_window`)."""

    cue: list[int]
    sources: list[list[int]]
    contents: list[list[int]]
    tokens: list[int]
    position: dict[int, int]  # token index → place in `tokens`


def cue_windows(gold: GoldDoc) -> Iterator[CueWindow]:
    """The role windows of an article's gold cues, in annotation order; a cue annotated twice gives its first
    annotation only. Every role model trains on exactly these windows, in this order."""
    seen: set[tuple[int, ...]] = set()
    for cue, sources, contents in gold.attributions:
        if tuple(cue) in seen:
            continue
        seen.add(tuple(cue))
        tokens = role_window(gold.parsed, cue)
        yield CueWindow(cue, sources, contents, tokens, {t: p for p, t in enumerate(tokens)})


def role_examples(gold: GoldDoc) -> Iterable[tuple[list[list[str]], list[str]]]:
    other_cues = gold.cue_tokens
    for window in cue_windows(gold):
        position = window.position
        pieces = [("Source", [position[i] for i in piece if i in position]) for piece in window.sources]
        pieces += [("Content", [position[i] for i in piece if i in position]) for piece in window.contents]
        labels = bio(len(window.tokens), [p for p in pieces if p[1]])
        yield role_features(gold.parsed, window.tokens, window.cue, other_cues), labels


def train_crf(
    examples: Iterable[tuple[list[list[str]], list[str]]], params: dict[str, object], path: Path, seed: int
) -> int:
    """Train one CRF (examples in a seeded order) and return the number of training sequences."""
    ordered = list(examples)
    random.Random(seed).shuffle(ordered)
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in ordered:
        trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(path))
    return len(ordered)


def predict(tagger: AttributionTagger, golds: Sequence[GoldDoc]) -> list[list[Triple]]:
    predictions = []
    for gold in golds:
        spans = tagger.attributions(gold.parsed, tagger.cues(gold.parsed))
        predictions.append(
            [Triple(content=tuple(a.content), cue=tuple(a.cue), source=tuple(a.source)) for a in spans]
        )
    return predictions


def select_threshold(
    tagger: AttributionTagger, directory: Path, golds: Sequence[GoldDoc], report: Report
) -> tuple[float, dict[str, object], dict[str, float]]:
    """Model selection on the dev split: the cue threshold with the best triple F1, with its scores."""
    articles = load_corpus(directory)
    results: list[tuple[float, float, dict[str, object]]] = []
    for threshold in CUE_THRESHOLDS:
        tagger.cue_threshold = threshold
        figures = score_corpus(articles, predict(tagger, golds)).figures()
        f1 = float(figures["triple"]["f1"])  # type: ignore[index]
        report(f"cue threshold {threshold}: dev triple F1 {100 * f1:.1f}")
        results.append((threshold, f1, figures))
    threshold, _, figures = max(results, key=lambda result: result[1])
    return threshold, figures, {str(t): round(f1, 4) for t, f1, _ in results}


def train(
    train_dir: Path,
    out_dir: Path,
    nlp: Language,
    dev_dir: Path | None = None,
    seed: int = 13,
    cache_dir: Path | None = None,
    report: Report = print,
) -> dict[str, object]:
    """Train both CRFs on train_dir, write them and a model card to out_dir, and score on dev_dir if given."""
    started = time.perf_counter()
    golds = parsed_corpus(train_dir, nlp, cache_dir, report)
    card = fit(golds, out_dir, seed, report)
    card["training_data"] = f"PolNeAR {train_dir.name} ({len(golds)} articles, first annotator per article)"
    card["spacy_model"] = nlp.meta.get("name", "")
    card["training_seconds"] = round(time.perf_counter() - started)
    (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    if dev_dir is not None:
        dev = parsed_corpus(dev_dir, nlp, cache_dir, report)
        threshold, figures, sweep = select_threshold(AttributionTagger(out_dir), dev_dir, dev, report)
        card["cue_threshold"] = threshold
        card["dev_triple_f1_by_cue_threshold"] = sweep
        card["dev_scores"] = rounded_figures(figures)
        (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def holdout(
    train_dir: Path,
    out_dir: Path,
    nlp: Language,
    seed: int = 13,
    cache_dir: Path | None = None,
    report: Report = print,
) -> dict[str, object]:
    """Train-internal model selection: fit on four fifths of train_dir (every 5th article held out) into
    out_dir and score the tagger alone on the held-out fifth, so that choices need not be tuned on dev."""
    golds = parsed_corpus(train_dir, nlp, cache_dir, report)
    articles = load_corpus(train_dir)
    held = [k for k in range(len(golds)) if is_held_out(k)]
    card = fit([g for k, g in enumerate(golds) if not is_held_out(k)], out_dir, seed, report)
    predictions = predict(AttributionTagger(out_dir), [golds[k] for k in held])
    card["holdout_scores"] = rounded_figures(score_corpus([articles[k] for k in held], predictions).figures())
    (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def fit(golds: Sequence[GoldDoc], out_dir: Path, seed: int, report: Report = print) -> dict[str, object]:
    """Fit the cue scorer, the cue priors and both CRFs on parsed gold articles; write them to out_dir."""
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    fold_priors = out_of_fold_priors(golds)
    out_of_fold_scores(golds, seed)
    scorer = fit_scorer(golds, seed)
    if scorer is not None:
        scorer.save(out_dir / CUE_SCORER)
    report(f"cue scorer: {time.perf_counter() - started:.0f} s so far")
    cue_count = train_crf(
        (ex for g, priors in zip(golds, fold_priors, strict=True) for ex in cue_examples(g, priors)),
        CUE_PARAMS,
        out_dir / CUE_MODEL,
        seed,
    )
    priors = smoothed_priors(*prior_counts(golds))
    (out_dir / CUE_PRIORS).write_text(json.dumps(priors, sort_keys=True) + "\n", encoding="utf-8")
    report(f"cue tagger: {cue_count} sentences, {time.perf_counter() - started:.0f} s so far")
    role_count = train_crf(
        (ex for g in golds for ex in role_examples(g)), ROLE_PARAMS, out_dir / ROLE_MODEL, seed
    )
    report(f"source/content tagger: {role_count} cue windows, {time.perf_counter() - started:.0f} s so far")
    for gold in golds:  # out-of-fold scores belong to training only
        gold.parsed.cue_scores = None
    return {
        "model": "claimtrace attribution tagger: neural cue scorer over token vectors + CRF cue tagger + "
        "per-cue CRF source/content tagger",
        "seed": seed,
        "cue_scorer": {"hidden": SCORER_HIDDEN, "alpha": SCORER_ALPHA, "epochs": SCORER_EPOCHS},
        "cue_params": CUE_PARAMS,
        "role_params": ROLE_PARAMS,
        "training_sequences": {"cue": cue_count, "role": role_count},
    }


def rounded_figures(value: object) -> object:
    """Scores as a card keeps them: floats to four places, nested dicts alike."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: rounded_figures(v) for k, v in value.items()}
    return value
