"""POST /api/analyze: posted text or HTML in, one claimtrace/1 record out (off by default)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from claimtrace.errors import ClaimtraceError
from claimtrace.read.decode import text_problem
from claimtrace.read.jsonl import published_date
from claimtrace.record import ErrorRecord, RawInput
from claimtrace.settings import Settings

PUBLISHED_PATTERN = r"^\d{4}-\d{2}(-\d{2})?$"


class AnalyzeRequest(BaseModel):
    """One document to analyse: exactly one of `text` (already-scraped text) or `html` (a whole page)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field("posted", min_length=1, max_length=200, description="an id to carry into the record")
    text: str | None = Field(None, description="plain text, cleaned of scraping debris unless no_clean")
    html: str | None = Field(None, description="an HTML page; the article body is extracted from it")
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, pattern=PUBLISHED_PATTERN, description="YYYY-MM-DD or YYYY-MM")
    no_clean: bool = Field(
        False, description="analyse plain text verbatim, so offsets match the caller's copy"
    )

    @field_validator("published")
    @classmethod
    def real_date(cls, value: str | None) -> str | None:
        if value is not None and published_date(value) != value:
            raise ValueError(f"{value!r} is no calendar date")
        return value

    @model_validator(mode="after")
    def exactly_one_body(self) -> AnalyzeRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' or 'html'")
        return self


def to_raw_input(request: AnalyzeRequest) -> RawInput:
    # The origin names the input in error messages; it is never a path the server opens.
    origin = "posted " + re.sub(r"[^\w.\-]", "_", request.id)[:80]
    return RawInput(
        id=request.id,
        origin=origin,
        text=request.text,
        html=request.html,
        url=request.url,
        published=request.published,
    )


class Analyzer:
    """Runs the one pipeline of this process over posted documents, one at a time: analysis is CPU-bound and
    the 2-core budget is better spent finishing one request than interleaving many."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lock = threading.Lock()

    def analyze(self, request: AnalyzeRequest) -> dict[str, Any]:
        body = request.text if request.text is not None else request.html
        assert body is not None
        if len(body.encode("utf-8", "surrogatepass")) > self.settings.max_bytes:
            raise HTTPException(413, f"{request.id}: document is larger than {self.settings.max_bytes} bytes")
        problem = text_problem(body)
        if problem:  # the same test a file or a JSONL line must pass
            raise HTTPException(422, f"{request.id}: {problem}")
        settings = replace(self.settings, clean=False) if request.no_clean else self.settings
        # Imported here: spaCy loads only when analysis is asked for, so a read-only server starts quickly.
        from claimtrace.process import process

        with self.lock:
            try:
                result = next(process([to_raw_input(request)], settings))
            except ClaimtraceError as exc:
                raise HTTPException(422, str(exc)) from exc
        if isinstance(result, ErrorRecord):
            raise HTTPException(422, result.error)
        return result.to_dict()


def require_json(request: Request) -> None:
    """Only JSON bodies: a cross-site form cannot send one without a CORS preflight, which this server
    never grants, so a web page cannot make a visitor's browser post here."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise HTTPException(
            415, f"send the document as JSON (content-type: application/json), not {media_type!r}"
        )


def analyze_router(analyzer: Analyzer, guard: Callable[..., None]) -> APIRouter:
    router = APIRouter(tags=["analyze"])

    @router.post(
        "/api/analyze",
        dependencies=[Depends(guard), Depends(require_json)],
        summary="Analyse posted text or HTML",
        responses={
            401: {"description": "token missing or wrong"},
            403: {"description": "writes disabled"},
            413: {"description": "body too large"},
            415: {"description": "body is not JSON"},
            422: {"description": "bad or unanalysable input"},
        },
    )
    def analyze(request: AnalyzeRequest) -> dict[str, Any]:
        """Extract and analyse one document; returns its claimtrace/1 record. Enabled by `--enable-write`."""
        return analyzer.analyze(request)

    return router
