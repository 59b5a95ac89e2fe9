#!/usr/bin/env bash
# Builds Pult and starts it on demo data with its embedded defaults: a local store under
# build/demo-home filled by "pultctl demo", searched once from the command line, then the
# desktop window on it. (Server sign-in arrives with the pultd and sync issues.)
set -euo pipefail
cd "$(dirname "$0")/../.."
bash packaging/dev/install-deps.sh

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc)"

home=${PULT_HOME:-$PWD/build/demo-home}
if [[ ! -f $home/cache.db ]]; then
    build/release/app/pultctl --home "$home" demo --tickets "${PULT_DEMO_TICKETS:-20000}"
fi
echo "== pultctl --home $home search lodz"
build/release/app/pultctl --home "$home" search --limit 3 lodz
if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    exec build/release/app/pult --home "$home"
else
    echo "No display: start the window with  xvfb-run build/release/app/pult --home $home"
fi
