"""The API's error codes. Every error the server returns is JSON:
``{"error": {"code": "...", "message": "...", "status": 4xx}}`` with one of these codes.

Codes are stable strings (clients branch on them); never rename one.
"""

from __future__ import annotations

from typing import Any

CODES = {
    "bad_parameter": "a query or path parameter is malformed or out of range (400/422)",
    "bad_cursor": "the cursor is not one this server handed out (400)",
    "bad_record": "a posted record is not a dateline/1 record or an input record (422)",
    "not_found": "no such article, event, actor or page (404)",
    "unauthorized": "POST without an X-API-Key header (401)",
    "forbidden": "wrong API key, or the server has no key configured: it is read-only (403)",
    "payload_too_large": "a posted body over the size limit (413)",
    "query_timeout": "the query ran past the per-query time limit (503)",
    "unavailable": "the store cannot answer now: its PostgreSQL server is out of reach or every session is busy (503)",
    "internal": "an unexpected failure; reported, never a traceback (500)",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        assert code in CODES, code
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message, "status": self.status}
        if self.detail is not None:
            error["detail"] = self.detail
        return {"error": error}
