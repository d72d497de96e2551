"""One BLAS thread for the matrix products of claimtrace's components, in any process.

Their products are small (a cue's window of a few dozen tokens against a 1,177 × 256 layer): split over
threads they cost more in hand-offs than they save, and on a busy 2-core machine 2 threads made the default
profile's role scorer about 4 times slower (bench: `bench/bench_components.py`). Worker processes are limited
once for good (`pipeline`); a component run in the caller's own process limits BLAS only while it runs, so a
user's numpy is left as it was.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from threadpoolctl import ThreadpoolController

# Finding the loaded BLAS libraries takes a quarter of a millisecond; limiting them through a controller
# made once costs microseconds, so a component can do it for every Doc.
_CONTROLLER = ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which numpy's BLAS runs on one thread."""
    return _CONTROLLER.limit(limits=1, user_api="blas")
