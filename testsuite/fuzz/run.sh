#!/bin/sh
# testsuite/fuzz/run.sh [SECONDS]: the fuzz targets (testsuite/fuzz/fuzz_*.c)
# Always: each target replays its committed crash reproducers
# (testsuite/fuzz/regress/TARGET/*) through the replay_TARGET binary of
# `make tests`: "PASS fuzz/regress/TARGET" or FAIL.  With SECONDS > 0 and
# clang: `make fuzz-build` (libFuzzer + ASan + UBSan, build-fuzz/), seeds
# from the golden cases (seeds.sh), and each target runs SECONDS seconds:
# "PASS fuzz/TARGET: N runs" or "FAIL fuzz/TARGET: crash in FILE" (the
# input is kept in testsuite/out/fuzz/; copy it to regress/TARGET/ with
# the fix).  SECONDS=0: the reproducers only.  BUILD=DIR as in run.sh.
cd "$(dirname "$0")/../.." || exit 1
SECONDS_EACH=${1:-10}
BUILD=${BUILD:-.}
OUT=testsuite/out/fuzz
mkdir -p "$OUT"
TARGETS=$(ls testsuite/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')

for t in $TARGETS; do
	bin=$BUILD/testsuite/fuzz/replay_$t
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz/regress/$t: $bin not built (make tests)"
		continue
	fi
	set -- testsuite/fuzz/regress/"$t"/*
	[ -e "$1" ] || set --
	if "$bin" "$@" > "$OUT/regress-$t.log" 2>&1 < /dev/null; then
		echo "PASS fuzz/regress/$t ($# reproducers)"
	else
		echo "FAIL fuzz/regress/$t: see $OUT/regress-$t.log"
		sed 's/^/    /' "$OUT/regress-$t.log" | head -n 20
	fi
done

[ "$SECONDS_EACH" -gt 0 ] 2>/dev/null || exit 0
if ! command -v clang >/dev/null 2>&1; then
	echo "SKIP fuzz: no clang (libFuzzer)"
	exit 0
fi
if ! make -s fuzz-build > "$OUT/build.log" 2>&1; then
	echo "FAIL fuzz: make fuzz-build (see $OUT/build.log)"
	exit 0
fi
rm -rf "$OUT/seeds"
sh testsuite/fuzz/seeds.sh "$OUT/seeds"
for t in $TARGETS; do
	corpus=$OUT/corpus/$t
	mkdir -p "$corpus"
	rm -f "$OUT"/crash-"$t"-*
	build-fuzz/testsuite/fuzz/fuzz_"$t" -max_total_time="$SECONDS_EACH" \
		-timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$OUT/crash-$t-" \
		"$corpus" "$OUT/seeds/$t" > "$OUT/$t.log" 2>&1 < /dev/null
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/$t.log")
	cov=$(grep -o 'cov: [0-9]*' "$OUT/$t.log" | tail -n 1)
	if [ "$rc" = 0 ]; then
		echo "PASS fuzz/$t: ${runs:-?} runs in ${SECONDS_EACH}s, $cov"
	else
		crash=$(ls "$OUT"/crash-"$t"-* 2>/dev/null | head -n 1)
		echo "FAIL fuzz/$t: rc $rc, input ${crash:-?} (log $OUT/$t.log)"
		grep -m 3 -E 'ERROR|FUZZ_ASSERT|runtime error' "$OUT/$t.log" |
			sed 's/^/    /'
	fi
done
exit 0
