#!/bin/sh
# testsuite/valgrind.sh: the unit and golden groups under valgrind memcheck
# Unit tests: each Check test runs in its forked child under memcheck, which
# exits 99 on a memory error or a definite/indirect leak (Check reports the
# test as failed).  Golden cases: ipmpls runs as `valgrind ... ipmpls`
# (IPMPLS_WRAP), an error or leak makes its exit code 99 (the case fails on
# its rc).  Logs: testsuite/out/valgrind/.  Prints PASS/FAIL lines as run.sh.
cd "$(dirname "$0")/.." || exit 1
if ! command -v valgrind >/dev/null 2>&1; then
	echo "SKIP valgrind: valgrind not installed"
	exit 0
fi
OUT=$(pwd)/testsuite/out/valgrind
rm -rf "$OUT"
mkdir -p "$OUT"
VG="valgrind -q --error-exitcode=99 --leak-check=full"
VG="$VG --errors-for-leak-kinds=definite,indirect"
VG="$VG --show-leak-kinds=definite,indirect --track-fds=no"

for t in testsuite/unit/check_*; do
	case "$t" in *.c|*.d|*.h|*.o) continue ;; esac
	[ -x "$t" ] || continue
	name=$(basename "$t")
	CK_FORK=yes CK_TIMEOUT_MULTIPLIER=20 \
		$VG --log-file="$OUT/$name.%p.log" "$t" > "$OUT/$name.out" 2>&1
	rc=$?
	sum=$(grep 'Checks:' "$OUT/$name.out" | tail -n 1)
	if [ "$rc" = 0 ] && ! grep -qs . "$OUT/$name".*.log; then
		echo "PASS valgrind/$name: $sum"
	else
		echo "FAIL valgrind/$name: rc $rc, $sum"
		grep -v '^  ' "$OUT/$name.out" | grep -E ':[EF]:' |
			head -n 5 | sed 's/^/    /'
		cat "$OUT/$name".*.log 2>/dev/null | head -n 30 | sed 's/^/    /'
	fi
done

IPMPLS_WRAP="$VG --log-file=$OUT/golden.%p.log" \
	sh testsuite/golden/run.sh "$@" | sed 's/^\(PASS\|FAIL\|SKIP\) /\1 valgrind\//'
for f in "$OUT"/golden.*.log; do
	[ -s "$f" ] || continue
	echo "FAIL valgrind/golden: $(basename "$f")"
	head -n 30 "$f" | sed 's/^/    /'
done
exit 0
