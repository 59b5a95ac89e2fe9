#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds with warnings as
# errors and runs every test, then builds again with ASan+UBSan and runs every test once more.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/dev/install-deps.sh

jobs=$(nproc)
export CTEST_OUTPUT_ON_FAILURE=1
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run_suite() { # build-dir, extra cmake args...
    local dir=$1
    shift
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DPULT_WARNINGS_AS_ERRORS=ON "$@" >"$dir.configure.log" 2>&1 ||
        { cat "$dir.configure.log"; return 1; }
    cmake --build "$dir" -j "$jobs"
    ctest --test-dir "$dir" -j "$jobs" --timeout 600
}

mkdir -p build
start=$SECONDS
# Line tables (-g1) instead of full debug info: backtraces keep their file:line, and the
# compiler does a third less work. The sanitizer build uses -O1, as ASan's documentation
# advises, which halves its compile time; the -Werror build stays at -O2, where GCC's
# flow-based warnings are found.
echo "== Build with -Werror and run the tests"
run_suite build/tests -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
# The benchmarks are not run here (they take minutes at full size) but must keep compiling.
cmake --build build/tests -j "$jobs" --target bench_core bench_store bench_sync bench_mail bench_ui
echo "== Build with ASan+UBSan and run the tests"
run_suite build/sanitize -DPULT_SANITIZE=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
echo "== Test suite finished in $((SECONDS - start)) s"
