#!/bin/sh
# bench/run.sh: "make bench": ipmpls vs iproute2 installing, showing and flushing N MPLS routes
# Topology: one lab namespace (testsuite/lab/labns.sh) inside Debian's
# user-mode-linux MPLS kernel, booted by testsuite/lab/uml.sh.
# Environment: N (100000; 1048559 or more means the whole label table,
# labels 16..1048574), NLOOP (routes for the one-ip-per-route loop, scaled
# to N; default 300).  Prints a table and writes it to bench/out/results.txt.
# UML's timings are not absolute: read the ratios.
cd "$(dirname "$0")/.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD
N=${N:-100000}
# labels 0..15 are reserved, and platform_labels 1048575 allows labels below it
[ "$N" -gt 1048559 ] && N=1048559
NLOOP=${NLOOP:-300}
[ "$NLOOP" -gt "$N" ] && NLOOP=$N
OUT=$TOP/bench/out
mkdir -p "$OUT"
CC=${CC:-cc}

if ! sh testsuite/lab/uml.sh --check; then
	echo "bench: user-mode-linux cannot run here: no benchmark" >&2
	exit 77
fi
[ -x "$BUILD/ip/ipmpls" ] || { echo "bench: build ipmpls first (make)" >&2; exit 1; }
$CC -O2 -Wall -Wextra -D_GNU_SOURCE -o "$OUT/rawsend" bench/rawsend.c -lmnl &&
	$CC -O2 -Wall -Wextra -o "$OUT/rss" bench/rss.c || exit 1

mem=512M
[ "$N" -gt 200000 ] && mem=3G
echo "bench: N=$N, NLOOP=$NLOOP, booting user-mode-linux (mem $mem)"
LAB_MEM=$mem LAB_TIMEOUT=${LAB_TIMEOUT:-1800} \
	sh testsuite/lab/uml.sh bench/guest.sh "$N" "$NLOOP" "$OUT" || {
	echo "bench: the guest failed" >&2
	exit 1
}
sh bench/table.sh "$OUT" "$N" "$NLOOP" | tee "$OUT/results.txt" "$OUT/results-$N.txt"
