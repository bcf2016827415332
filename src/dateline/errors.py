"""The one catalogue of error codes. Codes are stable: never reuse or renumber one."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    # E1xx: input could not be read or is not an article
    EMPTY = "E101"  # empty input, or nothing left after cleaning
    BINARY = "E102"  # binary data, not text
    DECODE = "E103"  # invalid UTF-8: decoded with a fallback (a warning, the article goes on)
    BAD_JSON = "E104"  # a JSON Lines record that does not parse
    TOO_LARGE = "E105"  # larger than the configured size limit
    NO_TEXT = "E106"  # a JSON record with neither text nor html
    UNREADABLE = "E107"  # a file that cannot be opened or a compressed file that is truncated
    NOT_ENGLISH = "E108"  # text detected as another language
    NO_BODY = "E109"  # an HTML page with no extractable main text
    UNSUPPORTED = "E110"  # a file type we do not read
    FETCH = "E111"  # a URL or feed that could not be fetched
    BAD_DATE = "E112"  # a published date that cannot be read (a warning: the date is dropped); see ingest/dates.py
    # E2xx: processing failed on an article that was read
    PIPELINE = "E201"  # an unexpected error inside an extractor
    # W3xx: warnings about dates (the article goes on)
    AMBIGUOUS_DATE = "W301"  # a numeric published date whose day/month order was assumed (day first)


MESSAGES = {
    Code.EMPTY: "empty input",
    Code.BINARY: "binary data, not text",
    Code.DECODE: "invalid UTF-8; decoded with a fallback",
    Code.BAD_JSON: "malformed JSON line",
    Code.TOO_LARGE: "input over the size limit",
    Code.NO_TEXT: "record has neither 'text' nor 'html'",
    Code.UNREADABLE: "input cannot be read",
    Code.NOT_ENGLISH: "text is not English",
    Code.NO_BODY: "no main text found in the page",
    Code.UNSUPPORTED: "unsupported file type",
    Code.FETCH: "could not fetch",
    Code.BAD_DATE: "published date cannot be read; ignored",
    Code.PIPELINE: "processing failed",
    Code.AMBIGUOUS_DATE: "numeric published date could be day or month first",
}


class DatelineError(Exception):
    """An input-level failure with a catalogue code; turned into an error record, never a traceback."""

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    def __reduce__(self) -> tuple[type[DatelineError], tuple[Code, str]]:
        # Raw inputs carry their error to worker processes: rebuild from code and detail,
        # not from the formatted message Exception.args holds.
        return (type(self), (self.code, self.detail))

    @property
    def message(self) -> str:
        base = MESSAGES[self.code]
        return f"{base}: {self.detail}" if self.detail else base
