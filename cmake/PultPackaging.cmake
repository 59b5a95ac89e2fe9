# Debian packages of the three programs, made by CPack's DEB generator from the install rules:
#     cpack --config <build>/CPackConfig.cmake      (or: bash packaging/deb/build.sh)
# gives pult_<v>_amd64.deb (the window), pultctl_<v>_amd64.deb and pultd_<v>_amd64.deb (the
# server, with pult-mailparse, its service, user and settings). Library dependencies are found
# from the binaries by dpkg-shlibdeps; only what no binary links is named by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pult)
# Each package's own summary is the first line of its description below; CPack would put the
# project's description in front of it otherwise.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGE_VENDOR "The Pult developers")
set(CPACK_PACKAGE_CONTACT "${PULT_PACKAGE_CONTACT}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL ${PULT_PACKAGES}) # packaging/CMakeLists.txt

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${PULT_PACKAGE_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SOURCE pult)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_PULT_PACKAGE_NAME pult)
set(CPACK_DEBIAN_PULT_PACKAGE_SECTION misc)
# Qt loads its platform plugins (xcb, wayland, offscreen) at run time; no binary links them.
set(CPACK_DEBIAN_PULT_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PULT_PACKAGE_RECOMMENDS "pultctl")
set(CPACK_DEBIAN_PULT_DESCRIPTION "help desk agent workstation
Pult is the window support agents keep open all day: a unified inbox of
customers' e-mail, contact form and phone tickets, with every list, count
and search answered at once from a local copy, also offline. Changes reach
the team's Pult server (package pultd) exactly once when the connection is
back.

It speaks English, Slovenian, Lithuanian, Croatian and Polish.")

set(CPACK_DEBIAN_PULTCTL_PACKAGE_NAME pultctl)
set(CPACK_DEBIAN_PULTCTL_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PULTCTL_DESCRIPTION "Pult help desk from the command line
pultctl does what an agent does in the Pult window, for scripts: sign in to
a Pult server, list tickets by filter, search, reply, add notes, change
fields and attachments, online or offline with an outbox that is sent
later.")

set(CPACK_DEBIAN_PULTD_PACKAGE_NAME pultd)
set(CPACK_DEBIAN_PULTD_PACKAGE_SECTION net)
# The postinst makes the pult user with systemd-sysusers where systemd is, else with adduser.
set(CPACK_DEBIAN_PULTD_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PULTD_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_PULTD_DESCRIPTION "Pult help desk server
pultd is the server Pult desktop clients and pultctl sync with: accounts,
tickets, an ordered change feed and attachments over an HTTP JSON API, on
SQLite or PostgreSQL. It fetches departments' mailboxes over IMAP, sends
agents' replies over SMTP and serves customers a contact form and a status
page per ticket.

The package runs it as the system service pultd, as the user pult, with its
data in /var/lib/pult and its settings in /etc/pult/pultd.conf.")
set(pult_deb_dir "${PROJECT_SOURCE_DIR}/packaging/deb/pultd")
set(CPACK_DEBIAN_PULTD_PACKAGE_CONTROL_EXTRA
    "${pult_deb_dir}/conffiles;${pult_deb_dir}/postinst;${pult_deb_dir}/prerm;${pult_deb_dir}/postrm")
set(CPACK_DEBIAN_PULTD_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

include(CPack)
