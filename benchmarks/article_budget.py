"""Benchmark: one long article through the whole pipeline — time and peak memory per size.

    .venv/bin/python benchmarks/article_budget.py [--sizes 100000,1000000,cap] [--seed 3]

Each size runs in a fresh child process (so peak memory is that article's alone: the child's
max RSS, model loaded included). The article is news prose generated here from templates of our
own — statements with cues and speakers, quoted words, dates, places, numbers — in paragraphs,
the way a long wire story or a live blog reads; no gold or real text. ``cap`` stands for the
default character cap (``dateline.ingest.limits.max_chars()``), the largest article the pipeline takes.

Prints one row per size: characters, seconds (wall), CPU seconds (all threads: what the
article costs on a machine shared with other work), peak RSS (MB), quotes, events, and the
record's error code if it has one.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys

NAMES = ["Amara Keller", "Tomas Reyes", "Ingrid Novak", "Samuel Osei", "Lena Marsh", "Viktor Hale",
         "Priya Anand", "Jonah Whitfield", "Mariam Haddad", "Colin Breck", "Yusuf Demir", "Elena Sorel"]
ROLES = ["the foreign minister", "a government spokesman", "the mayor", "the army chief",
         "an opposition leader", "the central bank governor", "a senior diplomat", "the police commander"]
PLACES = ["Kampala", "Lisbon", "Tbilisi", "Manila", "Lima", "Oslo", "Nairobi", "Hanoi", "Quito", "Riga"]
COUNTRIES = ["Uganda", "Portugal", "Georgia", "the Philippines", "Peru", "Norway", "Kenya", "Vietnam"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday", "over the weekend"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
TOPICS = ["the ceasefire", "the trade agreement", "fuel prices", "the border crossing", "the election",
          "the new budget", "the water dispute", "the prisoner exchange"]
TEMPLATES = [
    "{name}, {role}, said {day} that {country} would not accept {topic} in its current form.",
    '"We will keep talking as long as there is something to talk about," {name} told reporters in {place}.',
    "Police in {place} arrested {num} protesters {day} after a march against {topic} turned violent.",
    "{country} and {country2} signed {topic} {day}, ending months of talks, officials said.",
    "According to {role}, at least {num} people were hurt when the crowd was dispersed.",
    "{name} accused {country2} of breaking {topic}, saying its troops had crossed the line {day}.",
    'The talks will resume on {month} {date}, {role} said, adding: "Nobody is leaving the table."',
    "Troops fired on demonstrators near {place} {day}, witnesses said, and {num} were taken to hospital.",
    "{role} met {name} in {place} to discuss {topic}, and both sides described the meeting as useful.",
    "The government of {country} announced {day} that it would send {num} aid workers to {place}.",
    "Critics said {topic} favoured {country2}, while {name} insisted it was fair to everyone.",
    "In a statement, {role} condemned the attack on {place} and called for an inquiry by {month}.",
    "The road from {place} to the coast was closed for most of the day, and long queues formed at the checkpoints.",
    "Prices of bread and cooking oil in {place} have risen by {num} percent since {month}.",
    "The parliament of {country} is due to vote on {topic} before the end of {month}.",
    "Shops in the centre of {place} stayed shut {day} as a general strike entered its second week.",
    "Heavy rain flooded several districts of {place}, cutting power to about {num} homes.",
    "The last round of negotiations over {topic} collapsed in {month} after a dispute over the timetable.",
    "Trade between {country} and {country2} fell sharply last year, customs figures show.",
    "Hundreds of families have left the villages along the river since the fighting began in {month}.",
]


def generate(chars: int, seed: int = 3) -> str:
    """News prose of about ``chars`` characters: paragraphs of three to five sentences."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            template = rng.choice(TEMPLATES)
            country, country2 = rng.sample(COUNTRIES, 2)
            sentences.append(template.format(
                name=rng.choice(NAMES), role=rng.choice(ROLES), place=rng.choice(PLACES), country=country,
                country2=country2, day=rng.choice(DAYS), month=rng.choice(MONTHS), date=rng.randint(1, 28),
                topic=rng.choice(TOPICS), num=rng.randint(2, 400)))
        paragraph = " ".join(sentences)
        paragraph = paragraph[0].upper() + paragraph[1:]
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars].rsplit(" ", 1)[0] + "."


def run_one(chars: int, seed: int) -> dict[str, object]:
    """In this (child) process: one article of ``chars`` characters through ``process_batch``."""
    import resource
    import time

    from dateline.ingest.raw import RawInput
    from dateline.nlp import load_model
    from dateline.pipeline import Options, process_batch

    nlp = load_model()
    text = "KAMPALA, March 3 (Wire) - " + generate(chars, seed)
    options = Options(published="2024-03-03", max_bytes=len(text.encode()) + 1)
    start, cpu = time.perf_counter(), time.process_time()
    [article] = list(process_batch([RawInput(id="long", text=text, title="A long day of talks")], options, nlp))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": len(text), "seconds": round(seconds, 1), "cpu": round(cpu, 1), "peak_rss_mb": round(peak_mb),
            "quotes": len(article.quotes), "events": len(article.events),
            "error": article.error.code if article.error else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,cap")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.seed)))
        return
    from dateline.ingest.limits import max_chars

    print(f"{'size':>10} {'chars':>10} {'seconds':>8} {'cpu s':>8} {'peak MB':>8} {'quotes':>7} {'events':>7}  error")
    for size in args.sizes.split(","):
        chars = max_chars() - 100 if size == "cap" else int(size)
        out = subprocess.run([sys.executable, __file__, "--child", str(chars), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{size:>10} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{size:>10} {row['chars']:>10} {row['seconds']:>8} {row['cpu']:>8} {row['peak_rss_mb']:>8} {row['quotes']:>7} "
              f"{row['events']:>7}  {row['error'] or '-'}")


if __name__ == "__main__":
    main()
