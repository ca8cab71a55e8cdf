"""Feeds over the size limit: JSON Lines and JSON arrays read record by record.

A feed of 2,000 articles is larger than ``max_input_bytes`` while none of its articles is, so for
feeds the limit applies to each record: the file is streamed and never held whole. Each record
comes out as ``(where, value)``, where ``where`` is ``FILE:LINE`` or ``FILE[INDEX]`` and ``value``
is the parsed JSON or the :class:`InputError` that skips it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from marsad.core.errors import DecodeError, InputError, RecordError, TooLargeError

Record = tuple[str, "object | InputError"]
#: Characters read from a JSON array at a time.
CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"


def too_deep(where: str) -> RecordError:
    """The error for JSON nested deeper than Python's parser goes: no article is shaped like that."""
    return RecordError("is JSON nested too deeply to be an article record", source=where)


def too_large(where: str, limit: int) -> TooLargeError:
    return TooLargeError(f"is a record over the limit of {limit:,} bytes (raise max_input_bytes to accept it)",
                         source=where)


def parse_line(line: bytes, where: str) -> object | InputError:
    """One JSON Lines record from its UTF-8 bytes."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return DecodeError("is not UTF-8 (a feed over max_input_bytes is read as UTF-8 line by line)",
                           source=where)
    try:
        value: object = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(f"is not valid JSON ({exc.msg} at column {exc.colno})", source=where)
    except RecursionError:
        return too_deep(where)
    return value


def jsonl_records(handle: BinaryIO, origin: str, limit: int) -> Iterator[Record]:
    """Each non-blank line of a JSON Lines feed, parsed, with lines over ``limit`` bytes refused."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        where = f"{origin}:{number}"
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(handle)
            yield where, too_large(where, limit)
            continue
        if number == 1:
            line = line.removeprefix(_BOM)
        if not line.strip():
            continue
        yield where, parse_line(line, where)


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        piece = handle.readline(CHUNK)
        if not piece or piece.endswith(b"\n"):
            return


class _Buffer:
    """A window on a text stream: what is read and not yet parsed."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False

    def more(self) -> bool:
        """Read another chunk, dropping what is parsed; False at the end of the stream."""
        chunk = self.handle.read(CHUNK)
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        self.eof = not chunk
        return bool(chunk)

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end), without taking it."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""


def json_array_records(handle: TextIO, origin: str, limit: int) -> Iterator[Record] | None:
    """Each element of a JSON array, parsed one at a time; None when the text is not an array."""
    buffer = _Buffer(handle)
    if buffer.peek() != "[":
        return None
    buffer.pos += 1
    return _elements(buffer, origin, limit)


def _over(text: str, start: int, end: int, limit: int) -> bool:
    """Is ``text[start:end]`` over ``limit`` bytes of UTF-8 (encoded only when it may be)?"""
    chars = end - start
    return chars > limit or (chars * 4 > limit and len(text[start:end].encode("utf-8")) > limit)


def _elements(buffer: _Buffer, origin: str, limit: int) -> Iterator[Record]:
    decoder = json.JSONDecoder()
    index = 0
    comma_needed = False
    while True:
        where = f"{origin}[{index}]"
        head = buffer.peek()
        if head in ("]", ""):
            if head == "":
                yield where, RecordError("ends before the array's closing ]", source=where)
            return
        if comma_needed:
            if head != ",":
                yield where, RecordError(f"has {head!r} where a comma should separate records", source=where)
                return
            buffer.pos += 1
            comma_needed = False
            continue
        start = buffer.pos
        try:
            value, end = decoder.raw_decode(buffer.text, start)
        except json.JSONDecodeError as exc:
            if _over(buffer.text, start, len(buffer.text), limit):
                yield where, too_large(where, limit)
                return  # no way to find where the next record starts
            if buffer.more():
                continue  # the record goes on in the next chunk: parse it again from its start
            yield where, RecordError(f"is not valid JSON ({exc.msg})", source=where)
            return
        except RecursionError:
            yield where, too_deep(where)
            return
        if end == len(buffer.text) and buffer.more():
            continue  # a number may go on in the next chunk
        yield where, (too_large(where, limit) if _over(buffer.text, start, end, limit) else value)
        buffer.pos = end
        index += 1
        comma_needed = True
