# bench/cgshow.sh: callgrind's instructions per route of `route show` in the lab
# Topology: labns.sh's one namespace "bench" (eth1 192.168.30.101/24 <->
# eth1p, nlmon0 down), N routes "L as L via inet 192.168.30.102 dev eth1"
# for labels 16..16+N-1 added by this build's ipmpls -batch.
# usage (host): sh testsuite/lab/uml.sh bench/cgshow.sh N OUTDIR RAWDUMP [OLD]
# OUTDIR (seen by the guest: not under /tmp) gets cg.show.N (this build's
# ip/ipmpls), cg.old.N (OLD, e.g. a copy of main's ipmpls) and cg.raw.N
# (RAWDUMP, bench/rawdump.c built); prints each one's instructions per
# route and whether OLD printed the same text.  Needs valgrind.
. testsuite/lab/labns.sh
N=${1:-20000}
OUT=$2
RAW=$3
OLD=$4
NS=bench
command -v valgrind >/dev/null || { echo "cgshow: no valgrind"; exit 1; }
labns_setup "$NS" >/dev/null 2>&1 || { echo "cgshow: setup failed"; exit 1; }
ip netns exec $NS ip link set nlmon0 down
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
	printf "route add %d as %d via inet 192.168.30.102 dev eth1\n",
		16 + i, 16 + i }' > /tmp/cgshow.batch
ip netns exec $NS "$TOP/$BUILD/ip/ipmpls" -f mpls -batch /tmp/cgshow.batch

# cg NAME BIN...: callgrind of one run, its total per route
cg() {
	_n=$1
	shift
	ip netns exec $NS valgrind --tool=callgrind \
		--callgrind-out-file="$OUT/cg.$_n.$N" "$@" \
		> "$OUT/out.$_n.$N" 2> "$OUT/vg.$_n.$N"
	awk -v n="$N" -v k="$_n" '/^summary:/ {
		printf "cgshow: %s %d instructions, %.0f a route\n", k, $2, $2 / n }' \
		"$OUT/cg.$_n.$N"
}

cg show "$TOP/$BUILD/ip/ipmpls" -f mpls route show
[ -n "$OLD" ] && cg old "$OLD" -f mpls route show
cg raw "$RAW"
[ -n "$OLD" ] && { cmp -s "$OUT/out.show.$N" "$OUT/out.old.$N" &&
	echo "cgshow: the same text, $(wc -l < "$OUT/out.show.$N") lines" ||
	echo "cgshow: the texts differ"; }
labns_cleanup "$NS"
exit 0
