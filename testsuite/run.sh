#!/bin/sh
# testsuite/run.sh: runs the test groups named on the command line, sums up
# usage: sh testsuite/run.sh [unit] [golden] [golden-shared] [sanitize] [lab]
#        [build] [pkg] [fuzz] [fault] [valgrind] [all]  (all: every group but
#        valgrind; golden-shared: the golden cases with ip/ipmpls-shared, the
#        ipmpls linked against libmplsroute.so; fuzz: the crash reproducers,
#        and FUZZ_SMOKE seconds (10) of each target with clang)
# Each group's runner prints one line per test: "PASS name", "FAIL name: why"
# or "SKIP name: why".  Check's own summary lines are counted for unit tests.
# BUILD=DIR runs the binaries built with make O=DIR.  LAB=0 skips the lab
# (make distcheck, the Debian build when it is asked to).
cd "$(dirname "$0")/.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD
OUTDIR=$TOP/testsuite/out
mkdir -p "$OUTDIR"
LOG=$OUTDIR/results.$$
: > "$LOG"

run_unit() {
	for t in "$BUILD"/testsuite/unit/check_*; do
		case "$t" in *.c|*.o) continue ;; esac
		[ -x "$t" ] || continue
		name=$(basename "$t")
		# each Check test keeps its own limit, generous for a loaded
		# host (Check's default is 4 s; mutated_messages took longer)
		out=$(CK_FORK=yes CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-60} \
			"$t" 2>&1); rc=$?
		# a suite's own "SKIP name: why" lines count (privileged.h)
		printf '%s\n' "$out" | sed "/^SKIP /!s/^/  [$name] /"
		# Check: "100%: Checks: 12, Failures: 0, Errors: 0"
		n='\([0-9]*\)'
		sum=$(printf '%s\n' "$out" | sed -n \
			"s/.*Checks: $n, Failures: $n, Errors: $n.*/\\1 \\2 \\3/p" |
			tail -n 1)
		set -- $sum
		if [ -z "$sum" ]; then
			echo "FAIL $name: no Check summary (rc $rc)"
			continue
		fi
		i=0
		while [ $i -lt $(($1 - $2 - $3)) ]; do
			echo "PASS $name#$i"
			i=$((i + 1))
		done
		i=0
		while [ $i -lt $(($2 + $3)) ]; do
			echo "FAIL $name#failed$i"
			i=$((i + 1))
		done
		[ "$rc" = 0 ] || [ $(($2 + $3)) -gt 0 ] ||
			echo "FAIL $name: exit $rc"
	done
}

run_group() {
	case "$1" in
	unit) run_unit ;;
	golden) sh testsuite/golden/run.sh
		sh testsuite/golden/compat/run.sh
		sh testsuite/golden/diffshow/run.sh
		sh testsuite/fault/run.sh
		sh testsuite/golden/monitor_file.sh
		sh testsuite/golden/memo_diff.sh ;;
	fault) sh testsuite/fault/run.sh ;;	# also part of golden
	golden-shared) IPMPLS=$BUILD/ip/ipmpls-shared GOLDEN=golden-shared \
			sh testsuite/golden/run.sh ;;
	sanitize) make -s check-sanitize-build >/dev/null 2>&1 ||
			echo "FAIL sanitize: build"
		BUILD=build-san sh testsuite/run.sh unit golden |
			grep -E '^(PASS|FAIL|SKIP) ' |
			sed 's/^\([A-Z]*\) /\1 san:/' ;;
	lab) if [ "${LAB:-1}" = 0 ]; then
			echo "SKIP lab: LAB=0 (the lab is not wanted here)"
		else
			sh testsuite/lab/run.sh
		fi ;;
	fuzz) sh testsuite/fuzz/run.sh "${FUZZ_SMOKE:-10}" ;;
	valgrind) sh testsuite/valgrind.sh ;;
	build) sh testsuite/build/run.sh ;;
	pkg) sh testsuite/pkg/run.sh ;;
	*) echo "FAIL run.sh: unknown group $1" ;;
	esac
}

groups=$*
[ -z "$groups" ] && groups=all
[ "$groups" = all ] && groups="unit golden golden-shared sanitize lab build pkg fuzz"
for g in $groups; do
	echo "== $g"
	t0=$(date +%s)
	run_group "$g" 2>&1 | tee -a "$LOG"
	echo "== $g took $(($(date +%s) - t0)) s"
done
pass=$(grep -c '^PASS ' "$LOG")
fail=$(grep -c '^FAIL ' "$LOG")
skip=$(grep -c '^SKIP ' "$LOG")
if [ "$fail" -gt 0 ]; then
	echo "failures:"
	grep "^FAIL " "$LOG" | sed "s/^/  /"
fi
echo "$pass passed, $fail failed, $skip skipped"
rm -f "$LOG"
[ "$fail" = 0 ]
