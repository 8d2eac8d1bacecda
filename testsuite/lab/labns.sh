# testsuite/lab/labns.sh: the reference dumps' lab, one network namespace (sourced)
# Topology: one namespace NS with lo up and three veth pairs whose ifindexes
# and MAC addresses are fixed, so that device numbers in netlink messages are
# those of the recordings:
#   eth1 (11) <-> eth1p (21)        192.168.30.101/24, 2001:db8:30::101/64
#   eth2 (12) <-> eth2p (22)        192.168.40.101/24, 2001:db8:40::101/64
#   veth0-host (13) <-> veth0 (23)  10.3.3.1/24
# all up, IPv6 without DAD; platform_labels 1048575, ip_forward 1, MPLS input
# on eth1, eth2 and veth0-host; plus an nlmon device nlmon0 (up) to capture
# the namespace's netlink traffic.  Needs mpls_router, veth and nlmon.
# usage: . testsuite/lab/labns.sh; labns_setup NS; ...; labns_cleanup NS

# labns_setup NS: builds the namespace; returns non-zero if a step failed
labns_setup() {
	_ns=$1
	ip netns add "$_ns" || return 1
	ip -n "$_ns" link set lo up
	ip netns exec "$_ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 \
		net.ipv6.conf.default.accept_dad=0 || return 1
	for _p in "eth1 11 eth1p 21" "eth2 12 eth2p 22" "veth0-host 13 veth0 23"; do
		set -- $_p
		ip -n "$_ns" link add "$1" index "$2" address "02:00:00:00:00:$2" \
			type veth peer name "$3" index "$4" \
			address "02:00:00:00:00:$4" || return 1
		ip -n "$_ns" link set "$1" up && ip -n "$_ns" link set "$3" up ||
			return 1
	done
	ip -n "$_ns" addr add 192.168.30.101/24 dev eth1 &&
	ip -n "$_ns" addr add 192.168.40.101/24 dev eth2 &&
	ip -n "$_ns" addr add 10.3.3.1/24 dev veth0-host &&
	ip -n "$_ns" -6 addr add 2001:db8:30::101/64 dev eth1 nodad &&
	ip -n "$_ns" -6 addr add 2001:db8:40::101/64 dev eth2 nodad || return 1
	labns_wait_ll "$_ns"
	ip netns exec "$_ns" sysctl -qw net.mpls.platform_labels=1048575 \
		net.ipv4.ip_forward=1 net.mpls.conf.eth1.input=1 \
		net.mpls.conf.eth2.input=1 net.mpls.conf.veth0-host.input=1 ||
		return 1
	ip -n "$_ns" link add nlmon0 type nlmon && ip -n "$_ns" link set nlmon0 up
}

# labns_wait_ll NS: waits (up to 5 s) for the six link-local local routes
labns_wait_ll() {
	_i=0
	while [ "$(ip -n "$1" -6 route show table local | grep -c '^local fe80')" -lt 6 ] &&
		[ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}

labns_cleanup() {
	ip netns del "$1" 2>/dev/null
}
