"""Derived resources kept on disk between runs, so that a command does not rebuild them at start.

The knowledge base's name index and the tagger's lexicons are built from the shipped data files
by folding tens of thousands of names: about half a second of every ``marsad analyze``, however
short the article.  Like Python's own ``__pycache__`` (and mypy's and pip's caches), the built
structure is written once to a per-user cache directory and read back on later runs.

The key of an entry is marsad's version, Python's version and the size and modification time of
every file of the installed package, code and data alike: editing either rebuilds it.  Entries
live in ``$MARSAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``;
``MARSAD_CACHE=off`` turns the cache off.  A cache that cannot be read or written is passed over
in silence: it only ever saves time, and the built value is the same either way.

Two codecs: ``marshal`` for structures of built-in types (fast, and it cannot run code), and
``pickle`` for the knowledge base's dataclasses.  A pickle is only ever read from the user's own
cache directory, which nobody else can write to (the directory is created with mode 0700).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

T = TypeVar("T")
Codec = Literal["marshal", "pickle"]

#: Package folders whose files do not shape any cached value.
_SKIP_DIRS = frozenset({"__pycache__"})
#: Values of ``MARSAD_CACHE`` that turn the cache off.
_OFF = frozenset({"0", "off", "no", "false"})


def cache_dir() -> Path | None:
    """Where entries are kept, or ``None`` when the cache is turned off."""
    if os.environ.get("MARSAD_CACHE", "").strip().lower() in _OFF:
        return None
    explicit = os.environ.get("MARSAD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "marsad"


@lru_cache(maxsize=1)
def package_stamp() -> str:
    """A digest of marsad's version, Python's, and every package file's size and mtime.

    ``stat`` rather than the bytes: 180 files are stamped in about 2 ms, read in 70 ms.
    """
    from marsad import __version__

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{__version__}|{sys.version}".encode())
    for path in sorted(_package_files(root)):
        info = path.stat()
        digest.update(f"{path.relative_to(root)}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _package_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS]
        files.extend(Path(folder) / name for name in names)
    return files


def cached(name: str, build: Callable[[], T], *, codec: Codec = "marshal") -> T:
    """``build()``, read from the cache entry ``name`` when one matches this package, else built
    and written there for the next run."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{package_stamp()}.{codec}"
    value = _read(path, codec)
    if value is not None:
        return cast(T, value)
    value = build()
    _write(folder, path, name, value, codec)
    return value


def _read(path: Path, codec: Codec) -> object | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        value: object = marshal.loads(data) if codec == "marshal" else pickle.loads(data)
    except Exception:  # a torn or foreign entry of any kind is rebuilt, never fatal
        return None
    return value


def _write(folder: Path, path: Path, name: str, value: object, codec: Codec) -> None:
    try:
        data = marshal.dumps(cast(Any, value)) if codec == "marshal" else pickle.dumps(value, protocol=5)
    except (ValueError, TypeError, pickle.PicklingError, RecursionError):
        return  # not storable with this codec: the value is simply rebuilt each run
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Written under a temporary name and renamed: a reader never sees half an entry, and
        # two processes building at once (``--jobs``, pytest-xdist) each rename a whole file.
        handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    _drop_stale(folder, name, path)


def _drop_stale(folder: Path, name: str, keep: Path) -> None:
    """Entries of ``name`` for other package stamps (an upgrade or an edit) are dead weight."""
    for old in folder.glob(f"{name}-*"):
        if old != keep and old.name.rsplit("-", 1)[0] == name:
            try:
                old.unlink()
            except OSError:
                pass
