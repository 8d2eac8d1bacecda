# bench/callgrind.sh: callgrind's instructions per route of `route show` or per line of `-batch`, in the lab
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <->
# eth1p, nlmon0 down); N lines "route add L as L via inet 192.168.30.102
# dev eth1" for labels 16..16+N-1.
# usage (host): sh testsuite/lab/uml.sh bench/callgrind.sh show|batch|batch-noack N OUTDIR RAW [OLD]
# show: the routes are added by this build's ipmpls -batch, then
#   cg.show.N (this build's ip/ipmpls route show), cg.old.N (OLD, e.g. a
#   copy of main's ipmpls) and cg.raw.N (RAW: bench/rawdump.c built); says
#   whether OLD printed the same text.
# batch: each run on an empty table: cg.batch.N (this build's -batch),
#   cg.old.N and cg.raw.N (RAW: bench/rawsend.c built, with ACKs); says the
#   routes each left.
# batch-noack: the same with -noack: cg.noack.N, cg.oldnoack.N and
#   cg.rawnoack.N (RAW without "ack").
# OUTDIR must be seen by the guest (not under /tmp).  Needs valgrind.
. testsuite/lab/labns.sh
MODE=$1
N=${2:-20000}
OUT=$3
RAW=$4
OLD=$5
NS=bench
IPMPLS=$TOP/$BUILD/ip/ipmpls
command -v valgrind >/dev/null || { echo "callgrind: no valgrind"; exit 1; }
labns_setup "$NS" >/dev/null 2>&1 || { echo "callgrind: setup failed"; exit 1; }
ip netns exec $NS ip link set nlmon0 down
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
	printf "route add %d as %d via inet 192.168.30.102 dev eth1\n",
		16 + i, 16 + i }' > /tmp/callgrind.batch

# cg NAME BIN...: callgrind of one run (on an empty table for -batch), its
# total per route or line
cg() {
	_n=$1
	shift
	[ "$MODE" != show ] &&
		ip netns exec $NS ip -f mpls route flush dev eth1 2>/dev/null
	ip netns exec $NS valgrind --tool=callgrind \
		--callgrind-out-file="$OUT/cg.$_n.$N" "$@" \
		> "$OUT/out.$_n.$N" 2> "$OUT/vg.$_n.$N"
	_left=$(ip netns exec $NS ip -f mpls route show | wc -l)
	awk -v n="$N" -v k="$_n" -v left="$_left" '/^summary:/ {
		printf "callgrind: %s %d instructions, %.0f each, %d routes\n",
			k, $2, $2 / n, left }' "$OUT/cg.$_n.$N"
}

case "$MODE" in
show)
	ip netns exec $NS "$IPMPLS" -f mpls -batch /tmp/callgrind.batch
	cg show "$IPMPLS" -f mpls route show
	[ -n "$OLD" ] && cg old "$OLD" -f mpls route show
	cg raw "$RAW"
	[ -n "$OLD" ] && { cmp -s "$OUT/out.show.$N" "$OUT/out.old.$N" &&
		echo "callgrind: the same text, $(wc -l < "$OUT/out.show.$N") lines" ||
		echo "callgrind: the texts differ"; } ;;
batch)
	cg batch "$IPMPLS" -f mpls -batch /tmp/callgrind.batch
	[ -n "$OLD" ] && cg old "$OLD" -f mpls -batch /tmp/callgrind.batch
	cg raw "$RAW" 16 "$N" 192.168.30.102 eth1 ack ;;
batch-noack)
	cg noack "$IPMPLS" -f mpls -noack -batch /tmp/callgrind.batch
	[ -n "$OLD" ] && cg oldnoack "$OLD" -f mpls -noack -batch \
		/tmp/callgrind.batch
	cg rawnoack "$RAW" 16 "$N" 192.168.30.102 eth1 ;;
*)
	echo "callgrind: MODE is show, batch or batch-noack" ;;
esac
labns_cleanup "$NS"
exit 0
