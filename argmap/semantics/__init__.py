"""Argumentation semantics for argument maps: IN/OUT/UNDEC labellings.

* :class:`Framework`: a plain abstract argumentation framework (Dung) with
  grounded, complete, preferred and stable labellings.
* :func:`evaluate`: an :class:`~argmap.model.ArgumentMap` translated into such
  a framework (attacks, linked arguments, undercuts; supports as reasons),
  with what-if assumptions, each claim labelled and justified.

See docs/semantics.md.  Pure Python; never imports Qt.
"""

from .framework import (
    DEFAULT_MAX_EXTENSIONS, DEFAULT_TIME_LIMIT, IN, OUT, SEMANTICS, UNDEC, Assumption,
    Enumeration, Framework, Labelling, labelling_from_extension,
)
from .search import enumerate_codes, grounded_codes
from .mapaf import (
    ASSUMPTION_VALUES, ClaimLabel, Evaluation, MapFramework, MapLabelling, evaluate, explain,
)

__all__ = [
    "ASSUMPTION_VALUES", "Assumption", "ClaimLabel", "DEFAULT_MAX_EXTENSIONS",
    "DEFAULT_TIME_LIMIT", "Enumeration", "Evaluation", "Framework", "IN", "Labelling",
    "MapFramework", "MapLabelling", "OUT", "SEMANTICS", "UNDEC", "enumerate_codes", "evaluate",
    "explain", "grounded_codes", "labelling_from_extension",
]
