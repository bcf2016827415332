"""The command line: thin click wrappers over the stages and the store.

``main`` is the ``dateline`` command. Command groups are listed as modules, imported plainly:
one that cannot be imported fails here, it is never skipped.
"""

from dateline.cli import batch, events, ingest, quotes, serve
from dateline.cli.main import main

COMMAND_MODULES = (quotes, events, ingest, batch, serve)
for _module in COMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)

__all__ = ["COMMAND_MODULES", "main"]
