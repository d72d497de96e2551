"""Read → extract → analyze in input order: the one path every shell (CLI, ingest, API, Dask) takes."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

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
    warnings: list[str] = field(default_factory=list)


def not_analysed(document: Document) -> Record:
    """A non-English document: flagged with its language, never analysed as English."""
    return Record(
        id=document.id,
        text=document.text,
        meta=document.meta,
        removed=document.removed,
        related=document.related,
        warnings=[*document.warnings, f"language is {document.meta.language!r}, not English: not analysed"],
    )


def too_long(document: Document, origin: str, max_chars: int) -> ErrorRecord:
    """A text longer than the parser takes in one piece fails alone, never its batch."""
    message = (
        f"article text is {len(document.text):,} characters, over the limit of {max_chars:,} "
        "(--max-chars or CLAIMTRACE_MAX_CHARS; the parser needs memory in proportion)"
    )
    return ErrorRecord(document.id, str(InputError(origin, message)))


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
            if len(document.text) > settings.max_chars:
                slot.result = too_long(document, item.origin, settings.max_chars)
                continue
            slot.warnings = document.warnings
            waiting.append(slot)
            yield document

    def ready() -> Iterator[Record | ErrorRecord]:
        while outbox and outbox[0].result is not None:
            result = outbox.popleft().result
            assert result is not None
            yield result

    model = nlp or load_pipeline(settings.model, fast=settings.fast)
    model.max_length = max(model.max_length, settings.max_chars)  # a larger --max-chars is the user's call
    for record in analyze_documents(documents(), model, n_process=n_process, batch_size=settings.batch_size):
        slot = waiting.popleft()
        record.warnings = [*slot.warnings, *record.warnings]
        slot.result = record
        yield from ready()
    yield from ready()
