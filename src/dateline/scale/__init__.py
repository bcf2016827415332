"""Scale out: one batch function on a process pool or on Spark, Parquet datasets as output.

Both engines call :func:`dateline.pipeline.process_batch` on chunks of raw inputs (the model is
loaded once per worker process) and write the same layout: ``OUTPUT/articles``,
``OUTPUT/events``, ``OUTPUT/quotes`` and ``OUTPUT/mentions``, Parquet datasets partitioned by the
article's year and month (see docs/scaling.md).
"""
