#!/bin/sh
# bench/run.sh: "make bench": ipmpls vs iproute2 installing, showing and flushing N MPLS routes
# Topology: one lab namespace (testsuite/lab/labns.sh) inside Debian's
# user-mode-linux MPLS kernel, booted by testsuite/lab/uml.sh.
# Environment: N (100000; 1048559 or more means the whole label table,
# labels 16..1048574), NLOOP (routes for the one-process-per-route loops of
# ip and ipmpls, scaled to N; default 1000), NPY (routes for pyroute2,
# default N; fewer on a busy host: the row is then scaled), REPEAT (3),
# BENCH_SKIP, IPMPLS_BASE, INSTALL_ROUNDS and LOOP_ROUNDS (bench/guest.sh).  Prints a table and
# writes it to bench/out/results.txt (and results-N.txt), the rows as JSON to
# bench/out/results.json (and results-N.json), and a chart of every N run
# so far to bench/out/chart.svg.  UML's timings are not absolute: read the
# ratios.
cd "$(dirname "$0")/.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD
N=${N:-100000}
# labels 0..15 are reserved, and platform_labels 1048575 allows labels below it
[ "$N" -gt 1048559 ] && N=1048559
NLOOP=${NLOOP:-1000}
[ "$NLOOP" -gt "$N" ] && NLOOP=$N
NPY=${NPY:-$N}
[ "$NPY" -gt "$N" ] && NPY=$N
OUT=$TOP/bench/out
mkdir -p "$OUT"
CC=${CC:-cc}

if ! sh testsuite/lab/uml.sh --check; then
	echo "bench: user-mode-linux cannot run here: no benchmark" >&2
	exit 77
fi
[ -x "$BUILD/ip/ipmpls" ] || { echo "bench: build ipmpls first (make)" >&2; exit 1; }
CFLAGS="-O2 -Wall -Wextra -D_GNU_SOURCE"
$CC $CFLAGS -o "$OUT/rawsend" bench/rawsend.c -lmnl &&
	$CC $CFLAGS -o "$OUT/rss" bench/rss.c &&
	$CC $CFLAGS -o "$OUT/rawdump" bench/rawdump.c &&
	$CC $CFLAGS -o "$OUT/rawflush" bench/rawflush.c || exit 1
# the loops' floor: a static binary that does nothing (no libc.a: no row)
$CC $CFLAGS -static -o "$OUT/nop" bench/nop.c 2>/dev/null || {
	rm -f "$OUT/nop"
	echo "bench: note: no static libc (Debian: libc6-dev): no floor row" >&2
}
# the library's own row: the public route setters and the batch API
LIBA=$BUILD/lib/libmplsroute.a
$CC $CFLAGS -Iinclude -o "$OUT/libapi" bench/libapi.c "$LIBA" -lmnl || exit 1
$CC $CFLAGS $(pkg-config --cflags libnl-route-3.0) -o "$OUT/nlroute" \
	bench/nlroute.c $(pkg-config --libs libnl-route-3.0) || {
	echo "bench: libnl-route-3 missing (Debian: libnl-route-3-dev)" >&2
	exit 1
}
/usr/bin/python3 -c 'import pyroute2' 2>/dev/null ||
	echo "bench: note: no pyroute2 for /usr/bin/python3 (Debian: python3-pyroute2): its row fails" >&2

mem=512M
[ "$N" -gt 200000 ] && mem=3G
echo "bench: N=$N, NLOOP=$NLOOP, NPY=$NPY, booting user-mode-linux (mem $mem)"
LAB_MEM=$mem LAB_TIMEOUT=${LAB_TIMEOUT:-3600} \
	sh testsuite/lab/uml.sh bench/guest.sh "$N" "$NLOOP" "$OUT" "$NPY" || {
	echo "bench: the guest failed" >&2
	exit 1
}
sh bench/table.sh "$OUT" "$N" "$NLOOP" text "$NPY" | tee "$OUT/results.txt" "$OUT/results-$N.txt"
sh bench/table.sh "$OUT" "$N" "$NLOOP" json "$NPY" > "$OUT/results-$N.json" &&
	cp "$OUT/results-$N.json" "$OUT/results.json" &&
	/usr/bin/python3 bench/chart.py "$OUT" > "$OUT/chart.svg" &&
	echo "bench: wrote $OUT/results.json and $OUT/chart.svg"
