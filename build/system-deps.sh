#!/bin/sh
# Debian packages the project needs: Qt's libraries, binutils (PyInstaller's objdump),
# poppler-utils (looking at PDFs) and util-linux (setpriv, for the read-only folder test). Installs them when run as root, otherwise says which to
# install. Used by `make run`, `make test` and `make bundle`.
set -eu
PACKAGES="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 poppler-utils binutils util-linux"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "system-deps: not a Debian-based system; make sure Qt 6's libraries (OpenGL, EGL," \
         "fontconfig, xkbcommon, xcb-cursor) are installed." >&2
    exit 0
fi
missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "system-deps: installing$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
    echo "system-deps: Qt needs these Debian packages; install them with:" >&2
    echo "    sudo apt-get install --no-install-recommends$missing" >&2
    exit 1
fi
