"""The one catalogue of error and warning codes, each with its message beside it.

``E`` codes name a failure: the input gives an error record (``"error": {...}``) and nothing else.
``W`` codes name a warning: the article (or the run) goes on, and the warning says what was lost —
on an article in its ``warnings`` list, about the run in the log (a model the run cannot use is
also named on each record made without it). Codes are stable: never reuse or
renumber one; a code that is no longer raised stays here, marked retired. docs/errors.md lists
every code (a test holds the two together).
"""

from __future__ import annotations

import logging
from enum import StrEnum


class Code(StrEnum):
    message: str

    def __new__(cls, code: str, message: str) -> Code:
        member = str.__new__(cls, code)
        member._value_ = code
        member.message = message
        return member

    @property
    def is_warning(self) -> bool:
        return self.value.startswith("W")

    def text(self, detail: str = "") -> str:
        """The code, its message and the detail, as one log line reads them."""
        return f"{self.value} {self.message}: {detail}" if detail else f"{self.value} {self.message}"

    # E1xx: input could not be read or is not an article
    EMPTY = "E101", "empty input"  # or nothing left after cleaning
    BINARY = "E102", "binary data, not text"
    DECODE = "E103", "invalid UTF-8; decoded with a fallback"  # retired: now W101
    BAD_JSON = "E104", "malformed JSON line"
    TOO_LARGE = "E105", "input over the size limit"
    NO_TEXT = "E106", "record has neither 'text' nor 'html'"
    UNREADABLE = "E107", "input cannot be read"  # a file that cannot be opened, a truncated archive
    NOT_ENGLISH = "E108", "text is not in an accepted language"
    NO_BODY = "E109", "no main text found in the page"
    UNSUPPORTED = "E110", "unsupported file type"
    FETCH = "E111", "could not fetch"  # a URL or feed
    BAD_DATE = "E112", "published date is not ISO 8601; ignored"  # retired: now W102
    # E2xx: processing failed on an article that was read
    PIPELINE = "E201", "processing failed"  # an unexpected error before the extractors ran

    # W1xx: the input was read, with a loss
    DECODED_WITH_FALLBACK = "W101", "invalid UTF-8; decoded with a fallback"
    DATE_IGNORED = "W102", "published date cannot be read; ignored"  # see ingest/dates.py
    AMBIGUOUS_DATE = "W103", "numeric published date could be day or month first"  # read day first
    SURROGATE = "W104", "lone surrogates in the text; replaced with U+FFFD"
    # W14x: the article and feed rooms
    NOT_ANALYSED = "W140", "not English; kept without the NLP stages (entities, quotes, times, places, events)"
    FEED_SUMMARY = "W141", "text is the feed item's summary: its page or content gave no main text"
    # W2xx: an extractor failed on one article; the article goes on without that stage's output
    STAGE_FAILED = "W201", "stage failed"
    IN_PARTS = "W202", "long article processed in parts"  # no links across the cuts
    # W3xx: a shipped model cannot be used as trained
    MODEL_MISSING = "W301", "trained model missing; its stage falls back to rules"
    MODEL_FEATURES = "W302", "trained model built for another feature set; not used, its stage falls back to rules"
    MODEL_PARSER = "W303", "trained model learned from another spaCy model; used, but may score lower"
    # W4xx: configuration
    SETTING_IGNORED = "W401", "setting ignored"


# The catalogue as a mapping, for callers that look a message up by code.
MESSAGES = {code: code.message for code in Code}
RETIRED = frozenset({Code.DECODE, Code.BAD_DATE})


def warn(logger: logging.Logger, code: Code, detail: str = "") -> None:
    """Log a run-level warning with its code first, so a log reader can grep for it."""
    logger.warning(code.text(detail))


class DatelineError(Exception):
    """An input-level failure with a catalogue code; turned into an error record, never a traceback."""

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[DatelineError], tuple[Code, str]]:
        # An exception pickles as its class and ``args`` (the message alone); a worker process
        # must get the code and detail back.
        return type(self), (self.code, self.detail)

    @property
    def message(self) -> str:
        base = self.code.message
        return f"{base}: {self.detail}" if self.detail else base
