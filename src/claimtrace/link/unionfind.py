"""Disjoint sets over integer ids: the clustering step shared by reprints and claim matching."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:  # path compression keeps later finds flat
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            # The smaller id becomes the root, so a cluster's id is its first member whatever the pair order.
            self.parent[max(a, b)] = min(a, b)

    def groups(self, items: Iterable[int]) -> dict[int, list[int]]:
        """root -> sorted members, for every item (singletons included)."""
        found: dict[int, list[int]] = {}
        for item in sorted(items):
            found.setdefault(self.find(item), []).append(item)
        return found
