# testsuite/lab/t_show.sh: show, flush and -j on the real MPLS kernel, with a big label table
# Topology: one namespace "shw" built by labns.sh (the reference lab: eth1 (11),
# eth2 (12), veth0-host (13)), nothing else.  In it:
#   lab-show-big: N label routes "L as L via inet 192.168.30.102 dev eth1"
#     (L = 16 .. 15+N; N is the first argument, 100000 by default, 1048559
#     fills the whole label space) installed with ipmpls -batch; then
#     `ipmpls -f mpls route show` must print all N, the same text as
#     Debian's current ip, with a peak RSS below 4 MiB; then
#     `ipmpls -f mpls route flush dev eth1` must remove them all, also
#     below 4 MiB.
#   lab-show-json: a few IPv4, IPv6 and MPLS routes (multipath too); for
#     each show/get command, `ipmpls -j [-p]` must print what `ip -j [-p]`
#     prints.
#   lab-flush-dev: flush of one device leaves the other device's routes.
# Run inside the UML guest (guest.sh, or uml.sh t_show.sh N), cwd the
# project's top; prints PASS/FAIL/SKIP lines.
. testsuite/lab/labns.sh
: "${BUILD:=.}"
: "${IPMPLS:=$BUILD/ip/ipmpls}"
NS=shw
T=/tmp/t_show
N=${1:-100000}
mkdir -p $T

if ! [ -x "$IPMPLS" ]; then
	echo "SKIP lab-show: $IPMPLS not built"
	exit 0
fi
if ! command -v /usr/bin/time >/dev/null; then
	echo "SKIP lab-show: /usr/bin/time missing (Debian package: time)"
	exit 0
fi

in_ns() {
	ip netns exec $NS "$@"
}

# peak RSS in KiB of the command, its stdout to $T/out
rss_of() {
	in_ns /usr/bin/time -f "%M" "$@" > $T/out 2> $T/time || return 1
	tail -n 1 $T/time
}

t_big() {
	awk -v n="$N" 'BEGIN { for (i = 16; i < 16 + n; i++)
		printf "route add %d as %d via inet 192.168.30.102 dev eth1\n", i, i }' \
		> $T/batch
	if ! in_ns "$IPMPLS" -f mpls -batch $T/batch > $T/berr 2>&1; then
		echo "FAIL lab-show-big-$N: the batch failed: $(head -n 1 $T/berr)"
		return
	fi
	rss=$(rss_of "$IPMPLS" -f mpls route show) ||
		{ echo "FAIL lab-show-big-$N: show failed"; return; }
	lines=$(wc -l < $T/out)
	in_ns ip -f mpls route show > $T/ip.out
	if [ "$lines" != "$N" ]; then
		echo "FAIL lab-show-big-$N: show printed $lines routes"
	elif ! cmp -s $T/out $T/ip.out; then
		echo "FAIL lab-show-big-$N: show differs from ip's"
	elif [ "$rss" -ge 4096 ]; then
		echo "FAIL lab-show-big-$N: show's peak RSS $rss KiB"
	else
		echo "PASS lab-show-big-$N (show: $rss KiB)"
	fi
	rss=$(rss_of "$IPMPLS" -f mpls route flush dev eth1) ||
		{ echo "FAIL lab-flush-big-$N: flush failed"; return; }
	left=$(in_ns ip -f mpls route show | wc -l)
	if [ "$left" != 0 ]; then
		echo "FAIL lab-flush-big-$N: $left routes left"
	elif [ "$rss" -ge 4096 ]; then
		echo "FAIL lab-flush-big-$N: flush's peak RSS $rss KiB"
	else
		echo "PASS lab-flush-big-$N (flush: $rss KiB)"
	fi
}

t_json() {
	ip -n $NS route add 10.4.4.0/24 encap mpls 100 via inet 192.168.30.102
	ip -n $NS route add 10.5.5.0/24 encap mpls 200/300 via 192.168.40.102 dev eth2 metric 20
	ip -n $NS route add 10.6.6.0/24 nexthop encap mpls 100 via 192.168.30.102 dev eth1 nexthop encap mpls 200 via 192.168.40.102 dev eth2
	ip -n $NS route add 10.7.7.0/24 encap mpls 100 via inet 192.168.30.102 table 100 proto static
	ip -n $NS -6 route add 2001:db8:99::/64 encap mpls 300 via 2001:db8:30::102 dev eth1
	ip -n $NS -f mpls route add 100 as 110 via inet 192.168.40.102
	ip -n $NS -f mpls route add 211 via inet6 2001:db8:40::102 dev eth2
	ip -n $NS -f mpls route add 400 nexthop as 200 via inet 192.168.30.102 dev eth1 nexthop as 300 via inet 192.168.40.102 dev eth2
	ip -n $NS -f mpls route add 401 nexthop via inet 192.168.30.102 dev eth1 nexthop via inet 192.168.40.102 dev eth2
	# a veth's carrier comes up a moment after it is set up (later still
	# on a loaded host): until then routes over it are "linkdown", and a
	# comparison would race with that change
	_w=0
	while [ $_w -lt 100 ] &&
		in_ns ip link show | grep -q '^[0-9]*: eth[12][@:].*NO-CARRIER'; do
		sleep 0.2
		_w=$((_w + 1))
	done
	bad=
	for a in "-f mpls route show" "route show" "-6 route show" \
		"route show table 100" "route show table all" \
		"-d -f mpls route show" "-f mpls route get 100" \
		"route get 10.4.4.2" "route show dev eth2"; do
		for p in "" "-p"; do
			in_ns ip -j $p $a > $T/want 2>&1
			in_ns "$IPMPLS" -j $p $a > $T/got 2>&1
			cmp -s $T/want $T/got ||
				bad="$bad; -j $p $a: $(diff $T/want $T/got |
					head -n 4 | tr '\n' '|')"
		done
	done
	if [ -n "$bad" ]; then
		echo "FAIL lab-show-json: differs from ip's for${bad#;}"
	else
		echo "PASS lab-show-json"
	fi
}

t_flush_dev() {
	in_ns "$IPMPLS" -f mpls route flush dev eth2 > $T/out 2>&1
	rc=$?
	left=$(in_ns ip -f mpls route show | tr '\n' '|')
	# 400 and 401 have no RTA_OIF: 4.4's filter does not look into nexthops
	case "$left" in
	*"211 via"*|*"100 as to"*)
		echo "FAIL lab-flush-dev: routes on eth2 left (rc $rc): $left" ;;
	"400 "*"401 "*)
		[ $rc = 0 ] && echo "PASS lab-flush-dev" ||
			echo "FAIL lab-flush-dev: rc $rc" ;;
	*)
		echo "FAIL lab-flush-dev: rc $rc, left: $left (want 400, 401)" ;;
	esac
}

if ! labns_setup $NS >/dev/null 2>&1; then
	echo "FAIL lab-show: labns_setup"
	labns_cleanup $NS
	exit 0
fi
t_big
t_json
t_flush_dev
labns_cleanup $NS
rm -rf $T
exit 0
