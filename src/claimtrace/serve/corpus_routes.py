"""Read endpoints over the store: thin HTTP shells around claimtrace.store.queries.

Parameters are validated here (types, ranges, lengths, vocabularies) so user input yields a 4xx, never a 5xx;
the store's own QueryError (bad date, search text without words, …) becomes a 400.

Answers are returned as ready JSON bytes (JSONBytes): the queries return plain JSON values, and FastAPI
would otherwise validate each answer against the return type in a thread-pool hop (about 0.2 ms of CPU on a
2-core machine, more than serialising a 25-claim page with pydantic-core's to_json, 0.07 ms).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response
from pydantic_core import to_json

from claimtrace.serve.store_access import StoreAccess
from claimtrace.store import queries
from claimtrace.store.queries import FILTERS, ClaimFilters, Filter, QueryError

T = TypeVar("T")

MAX_OFFSET = 10_000_000
MAX_ID = 2**63 - 1  # SQLite's INTEGER range: larger ids could only ever be "not found"

Text = Annotated[str | None, Query(max_length=200)]
# A page fetches one row beyond itself to tell whether another page follows, within the store's MAX_LIMIT.
PAGE_MAX = queries.MAX_LIMIT - 1
Limit = Annotated[int, Query(ge=1, le=PAGE_MAX)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
GroupBy = Literal[
    "actor", "actor_country", "actor_sector", "event_type", "event_mode", "status", "place", "place_country",
    "outlet", "source_type", "certainty", "kind",
]  # fmt: skip
Interval = Literal["day", "week", "month"]


def _query_parameter(spec: Filter) -> inspect.Parameter:
    """The FastAPI query parameter of one claim filter: its vocabulary as a Literal, its bounds as Query
    constraints, so a bad value is a 422 naming it."""
    kind: Any = Literal[spec.choices] if spec.choices else spec.type
    constraints = {
        key: value
        for key, value in (
            ("max_length", spec.max_length),
            ("pattern", spec.pattern),
            ("ge", spec.ge),
            ("le", spec.le),
        )
        if value is not None
    }
    query = Query(description=spec.help, **constraints)
    return inspect.Parameter(
        spec.api or spec.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[kind | None, query],
    )


_API_FILTERS = [spec for spec in FILTERS if spec.api]


async def claim_filters(**values: Any) -> ClaimFilters:
    """The filters of `claimtrace claims`, as query parameters (declared in store/queries/filters.py). (async
    only so that FastAPI calls it on the event loop: a plain function would cost each request an extra hop
    through the thread pool.)"""
    return ClaimFilters(**{spec.name: values[spec.api] for spec in _API_FILTERS if spec.api})


# FastAPI reads a dependency's parameters from its signature: this one's come from the filter table.
claim_filters.__signature__ = inspect.Signature([_query_parameter(spec) for spec in _API_FILTERS])


Filters = Annotated[ClaimFilters, Depends(claim_filters)]


def answer(run: Callable[[], T]) -> T:
    try:
        return run()
    except QueryError as exc:
        raise HTTPException(400, str(exc)) from exc


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page fetched with one row beyond `limit`, so `has_more` costs no count."""
    return {"items": items[:limit], "limit": limit, "offset": offset, "has_more": len(items) > limit}


class JSONBytes(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return to_json(content)


def page_response(items: list[dict[str, Any]], limit: int, offset: int) -> JSONBytes:
    return JSONBytes(page(items, limit, offset))


def corpus_router(store: StoreAccess) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["corpus"])
    conn = store.connection

    @router.get("/articles", summary="Search articles (full text), or list the newest")
    def articles(q: Text = None, limit: Limit = 20, offset: Offset = 0) -> JSONBytes:
        """Best matches first when `q` is given (every word must occur; snippets mark matches with [ ]),
        else newest first."""
        if q is not None and q.strip():
            items = answer(lambda: queries.search_articles(conn(), q, limit=limit + 1, offset=offset))
        else:
            items = queries.list_articles(conn(), limit=limit + 1, offset=offset)
        return page_response(items, limit, offset)

    @router.get("/articles/{article_id}", summary="One article: its claimtrace/1 record and store ids")
    def article(article_id: Id) -> JSONBytes:
        found = queries.get_article(conn(), article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id} in this store")
        record = found.pop("record")
        mentions = queries.query_claims(conn(), ClaimFilters(article_id=article_id), limit=queries.MAX_LIMIT)
        claims = [
            {
                "key": m["key"],
                "attribution_id": m["attribution_id"],
                "claim_id": m["claim_id"],
                "claim_articles": m["claim_articles"],
                "claim_outlets": m["claim_outlets"],
            }
            for m in mentions
        ]
        meta = record.get("meta") or {}
        info = {**found, "title": meta.get("title"), "url": meta.get("url")}
        return JSONBytes({"article": info, "record": record, "claims": claims})

    @router.get("/claims", summary="Claims (attributions), filtered, newest first")
    def claims(
        filters: Filters,
        limit: Limit = 25,
        offset: Offset = 0,
        count: Annotated[bool, Query(description="also return the total number of matches")] = False,
    ) -> JSONBytes:
        """Each item: the claim, its source chain, certainty, article and outlet, the events reported under
        it, and `claim_id` (its cluster, for /api/claims/{claim_id}/trace)."""
        items = answer(lambda: queries.query_claims(conn(), filters, limit=limit + 1, offset=offset))
        result = page(items, limit, offset)
        if count:
            result["total"] = answer(lambda: queries.count_claims(conn(), filters))
        return JSONBytes(result)

    @router.get("/claims/{claim_id}/trace", summary="A claim cluster's provenance across outlets")
    def trace(claim_id: Id) -> JSONBytes:
        """The claim cluster, its reports earliest first (outlet, who each credits, whether it is the origin
        or adds its own sourcing), and every mention."""
        found = queries.trace_claim(conn(), claim_id)
        if found is None:
            raise HTTPException(404, f"no claim {claim_id} in this store")
        return JSONBytes(found)

    @router.get("/clusters", summary="Claim clusters spanning the most articles")
    def clusters(
        limit: Limit = 50, offset: Offset = 0, min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 2
    ) -> JSONBytes:
        items = queries.list_claim_clusters(conn(), limit=limit + 1, offset=offset, min_articles=min_articles)
        return page_response(items, limit, offset)

    @router.get("/reprints", summary="Clusters of reprinted or rewritten articles")
    def reprints(limit: Limit = 50, offset: Offset = 0) -> JSONBytes:
        return page_response(queries.reprint_clusters(conn(), limit=limit + 1, offset=offset), limit, offset)

    @router.get("/events", summary="Events (PLOVER), filtered, newest first")
    def events(filters: Filters, limit: Limit = 25, offset: Offset = 0) -> JSONBytes:
        items = answer(lambda: queries.query_events(conn(), filters, limit=limit + 1, offset=offset))
        return page_response(items, limit, offset)

    @router.get("/timeline", summary="Counts per period and group, with certainty breakdown")
    def timeline(
        filters: Filters, group_by: GroupBy = "actor", interval: Interval = "month", distinct: bool = False
    ) -> dict[str, Any]:
        """actor (coded name), actor_country, actor_sector, event_type, event_mode, status, place and
        place_country count events (`distinct`: once per reprint cluster); outlet, source_type, certainty and
        kind count claims. Each row: period, key (the group), count, certainty ({label: count})."""
        rows = answer(lambda: queries.timeline(conn(), group_by, interval, filters, distinct))
        return JSONBytes({"group_by": group_by, "interval": interval, "distinct": distinct, "rows": rows})

    @router.get("/facets", summary="Values present in the store, for filter menus")
    def facets() -> JSONBytes:
        return JSONBytes(store.cached("facets", queries.filter_options))

    @router.get("/stats", summary="Row counts of the store")
    def stats() -> dict[str, int]:
        return store.cached("stats", queries.corpus_stats)

    return router
