#!/bin/sh
# Builds the onedir bundle dist/raptor/ from raptor.spec, then runs its self-test.
# Needs the project's virtual environment with the `bundle` extra (make bundle does this) and
# binutils (objdump for PyInstaller, as and ld for the smaller ICU data library that
# build/icu_data.py makes). Nothing is downloaded: PyInstaller works from the installed packages.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
export RAPTOR_BUILD_WORK="${RAPTOR_BUILD_WORK:-build/pyinstaller}"
for tool in objdump as ld; do
    command -v $tool >/dev/null || { echo "build-linux: install binutils ($tool)" >&2; exit 1; }
done
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$RAPTOR_BUILD_WORK" --distpath dist raptor.spec
install -m 644 resources/icons/raptor.png dist/raptor/raptor-desktop.png
install -m 644 resources/raptor-desktop.desktop dist/raptor/raptor-desktop.desktop
echo "bundle: dist/raptor ($(du -sh dist/raptor | cut -f1))"
QT_QPA_PLATFORM=offscreen dist/raptor/raptor --selftest
