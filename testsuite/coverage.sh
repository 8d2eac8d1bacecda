#!/bin/sh
# testsuite/coverage.sh: line coverage of lib/ and ip/ (clang, llvm-cov)
# Builds with -fprofile-instr-generate into build-cov/, runs the unit and
# golden groups and the fuzz corpora of testsuite/out/fuzz/ (if any)
# through it, and prints llvm-cov's report for lib/ and ip/.
cd "$(dirname "$0")/.." || exit 1
for t in clang llvm-profdata llvm-cov; do
	command -v $t >/dev/null 2>&1 || { echo "SKIP coverage: no $t"; exit 0; }
done
PROF=$(pwd)/testsuite/out/coverage
rm -rf "$PROF"
mkdir -p "$PROF"
CF="-fprofile-instr-generate -fcoverage-mapping"
make -s O=build-cov CC=clang EXTRA_CFLAGS="$CF" EXTRA_LDFLAGS="$CF" \
	all tests > "$PROF/build.log" 2>&1 || { echo "FAIL coverage: build"; exit 1; }
export LLVM_PROFILE_FILE="$PROF/%p.profraw"
BUILD=build-cov sh testsuite/run.sh unit golden > "$PROF/run.log" 2>&1
for t in testsuite/fuzz/fuzz_*.c; do
	t=$(basename "$t" .c); t=${t#fuzz_}
	for d in testsuite/out/fuzz/corpus/$t testsuite/out/fuzz/seeds/$t; do
		[ -d "$d" ] || continue
		find "$d" -type f -print0 |
			xargs -0 -r -n 500 build-cov/testsuite/fuzz/replay_"$t" \
			> /dev/null 2>&1
	done
done
llvm-profdata merge -o "$PROF/all.profdata" "$PROF"/*.profraw || exit 1
objs=build-cov/ip/ipmpls
for b in build-cov/testsuite/unit/check_* build-cov/testsuite/fuzz/replay_*; do
	case "$b" in *.d) continue ;; esac
	[ -x "$b" ] && objs="$objs -object $b"
done
# shellcheck disable=SC2086
llvm-cov report -instr-profile="$PROF/all.profdata" $objs \
	lib/*.c ip/*.c | sed -n '1,2p; /^lib\//p; /^ip\//p; /^TOTAL/p'
