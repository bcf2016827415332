"""Crash safety: `kill -9` in the middle of `dateline ingest`, then the same ingest again,
leaves every article stored once and complete (its story row written with it), on SQLite and on
PostgreSQL (where the server rolls back the killed session's open transaction)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest_helpers import GOOD

pytestmark = pytest.mark.slow  # a subprocess ingesting hundreds of articles, killed and run again

N = 400


def _count(db: str, sql: str) -> int:
    if "://" in db:  # PostgreSQL: its schema made on first open (migrations wait on each other)
        from dateline.store.db import Store

        with Store(db) as store:
            return store.conn.execute(sql).fetchone()[0] or 0
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def test_kill_9_during_ingest_then_rerun(tmp_path, store_url):
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(N):
            text = GOOD.replace("a fifth", f"{i} tonnes").replace("third year", f"{i + 3}th year")
            fh.write(json.dumps({"id": f"n{i}", "text": text}) + "\n")
    db = store_url
    cmd = [str(Path(sys.executable).parent / "dateline"), "ingest", str(corpus), "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if _count(db, "SELECT count(*) FROM articles") > 0:  # at least one batch committed
            break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = _count(db, "SELECT count(*) FROM articles")
    print(f"killed after {first} of {N} articles (exit {proc.returncode})")
    assert first < N or proc.returncode == 0  # killed part-way (or it finished first)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    assert _count(db, "SELECT count(*) FROM articles") == N
    assert _count(db, "SELECT count(DISTINCT id) FROM articles") == N
    # every article is whole: its story row went in with it, in the same transaction
    assert _count(db, "SELECT count(*) FROM article_story") == N
    assert _count(db, "SELECT sum(num_articles) FROM stories") == N
