"""The command line through Typer's runner and through real subprocesses of the installed command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

from .conftest import assert_verbatim_in_order

runner = CliRunner()


def invoke(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_file_text_format(samples):
    result = invoke(str(samples[0]), "-f", "text")
    assert result.exit_code == 0
    assert "Résumé :" in result.stdout and "Thèmes clés :" in result.stdout
    assert "\x1b[" not in result.stdout


def test_default_format_off_terminal_is_plain_text(samples):
    result = invoke(str(samples[0]))
    assert result.exit_code == 0 and "Résumé :" in result.stdout and "\x1b[" not in result.stdout


def test_long_sentences_are_not_wrapped(samples):
    out = invoke(str(samples[0]), "-f", "text").stdout
    longest = max(len(line) for line in out.splitlines())
    assert longest > 120


def test_json_single_document_schema(samples):
    result = invoke(str(samples[1]), "-f", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    assert set(data) >= {"source", "language", "title", "summary", "topics", "facts", "stats"}
    assert data["source"] == str(samples[1]) and data["language"] == "fr"
    assert len(data["summary"]) == 3 and len(data["topics"]) == 5


def test_json_several_inputs_is_an_array(samples):
    data = json.loads(invoke(str(samples[0]), str(samples[1]), "-f", "json").stdout)
    assert [d["source"] for d in data] == [str(samples[0]), str(samples[1])]


def test_jsonl_one_object_per_line(samples):
    lines = invoke(str(samples[0]), str(samples[1]), str(samples[2]), "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 3 and all(json.loads(line)["summary"] for line in lines)


def test_markdown(samples):
    out = invoke(str(samples[0]), "-f", "markdown").stdout
    assert out.startswith("## ") and "**Résumé**" in out and "\n- " in out


def test_rich_format(samples):
    result = invoke(str(samples[0]), "-f", "rich")
    assert result.exit_code == 0 and "Résumé" in result.stdout and "Thèmes clés" in result.stdout


def test_stdin_dash_and_piped(samples):
    text = samples[0].read_text(encoding="utf-8")
    for args in (["-", "-f", "json"], ["-f", "json"]):
        data = json.loads(invoke(*args, input=text).stdout)
        assert data["source"] == "-"
        assert_verbatim_in_order(data["summary"], text)


def test_folder_batch_sorted(samples, tmp_path):
    for path in samples:
        shutil.copy(path, tmp_path / path.name)
    lines = invoke(str(tmp_path), "-f", "jsonl").stdout.splitlines()
    sources = [json.loads(line)["source"] for line in lines]
    assert sources == sorted(sources) and len(sources) == len(samples)


def test_options_change_the_output(samples):
    data = json.loads(invoke(str(samples[0]), "-n", "1", "-k", "0", "-a", "lead", "-l", "fr", "-f", "json").stdout)
    assert len(data["summary"]) == 1 and data["topics"] == [] and data["algorithm"] == "lead"


def test_explain_in_json(samples):
    data = json.loads(invoke(str(samples[0]), "--explain", "-f", "json").stdout)
    assert len(data["scores"]) == data["stats"]["sentences"]
    assert {"index", "text", "score", "rank", "selected"} <= set(data["scores"][0])


def test_explain_in_the_terminal_lists_every_sentence(samples):
    result = runner.invoke(app, [str(samples[0]), "--explain", "-f", "text"])
    assert result.exit_code == 0
    table = result.output.split("Scores :")[1].strip().splitlines()
    summary_json = json.loads(runner.invoke(app, [str(samples[0]), "--explain", "-f", "json"]).output)
    assert len(table) == len(summary_json["scores"])
    starred = [line for line in table if line.lstrip().startswith("*")]
    assert len(starred) == len(summary_json["summary"]) == 3
    assert all(any(sentence in line for line in starred) for sentence in summary_json["summary"])


def test_words_and_ratio_are_exclusive(samples):
    result = invoke(str(samples[0]), "--words", "50", "--ratio", "0.2")
    assert result.exit_code == 2 and "cannot be combined" in result.stderr


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("summarize ")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"  \n \n", "empty"),
    (b"\x00\x01\x02\x03binary\xff\xfe\x00", "binary"),
    (b"%PDF-1.7\n%\xe2\xe3\n", "damaged or unreadable PDF"),
    (b"PK\x03\x04" + b"\x00" * 40, "damaged zip container"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "save it as .docx"),
])
def test_bad_files(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = invoke(str(bad))
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_missing_path_and_empty_folder(tmp_path):
    result = invoke(str(tmp_path / "absent.txt"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    (tmp_path / "empty").mkdir()
    result = invoke(str(tmp_path / "empty"))
    assert result.exit_code == 1 and "no supported text file" in result.stderr


def test_unknown_option_and_values():
    assert invoke("--no-such-option").exit_code == 2
    assert invoke("x.txt", "-f", "yaml").exit_code == 2
    assert invoke("x.txt", "-a", "magic").exit_code == 2


def test_mixed_folder_reports_error_and_goes_on(samples, tmp_path):
    shutil.copy(samples[0], tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")
    shutil.copy(samples[1], tmp_path / "c.txt")
    result = invoke(str(tmp_path), "-f", "jsonl", "-j", "1")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [("error" in r) for r in records] == [False, True, False]
    assert records[1]["source"].endswith("b.txt") and "empty" in records[1]["error"]


def test_output_dir_mirrors_and_never_touches_inputs(samples, tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(samples[0], src / "a.txt")
    shutil.copy(samples[1], src / "sub" / "b.txt")
    before = {p: p.read_bytes() for p in src.rglob("*.txt")}
    out = tmp_path / "out"
    result = invoke(str(src), "-o", str(out), "-f", "json")
    assert result.exit_code == 0
    assert json.loads((out / "a.summary.json").read_text())["summary"]
    assert json.loads((out / "sub" / "b.summary.json").read_text())["summary"]
    assert {p: p.read_bytes() for p in src.rglob("*.txt")} == before
    assert invoke(str(src), "-o", str(src)).exit_code == 2


# --- real subprocesses of the installed command -------------------------------------------

def _installed_command() -> list[str]:
    exe = shutil.which("summarize", path=os.path.dirname(sys.executable))
    return [exe] if exe else [sys.executable, "-m", "summarize"]


def _offline_env(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "empty-home"
    empty.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "HTTP", "HTTPS"))}
    env.update(HOME=str(empty), NLTK_DATA=str(empty), HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
               NO_COLOR="1")
    return env


@pytest.mark.parametrize("algorithm", ["pyramid", "lexrank", "lsa", "edmundson"])
def test_installed_command_offline_on_the_user_example(tmp_path, user_example, algorithm):
    proc = subprocess.run([*_installed_command(), str(user_example), "-a", algorithm, "-f", "json"],
                          capture_output=True, text=True, env=_offline_env(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert_verbatim_in_order(data["summary"], user_example.read_text(encoding="utf-8"))
    assert "nltk_data" not in proc.stderr.lower()


def test_installed_command_pipe_to_head_ends_quietly(tmp_path, samples):
    cmd = " ".join(_installed_command()) + f" {samples[0].parent} -f text | head -1"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, env=_offline_env(tmp_path), timeout=120)
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_every_path_exits_141_when_stdout_is_closed(tmp_path, samples):
    """The exit-code table's 141 holds for help and version too, not only for results: stdout is a
    pipe whose reading end is closed before the command starts, so its first write fails, always."""
    import os

    for args in (["--help"], ["--version"], [str(samples[0]), "-f", "text"], [str(samples[0].parent), "-f", "jsonl", "-j", "2"]):
        read_end, write_end = os.pipe()
        os.close(read_end)
        try:
            proc = subprocess.run([*_installed_command(), *args], stdout=write_end, stderr=subprocess.PIPE, text=True,
                                  env=_offline_env(tmp_path), timeout=120)
        finally:
            os.close(write_end)
        assert proc.returncode == 141, (args, proc.returncode, proc.stderr[-500:])
        assert "Traceback" not in proc.stderr, args


def test_installed_command_stdin_and_folder(tmp_path, samples):
    text = samples[0].read_bytes()
    proc = subprocess.run(_installed_command(), input=text, capture_output=True, env=_offline_env(tmp_path), timeout=120)
    assert proc.returncode == 0 and "Résumé :" in proc.stdout.decode()
    proc = subprocess.run([*_installed_command(), str(samples[0].parent), "-f", "jsonl", "-j", "2"],
                          capture_output=True, text=True, env=_offline_env(tmp_path), timeout=120)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == len(samples)
    assert "summarized, 0 failed" in proc.stderr


def test_max_size_refuses_large_inputs(samples, tmp_path):
    result = invoke(str(samples[0]), "--max-size", "1k")
    assert result.exit_code == 1 and "too large" in result.stderr
    result = invoke("-", "--max-size", "1k", input=samples[0].read_text(encoding="utf-8"))
    assert result.exit_code == 1 and "too large" in result.stderr


def test_every_data_file_is_packaged():
    """A data file that no package-data glob names works from a checkout and is missing from a
    regular install (an idf table once was)."""
    import fnmatch
    from pathlib import Path

    import tomllib

    root = Path(__file__).resolve().parents[1]
    globs = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["summarize"]
    files = [p.relative_to(root / "summarize").as_posix() for p in (root / "summarize" / "data").iterdir() if p.is_file()]
    assert files
    assert [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)] == []
