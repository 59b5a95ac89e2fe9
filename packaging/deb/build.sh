#!/usr/bin/env bash
# Builds the Debian packages pult (the window), pultctl and pultd (the server) on Debian 12:
#     bash packaging/deb/build.sh [OUTPUT_DIR]      (default: build/deb/packages)
# It installs what building needs, compiles a release build with Debian's hardening flags
# (dpkg-buildflags) in build/deb, and makes the packages with CPack (docs/install.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash packaging/dev/install-deps.sh
out=$(realpath -m "${1:-build/deb/packages}")

# Debian's compiler and linker flags for packages, every hardening feature included. Their -O2
# stands; the -g is dropped, since CPack strips the binaries anyway.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cppflags=$(dpkg-buildflags --get CPPFLAGS)
cxxflags=$(dpkg-buildflags --get CXXFLAGS | sed 's/ -g / /; s/^-g //')
ldflags=$(dpkg-buildflags --get LDFLAGS)

mkdir -p build
cmake -S . -B build/deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_FLAGS="$cppflags $cxxflags" -DCMAKE_CXX_FLAGS_RELEASE="-DNDEBUG" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >build/deb.configure.log 2>&1 ||
    { cat build/deb.configure.log; exit 1; }
cmake --build build/deb -j "$(nproc)"
rm -f "$out"/*.deb
cpack --config build/deb/CPackConfig.cmake -B "$out" >build/deb.cpack.log 2>&1 ||
    { cat build/deb.cpack.log; exit 1; }
rm -rf "$out/_CPack_Packages"
ls -l "$out"/*.deb
