"""US dollars for one unit of a currency on a given day, for ``Quantity.value_usd``.

Dated articles convert at the rate of their publication day: the European Central Bank's daily
reference rates since 1999 (the ``currencyconverter`` package ships them, offline) and the dollar pegs
of ``data/currency_pegs.tsv``.  A currency with no known rate that day (the Egyptian pound, the
Yemeni rial...) gets no dollar value rather than a wrong one.  Undated texts fall back to the single
table of ``data/currency_rates.tsv`` (an order of magnitude, see its header).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

from marsad.core.errors import DataError
from marsad.text.resources import read_tsv


@lru_cache(maxsize=1)
def _ecb() -> CurrencyConverter:
    # Missing days (weekends, holidays) are interpolated between the fixings around them; a day
    # outside a currency's history raises, and gives no value.
    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=False)


@lru_cache(maxsize=1)
def pegs() -> dict[str, tuple[float, dt.date]]:
    """``data/currency_pegs.tsv`` as ``{code: (US dollars per unit, first day)}``."""
    table: dict[str, tuple[float, dt.date]] = {}
    for code, usd, since in read_tsv("currency_pegs.tsv", ("code", "usd", "since")):
        try:
            table[code] = (float(usd), dt.date.fromisoformat(since))
        except ValueError:
            raise DataError(f"data file marsad/data/currency_pegs.tsv: bad rate or day on the {code} line"
                            ) from None
    return table


@lru_cache(maxsize=4096)
def usd_rate(code: str, day: dt.date) -> float | None:
    """US dollars for one ``code`` on ``day``, or None when no rate is known for that day."""
    peg = pegs().get(code)
    if peg is not None:
        return peg[0] if day >= peg[1] else None
    ecb = _ecb()
    if code not in ecb.currencies:
        return None
    try:
        return float(ecb.convert(1, code, "USD", date=day))
    except (RateNotFoundError, ValueError):
        return None
