"""Attributions: who claims what, through whom.

`component` is the `claimtrace_attribution` spaCy component; `rules` finds attributions on the parse,
`tagger` is the trained CRF tagger, `encoder` reads reporting cues off the shared encoder's cue head.
"""
