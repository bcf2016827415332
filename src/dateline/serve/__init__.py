"""`dateline serve`: a JSON API and web pages over the store (FastAPI on uvicorn).

Needs the ``serve`` extra (``pip install 'dateline[serve]'``). ``create_app(db)`` builds the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(*args: Any, **kwargs: Any) -> FastAPI:
    """The app (``serve.app.create_app``), imported only when asked for: FastAPI is an extra."""
    from dateline.serve.app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
