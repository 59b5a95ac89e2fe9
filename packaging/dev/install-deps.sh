#!/usr/bin/env bash
# Installs what building and testing Pult needs on Debian 12, by package name, and any further
# packages named as arguments (a script's own tools). Runs apt-get only when something is
# missing; uses sudo when not root.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config     # build tools
    qt6-base-dev qt6-base-dev-tools             # Qt 6: Core, Gui, Widgets, Network, Test
    qt6-tools-dev qt6-tools-dev-tools           # Qt6LinguistToolsConfig.cmake (translations/)
    qt6-l10n-tools                              # lupdate and lrelease in /usr/lib/qt6/bin
    libsqlite3-dev                              # SQLite 3 with FTS5
    libboost-dev                                # Boost.Asio and Boost.Beast (pultd)
    libsodium-dev                               # argon2id passwords, random tokens (pultd)
    libssl-dev                                  # OpenSSL 3: TLS for HTTPS and WSS (pultd)
    libpq-dev                                   # libpq: pultd's PostgreSQL backend
    libzip-dev                                  # libzip: pultd contact export writes a zip file
    libgmime-3.0-dev                            # GMime 3.2: MIME parsing in pult-mailparse
    libxml2-dev                                 # libxml2's HTML parser: mail HTML to safe HTML and text
    libpython3.11-testsuite                     # Python's email test messages (server_mailparse)
    postgresql-15                               # a real PostgreSQL for the tests (server_pgdb)
    postfix                                     # /usr/sbin/smtp-sink for server_smtpclient; no
                                                # mail service is configured or started by it
    dovecot-imapd dovecot-lmtpd                 # a real IMAP server for the tests (server_imapclient)
    qt6-websockets-dev                          # the revision stream on the client (sync engine)
    qtkeychain-qt6-dev                          # sign-in tokens in the OS keychain (sync engine)
    qt6-charts-dev libqt6opengl6-dev            # the lead's dashboard's charts (ui/dashboard.h);
                                                # Qt6Charts' CMake files need Qt6OpenGL's
    xvfb xauth                                  # a virtual display for window checks
    chromium                                    # a real browser for the customer pages' test
    librsvg2-bin                                # rsvg-convert: the icon's PNG sizes (resources/)
    dpkg-dev                                    # dpkg-shlibdeps: the packages' dependencies (CPack)
    lintian desktop-file-utils appstream man-db # the packages' checks (tests/packaging/deb.sh)
    "$@"                                        # what the caller needs besides
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    # postfix is wanted only for its smtp-sink test program: "No configuration" leaves it
    # without a main.cf, so its service does not run as the machine's mail system.
    if [[ " ${missing[*]} " == *" postfix "* ]]; then
        echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
