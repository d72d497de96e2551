"""Read → extract → analyze in input order: the one path every shell (CLI, ingest, API, Dask) takes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from claimtrace.analyze.pipeline import analyze_documents, load_pipeline
from claimtrace.errors import InputError
from claimtrace.extract import extract
from claimtrace.record import Document, ErrorRecord, RawInput, Record
from claimtrace.settings import Settings


@dataclass
class _Slot:
    """A place in the output order, filled when its result is ready."""

    result: Record | ErrorRecord | None = None


def not_analysed(document: Document) -> Record:
    """A non-English document: flagged with its language, never analysed as English."""
    return Record(
        id=document.id,
        text=document.text,
        meta=document.meta,
        removed=document.removed,
        related=document.related,
        warnings=[f"language is {document.meta.language!r}, not English: not analysed"],
    )


def process(
    items: Iterable[RawInput | InputError],
    settings: Settings | None = None,
    n_process: int = 1,
    nlp: Language | None = None,
) -> Iterator[Record | ErrorRecord]:
    """Extract and analyse each input, yielding one result per input in input order.

    An input that cannot be read or extracted yields an ErrorRecord and the rest go on.
    """
    settings = settings or Settings()
    outbox: deque[_Slot] = deque()
    waiting: deque[_Slot] = deque()  # slots whose document is inside the spaCy pipeline

    def documents() -> Iterator[Document]:
        for item in items:
            slot = _Slot()
            outbox.append(slot)
            if isinstance(item, InputError):
                slot.result = ErrorRecord(item.record_id, str(item))
                continue
            try:
                document = extract(item, settings)
            except InputError as exc:
                slot.result = ErrorRecord(exc.record_id, str(exc))
                continue
            if document.meta.language != "en":
                slot.result = not_analysed(document)
                continue
            waiting.append(slot)
            yield document

    def ready() -> Iterator[Record | ErrorRecord]:
        while outbox and outbox[0].result is not None:
            result = outbox.popleft().result
            assert result is not None
            yield result

    model = nlp or load_pipeline(settings.model)
    for record in analyze_documents(documents(), model, n_process=n_process, batch_size=settings.batch_size):
        waiting.popleft().result = record
        yield from ready()
    yield from ready()
