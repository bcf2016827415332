"""`dateline serve`: a JSON API and web pages over the store (FastAPI on uvicorn).

Needs the ``serve`` extra (``pip install 'dateline[serve]'``). ``create_app(db)`` builds the app.
"""

from __future__ import annotations


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003 - imported lazily: FastAPI is an extra
    from dateline.serve.app import create_app as build

    return build(*args, **kwargs)


__all__ = ["create_app"]
