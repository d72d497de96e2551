"""spaCy pipeline components that turn a Doc into claimtrace/1 analyses.

Each component lives in its own module, is registered with `@Language.factory`, and exposes its results as
`Doc` extensions: the dataclasses of `claimtrace.record` (attributions, factuality) or claimtrace/1-shaped
dicts (times, events), plain data either way, so Docs survive `nlp.pipe(n_process=…)`.
"""
