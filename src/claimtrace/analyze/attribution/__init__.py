"""Attributions: who claims what, through whom.

`component` is the `claimtrace_attribution` spaCy component and builds the record's attributions; `rules`
finds attributions on the parse, one module per family of constructions; `tagger` is the trained CRF tagger,
which only tags; `encoder` reads reporting cues off the shared encoder's cue head; `merge` merges rules and
tagger and vets the result; `quotes` and `spans` are what they share.
"""
