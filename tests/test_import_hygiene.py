"""The data layer never imports the interface libraries, and the browser starts without kiwipiepy."""

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
        "import tui.pipeline.analyze, tui.pipeline.attribution, tui.pipeline.ingest",
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
