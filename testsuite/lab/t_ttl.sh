# testsuite/lab/t_ttl.sh: encap mpls LABELS ttl N and ttl-propagate on the real MPLS kernel
# Topology: one namespace "ttl" built by labns.sh (the reference lab: eth1 (11),
# eth2 (12), veth0-host (13), nlmon0), nothing else.  In it, ipmpls adds
#   10.4.4.0/24 encap mpls 100 ttl 10 via inet 192.168.30.102 dev eth1
#   10.5.5.0/24 encap mpls 100/200 ttl 0 via inet 192.168.40.102 dev eth2
#   -f mpls 100 as 200 via inet 192.168.30.102 dev eth1 ttl-propagate enabled
#   -f mpls 101 ttl-propagate disabled via inet 192.168.40.102 dev eth2
# and each must be accepted (exit 0, its request captured on nlmon0 as the
# golden case says), held by the kernel as asked (Debian's current `ip`
# shows the same text) and printed back by `ipmpls route show` as current
# iproute2 prints it.  Bad values (ttl 256, ttl-propagate foo) must be
# refused with nothing sent.  Run inside the UML guest (guest.sh), cwd the
# project's top; prints PASS/FAIL/SKIP lines.
. testsuite/lab/labns.sh
: "${BUILD:=.}"
: "${IPMPLS:=$BUILD/ip/ipmpls}"
NLMON=$BUILD/testsuite/tools/nlmon_dump
G=testsuite/golden/extra
NS=ttl
T=/tmp/t_ttl
mkdir -p $T

if ! [ -x "$IPMPLS" ] || ! [ -x "$NLMON" ]; then
	echo "SKIP lab-ttl: $IPMPLS or $NLMON not built"
	exit 0
fi
if ! labns_setup $NS >/dev/null 2>&1; then
	echo "FAIL lab-ttl: labns_setup"
	labns_cleanup $NS
	exit 0
fi

# capture CASE: the golden case CASE's argv run live under the nlmon
# capture (requests in $T/CASE.req, output in $T/CASE.out); sets rc
capture() {
	set -f
	ip netns exec $NS "$NLMON" -q $T/$1.req nlmon0 -- \
		"$IPMPLS" $(cat $G/$1/argv) > $T/$1.out 2>&1
	rc=$?
	set +f
}

# add NAME CASE: the request must be the case's and the kernel accept it
add() {
	capture "$2"
	if [ $rc != 0 ]; then
		echo "FAIL lab-$1: exit $rc: $(head -n 1 $T/$2.out)"
	elif ! cmp -s $G/$2/requests $T/$2.req; then
		echo "FAIL lab-$1: request differs from golden/extra/$2"
	else
		echo "PASS lab-$1"
	fi
}

# refused NAME CASE: a bad value is refused (exit 255) and nothing is sent
refused() {
	capture "$2"
	if [ $rc = "$(cat $G/$2/rc)" ] && [ ! -s $T/$2.req ]; then
		echo "PASS lab-$1"
	else
		echo "FAIL lab-$1: exit $rc, $(wc -l < $T/$2.req) requests sent"
	fi
}

# shown NAME WANT GOT: compare two show outputs
shown() {
	if cmp -s "$2" "$3"; then
		echo "PASS lab-$1"
	else
		echo "FAIL lab-$1: $(diff "$2" "$3" | head -n 4 | tr '\n' '|')"
	fi
}

add ttl-encap encap-ttl
add ttl-encap0 encap-ttl0
add ttl-propagate ttl-prop-enabled
add ttl-propagate-off ttl-prop-disabled
refused ttl-encap-bad err-encap-ttl
refused ttl-propagate-bad err-ttl-prop

# what the kernel holds, in current iproute2's words, and ipmpls's show
ip -n $NS route show 10.4.4.0/24 > $T/ip4.want
ip -n $NS -f mpls route show > $T/mpls.want
ip netns exec $NS "$IPMPLS" route show 10.4.4.0/24 > $T/ip4.got 2>&1
ip netns exec $NS "$IPMPLS" -f mpls route show > $T/mpls.got 2>&1
printf '10.4.4.0/24  encap mpls  100 ttl 10 via 192.168.30.102 dev eth1 \n' \
	> $T/ip4.text
printf '%s\n' \
	'100 as to 200 via inet 192.168.30.102 dev eth1 ttl-propogate enabled' \
	'101 via inet 192.168.40.102 dev eth2 ttl-propogate disabled' \
	> $T/mpls.text
shown ttl-kernel-encap $T/ip4.text $T/ip4.want
shown ttl-kernel-propagate $T/mpls.text $T/mpls.want
shown ttl-show-encap $T/ip4.want $T/ip4.got
shown ttl-show-propagate $T/mpls.want $T/mpls.got
labns_cleanup $NS
exit 0
