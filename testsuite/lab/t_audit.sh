# testsuite/lab/t_audit.sh: the 4.4 parity fixes of the audit, on the real MPLS kernel
# Topology: one namespace "aud" built by labns.sh (the reference lab: eth1 (11),
# eth2 (12), veth0-host (13)), rebuilt for each test.  Tests:
#   lab-audit-restore: `-f mpls route save` of two label routes, flush, then
#     `route restore` brings back the same show text; a second restore says
#     "File exists" twice and exits 0.
#   lab-audit-connected: `route get 10.4.4.2 connected` asks twice; the
#     second answer is printed "from" the first answer's source.
#   lab-audit-linkdown: with eth2's peer down a label route over eth2 shows
#     "linkdown ".
#   lab-audit-cache: `route show cache` (4.4's RTM_F_CLONED request) is
#     answered and prints nothing (no cloned routes).
# Run inside the UML guest (guest.sh runs every t_*.sh); prints PASS/FAIL/SKIP.
. testsuite/lab/labns.sh
: "${BUILD:=.}"
: "${IPMPLS:=$BUILD/ip/ipmpls}"
NS=aud
T=/tmp/t_audit
mkdir -p $T

if ! [ -x "$IPMPLS" ]; then
	echo "SKIP lab-audit: $IPMPLS not built"
	exit 0
fi

# in NS: run ipmpls
m() {
	ip netns exec $NS "$IPMPLS" "$@"
}

# fresh NS with the two label routes of the save test; 0 or 1
setup() {
	labns_cleanup $NS >/dev/null 2>&1
	labns_setup $NS >/dev/null 2>&1 || return 1
	m -f mpls route add 100 as 110 via inet 192.168.40.102 &&
	m -f mpls route add 200 via inet 192.168.30.102 dev eth1
}

t_restore() {
	setup || { echo "FAIL lab-audit-restore: setup"; return; }
	m -f mpls route show > $T/before
	m -f mpls route save > $T/dump || {
		echo "FAIL lab-audit-restore: save"; return; }
	m -f mpls route flush table main
	if [ -n "$(m -f mpls route show)" ]; then
		echo "FAIL lab-audit-restore: flush left routes"; return
	fi
	m route restore < $T/dump || {
		echo "FAIL lab-audit-restore: restore exit $?"; return; }
	m -f mpls route show > $T/after
	if ! cmp -s $T/before $T/after || [ ! -s $T/after ]; then
		echo "FAIL lab-audit-restore: show after restore differs"; return
	fi
	m route restore < $T/dump 2> $T/err || {
		echo "FAIL lab-audit-restore: second restore exit $?"; return; }
	if [ "$(grep -c 'File exists' $T/err)" != 2 ]; then
		echo "FAIL lab-audit-restore: second restore said: $(cat $T/err)"
		return
	fi
	echo "PASS lab-audit-restore"
}

t_connected() {
	setup || { echo "FAIL lab-audit-connected: setup"; return; }
	m route add 10.4.4.0/24 encap mpls 100 via inet 192.168.30.102
	m route get 10.4.4.2 connected > $T/out 2>&1 || {
		echo "FAIL lab-audit-connected: exit $?: $(cat $T/out)"; return; }
	if [ "$(grep -c '^10.4.4.2 ' $T/out)" = 2 ] &&
	   grep -q '^10.4.4.2 from 192.168.30.101  encap mpls  100 ' $T/out; then
		echo "PASS lab-audit-connected"
	else
		echo "FAIL lab-audit-connected: printed: $(cat $T/out)"
	fi
}

t_linkdown() {
	setup || { echo "FAIL lab-audit-linkdown: setup"; return; }
	ip -n $NS link set eth2p down
	m -f mpls route show > $T/out
	if grep -q '^100 as to 110 via inet 192.168.40.102 dev eth2 .*linkdown $' \
	   $T/out; then
		echo "PASS lab-audit-linkdown"
	else
		echo "FAIL lab-audit-linkdown: printed: $(cat $T/out)"
	fi
}

t_cache() {
	setup || { echo "FAIL lab-audit-cache: setup"; return; }
	if m route show cache > $T/out 2>&1 && [ ! -s $T/out ]; then
		echo "PASS lab-audit-cache"
	else
		echo "FAIL lab-audit-cache: printed: $(cat $T/out)"
	fi
}

t_restore
t_connected
t_linkdown
t_cache
labns_cleanup $NS >/dev/null 2>&1
exit 0
