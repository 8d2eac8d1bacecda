# bench/cgbatch.sh: callgrind's instructions per line of `ipmpls -batch` in the lab
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <->
# eth1p, nlmon0 down); N lines "route add L as L via inet 192.168.30.102
# dev eth1" for labels 16..16+N-1, the table flushed before each run.
# usage (host): sh testsuite/lab/uml.sh bench/cgbatch.sh N OUTDIR RAWSEND [OLD]
# OUTDIR (seen by the guest: not under /tmp) gets cg.batch.N (this build's
# ip/ipmpls), cg.old.N (OLD, e.g. a copy of main's ipmpls) and cg.raw.N
# (RAWSEND, bench/rawsend.c built, with ACKs); prints each one's
# instructions per line and the routes each left.  Needs valgrind.
. testsuite/lab/labns.sh
N=${1:-20000}
OUT=$2
RAW=$3
OLD=$4
NS=bench
command -v valgrind >/dev/null || { echo "cgbatch: no valgrind"; exit 1; }
labns_setup "$NS" >/dev/null 2>&1 || { echo "cgbatch: setup failed"; exit 1; }
ip netns exec $NS ip link set nlmon0 down
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
	printf "route add %d as %d via inet 192.168.30.102 dev eth1\n",
		16 + i, 16 + i }' > /tmp/cgbatch.batch

# cg NAME BIN...: callgrind of one run on an empty table, its total per line
cg() {
	_n=$1
	shift
	ip netns exec $NS ip -f mpls route flush dev eth1 2>/dev/null
	ip netns exec $NS valgrind --tool=callgrind \
		--callgrind-out-file="$OUT/cg.$_n.$N" "$@" \
		> "$OUT/out.$_n.$N" 2> "$OUT/vg.$_n.$N"
	_left=$(ip netns exec $NS ip -f mpls route show | wc -l)
	awk -v n="$N" -v k="$_n" -v left="$_left" '/^summary:/ {
		printf "cgbatch: %s %d instructions, %.0f a line, %d routes\n",
			k, $2, $2 / n, left }' "$OUT/cg.$_n.$N"
}

cg batch "$TOP/$BUILD/ip/ipmpls" -f mpls -batch /tmp/cgbatch.batch
[ -n "$OLD" ] && cg old "$OLD" -f mpls -batch /tmp/cgbatch.batch
cg raw "$RAW" 16 "$N" 192.168.30.102 eth1 ack
labns_cleanup "$NS"
exit 0
