"""The marsad exception family: every error a user can cause has a code and a one-line message.

Messages name the input, file or setting at fault and say what to do, so the CLI can print
them as they are (``marsad: E101 article.txt: ...``) and exit 1 without a traceback.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, record_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        #: The ``id`` of the JSON record at fault, so batch output stays aligned with its input.
        self.record_id = record_id

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{self.code} {where}{self.message}"


class InputError(MarsadError):
    """An article or input file that cannot be read or analysed."""

    code = "E100"


class NotFoundError(InputError):
    code = "E101"


class DecodeError(InputError):
    code = "E102"


class EmptyInputError(InputError):
    code = "E103"


class TooLargeError(InputError):
    code = "E104"


class RecordError(InputError):
    """A malformed JSON / JSONL record."""

    code = "E105"


class FetchError(InputError):
    """A URL that could not be fetched."""

    code = "E106"


class NonPublicURLError(InputError):
    """A URL whose host is not a public address, refused where only public ones may be fetched."""

    code = "E107"


class SettingsError(MarsadError):
    """A bad setting or command-line option."""

    code = "E200"


class PipelineError(MarsadError):
    """A pipeline whose stages do not fit together."""

    code = "E300"


class StageError(PipelineError):
    """A stage that failed on an article: a bug in marsad, reported in one line rather than as a
    raw exception out of ``analyze`` or a bare 500."""

    code = "E301"


class DataError(MarsadError):
    """A shipped data file (lexicon, model) that is missing or malformed."""

    code = "E400"


class MarsadWarning(UserWarning):
    """Something a user should know that stops nothing (a feed whose records carry no date)."""
