"""Reference normalisation chains measured beside Marsad's: camel-tools when installed, and a plain-regex chain.

The camel-tools chains are the ones the normaliser's own benchmark (bench/normalize_bench.py) compares
against. The regex chain does the four folds with one compiled regex and one `str.translate`, as a floor
for what any pure-Python chain costs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import util

from bench import normalize_bench
from services.arabic import match_key

TextFn = Callable[[str], str]

_DIACRITICS_TATWEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLDS = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u0629": "\u0647",  # teh marbuta -> heh
    }
)


def regex_chain(text: str) -> str:
    return _DIACRITICS_TATWEEL.sub("", text).translate(_FOLDS)


def camel_chains() -> dict[str, TextFn]:
    """camel-tools' chains from the normaliser's own benchmark, when camel-tools is installed.

    "4 folds" = dediac_ar, normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar (what
    Marsad's match view also does); "cleaning" = normalize_unicode (NFKC) + the builtin `arclean` CharMapper
    + the 4 folds (what Marsad's clean and match views do together). Neither keeps offsets.
    """
    if util.find_spec("camel_tools") is None:
        return {}
    chains = normalize_bench.camel_chains()
    return {
        "camel-tools 4 folds (dediac+alef+maksura+teh)": chains["camel: 4 folds"],
        "camel-tools cleaning (NFKC+arclean+4 folds)": chains["camel: cleaning"],
    }


def reference_chains() -> dict[str, TextFn]:
    chains = camel_chains()
    chains["plain-regex chain (dediac+tatweel+alef+maksura+teh)"] = regex_chain
    chains["marsad match_key (str -> str folds only)"] = match_key
    return chains
