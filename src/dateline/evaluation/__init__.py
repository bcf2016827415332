"""`dateline eval`: the development sets in ../shared/data, scored through the contract record.

A suite (``suite.Suite``) builds the inputs of one development set as the matching
``../shared/eval/score_*.py`` builds them, gets the records ``dateline extract`` writes for them
(``records``), and scores those records with the shared scorers' conventions (``measures``), on
the whole set and on its fixed tune and check halves (``splits``). The suites are listed, as
objects, in ``harness.SUITES``; ``baseline.json`` pins each set's digest and each metric's floor.
See docs/evaluation.md.
"""
