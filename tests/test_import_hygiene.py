"""The data layer never imports the interface libraries, the browser starts without kiwipiepy, and the
imports go one way: no circles, command modules that do not import each other."""

import json
import subprocess
import sys


def loaded_modules(code: str) -> set[str]:
    """Return the top-level modules loaded after running code in a fresh interpreter."""
    script = code + "\nimport sys, json\nprint(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_models_pipeline_store_do_not_import_textual_or_rich():
    code = "\n".join([
        "import tui.models, tui.pipeline, tui.store",
        "import tui.pipeline.read, tui.pipeline.html, tui.pipeline.clean, tui.pipeline.split, tui.pipeline.segment",
        "import tui.pipeline.numbers, tui.pipeline.gazetteer, tui.pipeline.programs, tui.pipeline.claims",
        "import tui.pipeline.analyze, tui.pipeline.attribution, tui.pipeline.process",
        "import tui.store.db, tui.store.schema, tui.store.write, tui.store.read, tui.store.compare",
    ])
    loaded = loaded_modules(code)
    assert "textual" not in loaded
    assert "rich" not in loaded


def test_store_does_not_import_the_pipeline_or_kiwipiepy():
    script = ("import tui.store.db, tui.store.write, tui.store.read, tui.store.schema, sys, json\n"
              "print(json.dumps([m for m in sys.modules if m.startswith(('tui.pipeline', 'kiwipiepy'))]))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def _imports_of(tree, package: str, modules: set[str]) -> set[str]:
    """Return the project modules a module imports (at the top or inside functions; type-checking imports,
    which never run, are left out)."""
    import ast

    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules}


def import_graph() -> dict[str, set[str]]:
    """Return {module: project modules it imports} for every module of the tui package."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "tui"
    files = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        files[".".join(parts)] = path
    graph = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = _imports_of(ast.parse(path.read_text(encoding="utf-8")), package, set(files))
        graph[name] = {m for m in imported if m != name and not name.startswith(m + ".")}  # a package's own parents
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the import circles: groups of modules that import one another, directly or through others."""
    order, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for other in sorted(graph[module]):
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return cycles


def test_the_import_graph_has_no_circles():
    assert import_cycles(import_graph()) == []


def test_the_circle_check_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]


def test_command_modules_do_not_import_each_other():
    graph = import_graph()
    commands = {m for m in graph if m.startswith("tui.commands.") and m != "tui.commands.common"}
    for module in commands:
        assert graph[module] & commands == set(), module
        assert "tui.cli" not in graph[module], module



def test_the_ingest_orchestration_and_the_pipeline_step_have_their_own_names():
    modules = import_graph()
    assert [m for m in modules if m.rpartition(".")[2] == "ingest"] == ["tui.ingest"]
    assert "tui.ingest" not in modules["tui.pipeline.process"]  # the step knows nothing of what runs it


def test_every_command_is_listed_once_with_its_module_and_the_browser_path_imports_none():
    import importlib

    from tui.cli import COMMAND_MODULES

    defined = {}
    for module in set(COMMAND_MODULES.values()):
        for command in importlib.import_module(f"tui.commands.{module}").COMMANDS:
            defined[command.name] = module
    assert defined == COMMAND_MODULES
    loaded = loaded_modules("import tui.cli")
    script = ("import tui.cli, sys, json\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.startswith('tui.commands.'))))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["tui.commands.common"]
    assert "textual" not in loaded
    assert "ray" not in loaded


def test_the_browser_starts_without_the_fetching_and_extraction_libraries(seed_db):
    """Opening the browser's modules and painting its first screen imports none of httpx, feedparser,
    trafilatura and ray (only fetch and ingest need them), as the browser starts without kiwipiepy."""
    heavy = {"httpx", "feedparser", "trafilatura", "ray"}
    assert not loaded_modules("import tui.cli, tui.ui.app") & heavy
    from ui_helpers import first_screen_imports

    assert first_screen_imports(seed_db, heavy, preload="import tui.cli") == {"loaded": [], "screen": "BrowseScreen"}


def test_the_browser_and_a_local_ingest_never_import_ray():
    loaded = loaded_modules("import tui.cli, tui.ui.app, tui.ingest, tui.commands.corpus, tui.commands.common")
    assert "ray" not in loaded


def test_no_module_binds_a_top_level_name_twice():
    """A second constant of the same name silently replaces the first for every rule that reads it."""
    import ast
    from collections import Counter
    from pathlib import Path

    twice = []
    for path in sorted((Path(__file__).resolve().parent.parent / "tui").rglob("*.py")):
        names = Counter()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names[node.name] += 1
        twice += [f"{path.name}: {name}" for name, count in names.items() if count > 1]
    assert twice == []
