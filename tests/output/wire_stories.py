"""Hand-written wire stories for the export tests (our own words; names of real places only)."""

from __future__ import annotations

GAS_DEAL = (
    "WARSAW, March 4 - Poland signed a gas supply agreement with Norway on Monday, "
    "the Polish energy ministry said.\n\n"
    "The deal covers deliveries through 2030 and replaces a contract that expired last year, "
    "officials in both capitals said.\n\n"
    "Ukraine did not retaliate against Belarus after a border incident on Sunday, a spokesman for "
    "the Ukrainian border guard said."
)
# The same story as a second outlet runs it: a trimmed lead and a house-style edit.
GAS_DEAL_REPRINT = GAS_DEAL.replace("officials in both capitals said", "officials in Warsaw and Oslo said")
SHELLING = (
    "KYIV, March 3 - Russian forces shelled the town of Pokrovsk on Sunday, damaging "
    "a school and two apartment blocks, regional officials said.\n\n"
    "Emergency crews worked through the night to clear the rubble."
)
SANCTIONS = (
    "BRUSSELS, March 5 - The European Union imposed new sanctions on Iran on Wednesday "
    "over its missile programme.\n\n"
    "The measures freeze the assets of eleven companies."
)


def records() -> list[dict]:
    return [
        {"id": "gas-1", "text": GAS_DEAL, "title": "Poland and Norway sign gas deal",
         "url": "https://northwire.example/gas-deal", "publisher": "Northwire",
         "published": "Tue, 04 Mar 2025 08:30:00 +0000"},
        {"id": "gas-2", "text": GAS_DEAL_REPRINT, "title": "Poland signs Norwegian gas deal",
         "url": "https://dailyexample.example/poland-gas", "publisher": "The Daily Example",
         "published": "March 4, 2025"},
        {"id": "shell-1", "text": SHELLING, "title": "Russian shelling hits eastern town",
         "url": "https://northwire.example/pokrovsk", "publisher": "Northwire", "published": 1741006800},
        {"id": "eu-1", "text": SANCTIONS, "title": "EU widens Iran sanctions",
         "url": "https://northwire.example/eu-iran", "publisher": "=Northwire Europe",
         "published": "2025-03-05T12:00:00Z"},
    ]
