"""The template every stage child is forked from: imported in the forkserver, and only there.

`isolation.stage_context()` names this module in `set_forkserver_preload`, so the forkserver process
imports it once, before it forks any stage child. Importing it is the point, so it has an effect on import:
it runs the warm-up article through the stages, which imports them and builds the extractor's lexicon and
gazetteer tables (~70 MB, `functools.cache`d on first use), then moves every object alive into the garbage
collector's permanent generation (`gc.freeze()`). Each child forked afterwards starts with those pages
shared copy-on-write with the forkserver and its siblings, instead of building a private copy: the memory
of N children grows by what each one writes, not by N times the tables. `gc.freeze()` keeps the collector
from writing to the frozen objects' headers in the children; reference counts still change on the objects
a child touches, and those pages are copied (docs/scaling.md has the measured share).

The worker never imports this module: its own process would pay for tables it does not use.
"""

from __future__ import annotations

import gc
import logging

from services.worker.stages import StageLimits, warm_up

log = logging.getLogger("marsad.worker.zygote")

# Only for the warm-up article (~200 bytes); each child still warms up with the worker's own limits.
_WARM_UP_LIMITS = StageLimits(max_message_bytes=1024 * 1024, max_text_chars=200_000, max_events_per_article=200)


def prepare() -> bool:
    """Build the stages' tables, then freeze what exists. False when the warm-up failed (each child then
    builds the tables itself, as without a template: slower start, more memory, same results)."""
    try:
        warmed = warm_up(_WARM_UP_LIMITS)
    except Exception:  # a broken template must not take the forkserver down with it
        log.exception("warming up the stage template failed")
        warmed = False
    gc.collect()
    gc.freeze()
    return warmed


prepare()
