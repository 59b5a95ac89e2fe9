#!/usr/bin/env bash
# Builds Pult and starts it with its embedded defaults: pultd on a local SQLite file with the demo
# help desk (build/demo-server), a profile signed in to it as a demo agent (build/demo-agent), a
# search from the command line, then the desktop window on that profile, kept in step with pultd
# by the sync engine. pultd stops when the window closes (or with Ctrl-C without a display).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash packaging/dev/install-deps.sh

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
# Only what runs here (pultd builds its mail helper with it): the tests and benchmarks are
# tests/run.sh's, and a newcomer sees the product sooner without them.
cmake --build build/release -j "$(nproc)" --target pult pultd pultctl

bin=$PWD/build/release/app
data=${PULT_DEMO_SERVER:-$PWD/build/demo-server}
home=${PULT_HOME:-$PWD/build/demo-agent}
listen=${PULT_DEMO_LISTEN:-127.0.0.1:8743}
agent=${PULT_DEMO_AGENT:-aleksandra.szymanska@lumen.example}

mkdir -p "$data"
"$bin/pultd" --data "$data" --listen "$listen" --demo-tickets "${PULT_DEMO_TICKETS:-20000}" \
    >"$data/pultd.out" 2>"$data/pultd.log" &
pultd=$!
trap 'kill $pultd 2>/dev/null; wait $pultd 2>/dev/null || true' EXIT
echo "== Starting pultd on $listen (the first start writes the demo data; this takes a while)"
until grep -q "^pultd listening on" "$data/pultd.out" 2>/dev/null; do
    kill -0 $pultd 2>/dev/null || { cat "$data/pultd.log" >&2; exit 1; }
    sleep 0.5
done
url=$(sed -n 's/^pultd listening on //p' "$data/pultd.out")
sed -n '2,6p' "$data/pultd.out"
echo "Customers' contact form (docs/customer-pages.md): $url/form/billing"

echo "== pultctl --home $home login $url $agent"
echo pult-demo | "$bin/pultctl" --home "$home" login "$url" "$agent"
echo "== pultctl --home $home search lodz"
"$bin/pultctl" --home "$home" search --limit 3 lodz
if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    "$bin/pult" --home "$home"
else
    echo "No display: start the window with  xvfb-run $bin/pult --home $home"
    echo "pultd serves $url (all demo logins: password pult-demo); Ctrl-C stops it."
    wait $pultd
fi
