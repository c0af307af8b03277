"""Wheel build hook: compile the parser's modules with mypyc where the machine can.

The parser is pure Python, and typed strictly enough for mypyc to compile it into C
extension modules; compiled, a cable costs ~23 % fewer instructions (docs/performance.md).
The ``.py`` sources stay in the wheel beside the extensions; a wheel built without the
extensions is the same library, only slower.

``CABLEPARSE_COMPILE`` chooses:

* unset or ``auto``: compile; when that fails (no C compiler, no Python headers, an
  interpreter mypyc does not support) warn and build the pure-Python wheel;
* ``0``: never compile (no mypy is installed for the build);
* ``1``: compile, and fail the build when that fails.

Editable installs are never compiled: a source checkout is what they are for.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_MODES = ("auto", "0", "1")


def _mode() -> str:
    mode = os.environ.get("CABLEPARSE_COMPILE", "auto").strip().lower() or "auto"
    if mode not in _MODES:
        raise ValueError(f"CABLEPARSE_COMPILE must be one of {', '.join(_MODES)}, not {mode!r}")
    return mode


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    def dependencies(self) -> list[str]:
        # Asked for before the build environment is made: only a compiling build needs
        # mypyc (shipped with mypy), setuptools (whose build_ext drives the compiler) and
        # the project's own dependencies (mypy type-checks what it compiles, so the types
        # of its imports must be installed).
        if _mode() == "0":
            return []
        return [*self.config.get("requires", []), *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        mode = _mode()
        if self.target_name != "wheel" or version == "editable" or mode == "0":
            return
        # The built files are read when the wheel is written, after this method: the
        # directory is removed by finalize().
        self._work = tempfile.mkdtemp(prefix="cableparse-mypyc-")
        try:
            built = self._compile(Path(self._work))
        except (Exception, SystemExit) as error:  # mypyc exits on a type error
            if mode == "1":
                raise
            self.app.display_warning(
                f"cableparse: mypyc could not compile the parser ({type(error).__name__}: "
                f"{error}); building the pure-Python wheel (set CABLEPARSE_COMPILE=0 to "
                "skip the attempt, =1 to make it an error)"
            )
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, target in built.items():
            build_data["force_include"][path] = target
        self.app.display_info(f"cableparse: compiled by mypyc ({len(built)} extension files)")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)

    def _compile(self, work: Path) -> dict[str, str]:
        """Compile the configured modules under ``work``; their built files by the path
        each takes in the wheel."""
        from mypyc.build import mypycify
        from setuptools import Distribution  # type: ignore[import-untyped]
        from setuptools.command.build_ext import build_ext  # type: ignore[import-untyped]

        root = Path(self.root)
        modules = [str(root / "src" / module) for module in self.config["modules"]]
        options = [
            "--config-file",
            str(root / "pyproject.toml"),
            "--cache-dir",
            str(work / "cache"),
        ]
        # multi_file: the generated C in one file per module rather than one file for all,
        # which the two compilers that build_ext runs in parallel share (65 -> 49 s here).
        extensions = mypycify(
            [*options, *modules],
            target_dir=str(work / "c"),
            group_name="cableparse",
            multi_file=True,
        )
        command = build_ext(Distribution({"ext_modules": extensions}))
        command.build_lib = str(work / "lib")
        command.build_temp = str(work / "temp")
        command.parallel = os.cpu_count() or 1
        command.ensure_finalized()
        command.run()
        lib = work / "lib"
        return {
            str(path): path.relative_to(lib).as_posix() for path in lib.rglob("*") if path.is_file()
        }
