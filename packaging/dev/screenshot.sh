#!/usr/bin/env bash
# Retakes docs/screenshot.png: the real pult window under Xvfb (the xcb platform, not offscreen),
# signed in to a real pultd serving the demo help desk, with the first tickets selected; with
# --dashboard, docs/dashboard.png: a team lead's dashboard (View → Dashboard) over the inbox;
# with --settings, docs/settings-*.png: each page of an admin's Settings menu (Departments on
# the business hours and on the mailboxes of the first department, Agents, Canned responses,
# Shared views, Rules).
# Usage: bash packaging/dev/screenshot.sh [--dashboard | --settings] [OUTPUT.png | DIRECTORY]
# (PULT_BUILD_DIR=DIR: build there)
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=window
if [[ ${1:-} == --dashboard || ${1:-} == --settings ]]; then
    mode=${1#--}
    shift
fi
case $mode in
dashboard)
    out=$(realpath -m "${1:-docs/dashboard.png}")
    who=lucija.maric@lumen.example # the demo's Billing lead
    ;;
settings)
    out=$(realpath -m "${1:-docs}") # a directory: one picture per page
    who=gregor.mlakar@lumen.example # the demo's admin
    ;;
*)
    out=$(realpath -m "${1:-docs/screenshot.png}")
    who=aleksandra.szymanska@lumen.example
    ;;
esac
# Only this script needs scrot (saves the X screen) and xdotool (presses keys in the window).
bash packaging/dev/install-deps.sh scrot xdotool

build=${PULT_BUILD_DIR:-build/release} # an existing, configured build directory may be named
[[ -n ${PULT_BUILD_DIR:-} ]] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" --target pult pultd pultctl
bin=$(realpath "$build")/app

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$bin/pultd" --data "$work/server" --listen 127.0.0.1:0 --demo-tickets 20000 \
    >"$work/pultd.out" 2>"$work/pultd.log" &
pids+=($!)
until grep -q "^pultd listening on" "$work/pultd.out" 2>/dev/null; do
    kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/pultd.log" >&2; exit 1; }
    sleep 0.5
done
url=$(sed -n 's/^pultd listening on //p' "$work/pultd.out")
echo pult-demo | PULT_CREDENTIALS=file "$bin/pultctl" --home "$work/agent" login "$url" \
    "$who"
PULT_CREDENTIALS=file "$bin/pultctl" --home "$work/agent" sync >/dev/null
if [[ $mode == dashboard ]]; then # the lead sets the goals the dashboard measures
    PULT_CREDENTIALS=file "$bin/pultctl" --home "$work/agent" dept set Billing \
        --goals "first_response 90% within 1h; resolution 80% within 1d; csat 4.5" >/dev/null
elif [[ $mode == settings ]]; then # a rule for the Rules page, a mailbox for the Mailboxes tab
    PULT_CREDENTIALS=file "$bin/pultctl" --home "$work/agent" rule add --name "VIP first" \
        --when created --if "tag:vip" --then "priority=urgent notify:lead" --dept Billing >/dev/null
    # No such server answers here: the tab shows how pultd reports a mailbox it cannot reach.
    printf 'imap-secret\nsmtp-secret\n' | "$bin/pultd" --data "$work/server" mailbox add \
        billing@lumen.example --dept Billing --imap imaps://billing@imap.lumen.example/INBOX \
        --smtp smtps://billing@smtp.lumen.example --charset windows-1250 >/dev/null
fi

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.2; done

# A fresh settings directory: the default layout, not the developer's.
XDG_CONFIG_HOME=$work/config PULT_CREDENTIALS=file QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
    "$bin/pult" --home "$work/agent" >"$work/pult.log" 2>&1 &
pids+=($!)
window=$(xdotool search --sync --onlyvisible --class pult | head -n 1)
xdotool windowsize "$window" 1280 800 windowmove "$window" 0 0 windowfocus --sync "$window"
sleep 3 # the first sync round and the first page
xdotool key --window "$window" j j j
sleep 1
if [[ $mode == dashboard ]]; then
    # The command palette finds View → Dashboard; its window is placed over the inbox. The keys
    # go through XTest to the focused window: the palette is a popup of its own.
    xdotool key ctrl+k
    sleep 0.5
    xdotool type --delay 50 Dashboard
    xdotool key Return
    board=$(xdotool search --sync --onlyvisible --name '^Dashboard' | head -n 1)
    xdotool windowsize "$board" 1180 780 windowmove "$board" 50 10
    sleep 3 # the state now, then the period's figures
elif [[ $mode == settings ]]; then
    # Each page through the command palette, placed over the inbox, saved, then closed (Escape).
    page() { # page COMMAND TITLE FILE [X of the tab to click]
        xdotool windowfocus --sync "$window"
        xdotool key ctrl+k
        sleep 0.5
        xdotool type --delay 50 "$1"
        xdotool key Return
        dialog=$(xdotool search --sync --onlyvisible --name "^$2\$" | head -n 1)
        xdotool windowsize "$dialog" 900 660 windowmove "$dialog" 190 70 \
            windowfocus --sync "$dialog"
        sleep 2 # what the page reads from the server
        [[ -z ${4:-} ]] || xdotool mousemove --window "$dialog" "$4" 24 click 1
        xdotool mousemove 0 799
        sleep 1
        scrot --overwrite "$out/$3"
        echo "Saved $out/$3"
        xdotool key Escape
        sleep 0.5
    }
    page Departments Departments settings-departments.png 344 # on the business hours
    page Departments Departments settings-mailboxes.png 785   # on the mailboxes
    page Agents Agents settings-agents.png
    page "Canned responses" "Canned responses" settings-canned.png
    page "Shared views" "Shared views" settings-views.png
    page Rules Rules settings-rules.png
    exit 0
fi
scrot --overwrite "$out"
echo "Saved $out"
