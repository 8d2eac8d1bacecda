# testsuite/lab/seed.sh: the seed's MPLS network end to end, run inside the UML guest
# Topology: topo.sh's host1 - r1 - r2 - r3 - host2 (routes added with ipmpls).
# Shows each router's routes with ipmpls (they must be ip's, spacing aside),
# pings host2 from host1 (the reply must come with ttl=61), and captures on
# r1-r2 (labels 100 and 210 expected) and r2-r3 (110 and 200).  Prints what
# it does as it goes.
# usage (in the guest, see uml.sh): sh testsuite/lab/seed.sh [--tap] [--report]
#   --tap: also print one "PASS/FAIL name" line per check (the lab group)
#   --report: at the end, `ipmpls check` on each router (each must be
#   ready) and the MPLS counters of each router's links (make demo)
# Exit: 0 only when the ping went through with the right ttl and labels.
. testsuite/lab/topo.sh

TAP=
REPORT=
for a in "$@"; do
	case $a in
	--tap) TAP=1 ;;
	--report) REPORT=1 ;;
	esac
done
W=/tmp/seed.$$
mkdir -p "$W"
fails=0

# result NAME OK WHY: prints the outcome of one check
result() {
	if [ "$2" = 0 ]; then
		echo "ok: $1"
		[ -n "$TAP" ] && echo "PASS lab-seed-$1"
	else
		echo "FAILED: $1: $3"
		[ -n "$TAP" ] && echo "FAIL lab-seed-$1: $3"
		fails=$((fails + 1))
	fi
}

# capture_start NAME NS DEV: tcpdump of MPLS frames in the background
capture_start() {
	ip netns exec "$2" tcpdump -Z root -nn -l -i "$3" mpls \
		>"$W/$1.txt" 2>"$W/$1.err" &
	echo $! > "$W/$1.pid"
	i=0
	until grep -q 'listening on' "$W/$1.err" 2>/dev/null || [ $i -ge 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

capture_stop() {
	sleep 0.2
	kill "$(cat "$W/$1.pid")" 2>/dev/null
	wait "$(cat "$W/$1.pid")" 2>/dev/null
}

# has_labels NAME LABEL...: the capture shows each label
has_labels() {
	_f=$W/$1.txt
	shift
	for _l in "$@"; do
		grep -q "MPLS (label $_l," "$_f" || return 1
	done
}

# show_routes: each router's tables with ipmpls; returns non-zero when one
# differs from what Debian's ip prints (runs of spaces aside: ip 6.1 and
# iproute2 4.4 space some words differently)
show_routes() {
	_bad=0
	for r in r1 r2 r3; do
		echo "-- $r"
		for fam in "" "-f mpls"; do
			echo "  # ipmpls -n $r ${fam:+$fam }route show"
			"$IPMPLS" -n "$r" $fam route show | tee "$W/mine"
			ip -n "$r" $fam route show > "$W/ip"
			for f in mine ip; do
				tr -s ' ' < "$W/$f" > "$W/$f.s"
			done
			cmp -s "$W/mine.s" "$W/ip.s" || {
				_bad=1
				echo "   (ip shows:)"
				cat "$W/ip"
			}
		done
	done
	return $_bad
}

echo "== the seed's topology: host1 - r1 - r2 - r3 - host2"
TOPO_VERBOSE=1
if ! topo_setup; then
	result topology 1 "could not build the namespaces"
	topo_cleanup
	exit 1
fi
echo "== the MPLS routes, with ipmpls ($IPMPLS)"
topo_routes
result routes $? "ipmpls could not add the seed's routes"
echo "== each router's routes, as ipmpls shows them"
show_routes
result show-as-ip $? "ipmpls route show differs from ip route show"
echo "== ping host2 from host1, capturing on r1-r2 (r2 eth1) and r2-r3 (r2 eth2)"
capture_start r1-r2 r2 eth1
capture_start r2-r3 r2 eth2
topo_run ip netns exec host1 ping -c 3 -i 0.2 -W 2 10.4.4.2 > "$W/ping" 2>&1
prc=$?
capture_stop r1-r2
capture_stop r2-r3
cat "$W/ping"
grep -q 'ttl=61 ' "$W/ping"
ttl=$?
[ $prc = 0 ] && [ $ttl = 0 ]
result ping-ttl61 $? "ping exit $prc, ttl=61 $( [ $ttl = 0 ] && echo seen || echo not seen)"
for link in r1-r2 r2-r3; do
	echo "-- on the wire, $link"
	cat "$W/$link.txt"
done
has_labels r1-r2 100 210
result labels-r1-r2 $? "labels 100 and 210 not both seen on r1-r2"
has_labels r2-r3 110 200
result labels-r2-r3 $? "labels 110 and 200 not both seen on r2-r3"
if [ -n "$REPORT" ]; then
	echo "== is each router ready for MPLS?  (ipmpls check)"
	for r in r1 r2 r3; do
		echo "  # ipmpls check -n $r"
		"$IPMPLS" check -n "$r"
		result "check-$r" $? "ipmpls check -n $r: not ready"
	done
	echo "== the MPLS counters of each router's links (ipmpls stats show)"
	for r in r1 r2 r3; do
		echo "  # ipmpls -n $r stats show dev eth1"
		"$IPMPLS" -n "$r" stats show dev eth1
		[ $r = r2 ] || continue
		echo "  # ipmpls -n $r stats show dev eth2"
		"$IPMPLS" -n "$r" stats show dev eth2
	done
fi
topo_cleanup
rm -rf "$W"
if [ $fails = 0 ]; then
	echo "== the ping went through r1, r2 and r3 with the seed's labels: ttl=61"
	exit 0
fi
echo "== $fails check(s) failed"
exit 1
