"""Finding an entity however the news spells its name (بيونغ يانغ، بيونغيانغ، بيونج يانج).

Arabic news writes foreign names many ways: with or without a space, the foreign g as غ, ج or ق,
long vowels written or left out. A name's *skeleton* keeps what these spellings share: the folded
letters without spaces, the g letters as one, and no long vowels after the first letter. A search
query whose skeleton is that of a name the store's entities are known by (their mentions, Arabic
name, or any form the knowledge base gives them) also finds the articles mentioning that entity.
Stores keep each name's skeleton in an indexed column, so the lookup is an index search.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.keys import fold

#: Letters written for the same foreign sound: g (غ ج گ), v (ڤ ف), p (پ ب), ch (چ ج). ق stays: it is
#: an Arabic letter far more often than a foreign g (قطر is not جطر).
_SAME_SOUND = str.maketrans({"غ": "ج", "گ": "ج", "چ": "ج", "ڤ": "ف", "پ": "ب"})
_NOT_LETTER = re.compile(r"[^\w]|[\d_]")
_LONG_VOWELS = re.compile(r"(?<=.)[اوي]")
#: Skeletons shorter than this match too many names to be a name.
MIN_SKELETON = 4


@lru_cache(maxsize=65_536)
def skeleton(name: str) -> str:
    """The spelling-independent key of a name: بيونغ يانغ، بيونغيانغ and بيونج يانج give one."""
    letters = _NOT_LETTER.sub("", fold(name)).translate(_SAME_SOUND)
    letters = letters.removeprefix("ال") if len(letters) > MIN_SKELETON + 2 else letters
    return _LONG_VOWELS.sub("", letters)


def is_name_query(query: str) -> bool:
    """A query that may be a name: one to four words of letters."""
    words = query.split()
    return 0 < len(words) <= 4 and all(_NOT_LETTER.sub("", w) == w for w in words)


def name_key(query: str) -> str | None:
    """The skeleton a name query is looked up by (stores index their names' skeletons), or
    None when the query cannot be a name or its skeleton is too short to be one."""
    if not is_name_query(query):
        return None
    key = skeleton(query)
    return key if len(key) >= MIN_SKELETON else None


def knowledge_base_forms(query: str) -> list[str]:
    """The knowledge-base ids of entities that go by ``query`` as it is written (any known form)."""
    from marsad.stages.entities.kb import load, name_key  # the shipped knowledge base, loaded once

    kb = load()
    return sorted({n.kb_id for n in kb.lookup(name_key(query))})
