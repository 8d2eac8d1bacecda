# bench/guest.sh: the benchmark itself, run inside the user-mode-linux guest by bench/run.sh
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <-> eth1p,
# platform_labels 1048575); every route is "L as L via inet 192.168.30.102
# dev eth1" for labels 16..16+N-1.
# usage (through uml.sh): sh bench/guest.sh N NLOOP OUTDIR   (REPEAT: 3)
# Writes OUTDIR/raw (one line per step: NAME SECONDS ROUTES-IN-TABLE-AFTER RC)
# and OUTDIR/rss.* (peak RSS in KiB); bench/run.sh makes the table.
. testsuite/lab/labns.sh
N=$1
NLOOP=$2
OUT=$3
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
RSS=$OUT/rss
RAW=$OUT/rawsend
BATCH=/tmp/bench.batch
NS=bench

now() { date +%s.%N; }

in_ns() { ip netns exec "$NS" "$@"; }

count() { in_ns ip -f mpls route show | wc -l; }

# step NAME CMD...: runs CMD in the namespace, timed; one line to OUT/raw
step() {
	_name=$1
	shift
	_t0=$(now)
	in_ns "$@" > "$OUT/$_name.out" 2> "$OUT/$_name.err"
	_rc=$?
	_t1=$(now)
	_n=$(count)
	echo "$_name $(echo "$_t0 $_t1" | awk '{ printf "%.3f", $2 - $1 }') $_n $_rc" \
		>> "$OUT/raw"
	echo "bench: $_name: rc $_rc, $_n routes in the table"
}

# best NAME CMD...: the fast installs, REPEAT times (table emptied between),
# the shortest time kept (UML's timing is noisy)
best() {
	_r=0
	while [ $_r -lt "${REPEAT:-3}" ]; do
		[ $_r -gt 0 ] && flush_ip
		step "$@"
		_r=$((_r + 1))
	done
	awk -v n="$1" '$1 == n { if (!m || $2 < m) m = $2; l = $0 }
		$1 != n { print }
		END { split(l, f, " "); print n, m, f[3], f[4] }' "$OUT/raw" \
		> "$OUT/raw.tmp" && mv "$OUT/raw.tmp" "$OUT/raw"
}

# flush_ip: empty the MPLS table with Debian's ip, untimed
flush_ip() {
	in_ns ip -f mpls route flush dev eth1 >/dev/null 2>&1
}

: > "$OUT/raw"
labns_setup "$NS" >/dev/null 2>&1 || { echo "bench: labns_setup failed"; exit 1; }
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
	printf "route add %d as %d via inet 192.168.30.102 dev eth1\n", 16 + i, 16 + i }' \
	> "$BATCH"
head -n "$NLOOP" "$BATCH" > "$BATCH.loop"

best install-ipmpls "$RSS" "$OUT/rss.install" "$IPMPLS" -f mpls -batch "$BATCH"
step show-ipmpls "$RSS" "$OUT/rss.show" "$IPMPLS" -f mpls route show
step show-ip "$RSS" "$OUT/rss.show-ip" ip -f mpls route show
step flush-ipmpls "$IPMPLS" -f mpls route flush dev eth1
flush_ip
step install-ip "$RSS" "$OUT/rss.install-ip" ip -f mpls -batch "$BATCH"
step flush-ip ip -f mpls route flush dev eth1
flush_ip
best install-raw "$RAW" 16 "$N" 192.168.30.102 eth1
flush_ip
best install-rawack "$RAW" 16 "$N" 192.168.30.102 eth1 ack
flush_ip
step install-loop sh -c "while read -r l; do ip -f mpls \$l || exit 1; done < $BATCH.loop"
flush_ip
labns_cleanup "$NS"
rm -f "$BATCH" "$BATCH.loop"
exit 0
