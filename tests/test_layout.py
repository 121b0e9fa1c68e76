"""The package's layout shows the pipeline: stage folders, a thin top, and imports that run one way."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "summarize"
STAGES = ("read", "text", "rank", "grammar", "extract", "render", "run")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """Every module of the package this file imports, at its top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import x` names a module; `from .x import y` names a value
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules and m != name}


def import_graph() -> dict[str, set[str]]:
    paths = list(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imported_modules(p, modules) for p in paths}


def test_no_import_circle_anywhere_in_the_package():
    graph = import_graph()
    state: dict[str, int] = {}
    circles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                circles.append(trail[trail.index(target):] + [target] if target in trail else [node, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert circles == []


def test_stages_never_import_the_face_or_the_conductor():
    """Arrows run from cli and pipeline down to the stages; `run` alone drives the pipeline (batches call it)."""
    for module, targets in import_graph().items():
        stage = module.split(".")[1] if module.count(".") else ""
        if stage in STAGES:
            assert "summarize.cli" not in targets, module
            if stage != "run":
                assert "summarize.pipeline" not in targets, module


def test_the_top_holds_the_face_and_the_conductor_and_the_stages_are_folders():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 8, top
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{stage}/__init__.py says what the stage does"


def test_the_graph_sees_imports_inside_functions():
    """The circle check reads lazy imports too (a lazy import is still an arrow)."""
    graph = import_graph()
    assert "summarize.extract.organisations" in graph["summarize.extract.facts"]  # imported inside extract_facts
    assert "summarize.render.html" in graph["summarize.render.formats"]  # imported inside render_one


def test_the_public_api_answers_from_the_package_and_the_record_tools_load_on_first_use():
    import subprocess
    import sys

    code = ("import sys, summarize\n"
            "assert 'summarize.run.records' not in sys.modules and 'summarize.run.cluster' not in sys.modules\n"
            "from summarize import Summary, read_text, split_sentences, summarize_partition, summarize_text\n"
            "rows = summarize_partition([{'id': '1', 'text': 'La ville de Rennes ouvre trois crèches. Elles accueillent 180 enfants.'}])\n"
            "print(rows[0]['summary'][0], split_sentences('M. Dupont est arrivé. Il a parlé.')[1])\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "La ville de Rennes ouvre trois crèches. Il a parlé."
