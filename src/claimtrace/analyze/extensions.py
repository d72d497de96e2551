"""The Doc extensions claimtrace components read and write, registered once.

Values are plain data (JSON values, or the dataclasses of `claimtrace.record`), so Docs pickle across
processes; `pipeline.doc_to_record` serialises them into the claimtrace/1 record.
- `doc._.published`: "YYYY-MM-DD" | "YYYY-MM" | None, set by the caller before the pipeline runs.
- `doc._.published_inferred`: a date inferred from the text when `published` is None (times component), with
  `doc._.published_interval` ("YYYY-MM/YYYY-MM") and `doc._.published_evidence` (the expressions that
  narrowed it).
- `doc._.times`: list of time dicts ({start, end, text, value, basis, timex3}).
- `doc._.attributions`: list of `record.Attribution` (see output-format.md for the fields).
- `doc._.factuality`: list of `record.FactualityValue` (start, end, text, value).
- `doc._.events`: list of event dicts.
- `doc._.encoding`: the shared encoder's vectors (`analyze.encoder.Encoding`), when the encoder runs; never
  part of the record.
"""

from spacy.tokens import Doc

EXTENSIONS = (
    "published",
    "published_inferred",
    "published_interval",
    "published_evidence",
    "times",
    "attributions",
    "factuality",
    "events",
    "encoding",
)


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
