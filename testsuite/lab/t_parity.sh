# testsuite/lab/t_parity.sh: 4.4's repeated keywords, metric order, congctl, realms, as on IP, live
# Topology: for each case, a fresh namespace "parity" built by labns.sh (the
# reference lab: eth1 (11), eth2 (12), veth0-host (13), nlmon0).  Each listed
# golden/extra case's argv is run with ipmpls under an nlmon capture: it must
# exit as the case says (the kernel accepts it) and send the case's request
# byte for byte.  Run inside the UML guest (guest.sh), cwd the project's
# top; prints PASS/FAIL/SKIP lines.
. testsuite/lab/labns.sh
: "${BUILD:=.}"
: "${IPMPLS:=$BUILD/ip/ipmpls}"
NLMON=$BUILD/testsuite/tools/nlmon_dump
G=testsuite/golden/extra
NS=parity
T=/tmp/t_parity
mkdir -p $T

if ! [ -x "$IPMPLS" ] || ! [ -x "$NLMON" ]; then
	echo "SKIP lab-parity: $IPMPLS or $NLMON not built"
	exit 0
fi

for c in metric-twice mtu-order src-twice pref-twice table-twice \
	encap-twice as-twice ttl-prop-twice congctl realms realms-to \
	as-inet as-inet-to realms-nexthop; do
	if ! labns_setup $NS >/dev/null 2>&1; then
		echo "FAIL lab-parity-$c: labns_setup"
		labns_cleanup $NS
		continue
	fi
	set -f
	ip netns exec $NS "$NLMON" -q $T/$c.req nlmon0 -- \
		"$IPMPLS" $(cat $G/$c/argv) > $T/$c.out 2>&1
	rc=$?
	set +f
	labns_cleanup $NS
	if [ "$rc" != "$(cat $G/$c/rc)" ]; then
		echo "FAIL lab-parity-$c: exit $rc: $(head -n 1 $T/$c.out)"
	elif ! cmp -s $G/$c/requests $T/$c.req; then
		echo "FAIL lab-parity-$c: request differs from golden/extra/$c"
	else
		echo "PASS lab-parity-$c"
	fi
done
exit 0
