"""The core and the store must not depend on Qt: import them with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked: core and store must not import Qt")
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib, raptor_desktop.core, raptor_desktop.store, raptor_desktop.cli
for package in (raptor_desktop.core, raptor_desktop.store):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
print("ok")
"""


def test_core_store_and_cli_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
