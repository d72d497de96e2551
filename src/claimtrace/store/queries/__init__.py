"""Read-side queries over a claimtrace store: plain functions returning plain dicts.

Every shell calls these — the CLI (`claimtrace claims`, `trace`, `search`, `reprints`), the HTTP API and the
web UI — so filtering, paging and provenance are decided in one place. Bad parameters raise `QueryError` (a
one-line message fit for a user or a 400 response). By subject: filters.py (the claim filters, declared
once), claims.py (claims and events), clusters.py (claim clusters, provenance, reprints), articles.py,
overview.py (timeline, filter menus, counts, failures), common.py (errors, paging, full-text safety).

Words: a claim is one attribution (a record's `attributions[]`, the store's `attributions` table); a claim
cluster is the same claim across articles. Public names made before that rule keep "claim" for the cluster:
`claim_id`, the `claims` table, `trace_claim`, `claimtrace claims --claim`, /api/claims/{claim_id}/trace.

The names below load their module on first use, so the CLI can build its options from filters.py without
importing numpy and the facet index.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "get_article": "articles",
    "list_articles": "articles",
    "search_articles": "articles",
    "count_claims": "claims",
    "query_claims": "claims",
    "query_events": "claims",
    "list_claim_clusters": "clusters",
    "reprint_clusters": "clusters",
    "trace_claim": "clusters",
    "MAX_LIMIT": "common",
    "QueryError": "common",
    "actor_query": "common",
    "check_paging": "common",
    "dict_rows": "common",
    "fts_query": "common",
    "FILTERS": "filters",
    "ClaimFilters": "filters",
    "Filter": "filters",
    "claim_where": "filters",
    "corpus_stats": "overview",
    "filter_options": "overview",
    "list_failures": "overview",
    "timeline": "overview",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
