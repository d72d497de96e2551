"""spaCy pipeline components that turn a Doc into claimtrace/1 analyses.

Each component lives in its own module, is registered with `@Language.factory`, and exposes its results as
`Doc` extensions holding claimtrace/1-shaped dicts: plain JSON values, so Docs survive
`nlp.pipe(n_process=…)`.
"""
