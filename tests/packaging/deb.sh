#!/usr/bin/env bash
# packaging_deb: the Debian packages CPack makes from this build tree pass lintian, install with
# apt-get, work from their installed paths (the server as its system user, with the packaged
# settings; the window offscreen), and are removed again, leaving the server's data alone.
#     deb.sh BUILD_DIR CPACK
# It installs into the real system, so it runs only as root and only where no Pult package,
# pult user or /var/lib/pult is present; it removes everything it installed or made.
set -euo pipefail
build=$(realpath "$1")
cpack=$2
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || skip "installs packages: run as root"
for p in pult pultctl pultd; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -qv "not-installed"; then
        skip "a $p package is on this machine"
    fi
done
[[ ! -e /var/lib/pult && ! -e /etc/pult ]] || skip "/var/lib/pult or /etc/pult exists"
! getent passwd pult >/dev/null || skip "a user pult exists"

work=$(mktemp -d /tmp/pult-deb.XXXXXX)
server_pid=""
cleanup() {
    [[ -z $server_pid ]] || kill "$server_pid" 2>/dev/null || true
    pkill -u pult 2>/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq -o DPkg::Lock::Timeout=300 \
        pult pultctl pultd >/dev/null 2>&1 || true
    userdel pult 2>/dev/null || true
    groupdel pult 2>/dev/null || true
    rm -rf /var/lib/pult /etc/pult "$work"
}
trap cleanup EXIT
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -y -qq -o DPkg::Lock::Timeout=300 "$@"; }

echo "== cpack"
"$cpack" --config "$build/CPackConfig.cmake" -B "$work/debs" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
debs=("$work"/debs/*.deb)
[[ ${#debs[@]} -eq 3 ]] || fail "expected three packages, got: ${debs[*]}"
version=$(dpkg-deb -f "$work"/debs/pultd_*.deb Version)

echo "== dependencies found from the binaries"
grep -q "libqt6widgets6" <<<"$(dpkg-deb -f "$work"/debs/pult_*.deb Depends)" || fail "pult Depends"
grep -q "libqt6core6" <<<"$(dpkg-deb -f "$work"/debs/pultctl_*.deb Depends)" || fail "pultctl Depends"
pultd_depends=$(dpkg-deb -f "$work"/debs/pultd_*.deb Depends)
for lib in libsodium libpq5 libgmime-3.0; do # pultd's and pult-mailparse's
    grep -q "$lib" <<<"$pultd_depends" || fail "pultd Depends lacks $lib: $pultd_depends"
done

echo "== lintian"
# One run: its findings are printed, and an error fails the test (only the Debian-archive
# warning about an initial upload is left out of the print).
lintian_status=0
lintian_out=$(lintian --fail-on error "${debs[@]}" 2>&1) || lintian_status=$?
grep -v "running with root privileges\|initial-upload-closes-no-bugs" <<<"$lintian_out" || true
[[ $lintian_status -eq 0 ]] || fail "lintian reports errors"

echo "== install"
apt_get install "${debs[@]}" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }

echo "== the programs from their installed paths"
[[ $(/usr/bin/pultd --version) == "pultd ${version%-*}" ]] || fail "pultd --version"
# Read whole before grep: with pipefail, grep -q leaving early would make pultctl's write fail.
grep -q "^Usage: pultctl" <<<"$(/usr/bin/pultctl --help)" || fail "pultctl --help"
[[ -x /usr/libexec/pult/pult-mailparse ]] || fail "pult-mailparse is not in /usr/libexec/pult"

echo "== the packages' files"
# Read from the packages themselves: a machine may keep dpkg from installing documentation.
for deb in "${debs[@]}"; do dpkg-deb -x "$deb" "$work/root"; done
for page in pultd pultctl pult; do
    file=$work/root/usr/share/man/man1/$page.1.gz
    warnings=$(MANWIDTH=80 man --warnings -l "$file" 2>&1 >/dev/null) || fail "man $page"
    [[ -z $warnings ]] || fail "man $page: $warnings"
done
# Every option of --help is in the man page (roff writes a dash as \-).
for program in pultd pultctl; do
    page=$(zcat "$work/root/usr/share/man/man1/$program.1.gz" | sed 's/\\-/-/g')
    for option in $("/usr/bin/$program" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -qF -- "$option" <<<"$page" || fail "man $program does not mention $option"
    done
done
desktop-file-validate "$work/root/usr/share/applications/org.pult.Pult.desktop" ||
    fail "desktop-file-validate"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/org.pult.Pult.metainfo.xml" ||
    fail "appstreamcli validate"
icons=$work/root/usr/share/icons/hicolor
[[ -f $icons/scalable/apps/org.pult.Pult.svg ]] || fail "the SVG icon"
for size in 16 22 24 32 48 64 128 256 512; do
    icon=$icons/${size}x${size}/apps/org.pult.Pult.png
    # A PNG's width is the big-endian 32-bit number at byte 16.
    width=$(od -An -tu1 -j16 -N4 "$icon" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}')
    [[ $width == "$size" ]] || fail "$icon is $width pixels wide"
done

echo "== the service's user, data directory, settings and unit"
[[ $(stat -c '%U:%G %a' /var/lib/pult) == "pult:pult 750" ]] || fail "/var/lib/pult: $(stat -c '%U:%G %a' /var/lib/pult)"
[[ $(stat -c '%U:%G %a' /etc/pult/pultd.conf) == "root:pult 640" ]] || fail "/etc/pult/pultd.conf"
dpkg-query --control-show pultd conffiles | grep -qx /etc/pult/pultd.conf || fail "conffiles"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/pultd.service || fail "systemd-analyze verify"
fi
for setting in ProtectSystem=strict NoNewPrivileges=true Restart=on-failure StateDirectory=pult User=pult; do
    grep -qx "$setting" /lib/systemd/system/pultd.service || fail "pultd.service lacks $setting"
done
execstart=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/pultd.service)
# As systemd starts it: the process itself runs as pult (setpriv executes, it does not fork).
as_pult=(setpriv --reuid=pult --regid=pult --init-groups --)

echo "== pultd as the service runs it, as the user pult, with the packaged settings"
"${as_pult[@]}" $execstart --listen 127.0.0.1:0 >"$work/pultd.out" 2>"$work/pultd.err" &
server_pid=$!
for _ in $(seq 100); do
    grep -q "^pultd listening on" "$work/pultd.out" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/pultd.err"; fail "pultd exited"; }
    sleep 0.1
done
url=$(sed -n 's/^pultd listening on //p' "$work/pultd.out")
[[ -n $url ]] || { cat "$work/pultd.err"; fail "pultd did not start"; }
grep -q '"mail_parser":"/usr/libexec/pult/pult-mailparse"' "$work/pultd.err" ||
    fail "pultd does not find its mail parser: $(cat "$work/pultd.err")"
! grep -q mail_parser_missing "$work/pultd.err" || fail "mail_parser_missing"
printf 'packaged-secret-1\n' | "${as_pult[@]}" $execstart user add lead@example.com \
    --name "Lea Lead" --role admin --dept Support >/dev/null || fail "pultd user add"
[[ -f /var/lib/pult/server.db ]] || fail "no /var/lib/pult/server.db"
export PULT_HOME=$work/home
printf 'packaged-secret-1\n' | pultctl login "$url" lead@example.com >/dev/null || fail "pultctl login"
pultctl create --subject "Installed from the packages" --body "It works." >/dev/null ||
    fail "pultctl create"
pultctl list status:new | grep -q "Installed from the packages" || fail "pultctl list"

echo "== the window, offscreen, signed in to it"
[[ $(QT_QPA_PLATFORM=offscreen pult --version 2>/dev/null) == "Pult ${version%-*}" ]] ||
    fail "pult --version"
set +e
QT_QPA_PLATFORM=offscreen timeout 5 pult >"$work/pult.out" 2>"$work/pult.err"
status=$?
set -e
[[ $status -eq 124 ]] || { cat "$work/pult.err"; fail "the window exited with $status"; }
! grep -q "qt.qpa.plugin\|failed to start" "$work/pult.err" || { cat "$work/pult.err"; fail "the window's errors"; }
kill "$server_pid" && wait "$server_pid" || fail "pultd did not stop cleanly"
server_pid=""

echo "== remove, then purge: the programs go, the data stays"
apt_get remove pult pultctl pultd >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "remove"; }
for f in /usr/bin/pult /usr/bin/pultctl /usr/bin/pultd /usr/libexec/pult/pult-mailparse; do
    [[ ! -e $f ]] || fail "$f is still there after removal"
done
[[ -s /var/lib/pult/server.db ]] || fail "removal took /var/lib/pult/server.db"
[[ -f /etc/pult/pultd.conf ]] || fail "removal took the settings (only purge should)"
apt_get purge pultd >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
[[ -s /var/lib/pult/server.db ]] || fail "purge took /var/lib/pult/server.db"
[[ ! -e /etc/pult/pultd.conf ]] || fail "purge left /etc/pult/pultd.conf"
getent passwd pult >/dev/null || fail "the pult user went with the package"
echo "== packaging_deb passed (packages $version)"
