"""What the link step reads of an article, computed from its claimtrace/1 record before it is stored: the
shingle signature (reprints), each attribution's normalised content (claim matching) and the outlet each
attribution's chain credits (provenance). The store persists them as given (store.write.LinkColumns)."""

from __future__ import annotations

from typing import Any

from claimtrace.link.outlets import credited_outlets
from claimtrace.link.reprints import REPRINT_NUM_PERM
from claimtrace.link.text import content_tokens, shingle_hashes, signature, to_blob
from claimtrace.store.write import LinkColumns


def link_columns(record: dict[str, Any]) -> LinkColumns:
    """The link columns of one record; a malformed record raises KeyError or TypeError, as storing would."""
    return LinkColumns(
        shingle_minhash=to_blob(signature(shingle_hashes(record.get("text") or ""), REPRINT_NUM_PERM)),
        content_norm={
            attribution["id"]: " ".join(content_tokens(attribution["content"].get("text") or ""))
            for attribution in record.get("attributions") or []
        },
        credited_outlet=credited_outlets(record),
    )
