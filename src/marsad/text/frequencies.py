"""wordfreq's Arabic word list (CC BY-SA 4.0), read without importing wordfreq.

Importing wordfreq loads langcodes and ftfy for language matching and text repair that marsad
does not use; that was half a second of every command's start-up. The list itself is a file in
wordfreq's package (``data/large_ar.msgpack.gz``, the "cBpack" format that wordfreq documents in
``read_cBpack``): a header, then lists of words by frequency in centibels.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import msgpack

from marsad.core.errors import DataError

#: wordfreq's largest Arabic list.
WORDLIST = "large_ar.msgpack.gz"


def _wordlist_path() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise DataError("the wordfreq package is missing; reinstall marsad")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / WORDLIST


def arabic_frequencies() -> dict[str, float]:
    """``{word: frequency}`` as ``wordfreq.get_frequency_dict("ar", wordlist="large")`` gives it."""
    path = _wordlist_path()
    try:
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
    except (OSError, ValueError) as exc:
        raise DataError(f"wordfreq's Arabic list {path} cannot be read: {exc}") from None
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise DataError(f"wordfreq's Arabic list {path} has an unexpected header {header!r}")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10.0 ** (-index / 100)  # wordfreq.cB_to_freq(-index)
        for word in bucket:
            freqs[word] = freq
    return freqs
