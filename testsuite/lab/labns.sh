# testsuite/lab/labns.sh: the reference dumps' lab, one namespace (sourced)
# Topology: one namespace NS with lo up and three veth pairs whose ifindexes
# and MAC addresses are fixed, so that device numbers in netlink messages are
# those of the recordings:
#   eth1 (11) <-> eth1p (21)        192.168.30.101/24, 2001:db8:30::101/64
#   eth2 (12) <-> eth2p (22)        192.168.40.101/24, 2001:db8:40::101/64
#   veth0-host (13) <-> veth0 (23)  10.3.3.1/24
# all up, IPv6 without DAD; platform_labels 1048575, ip_forward 1, MPLS input
# on eth1, eth2 and veth0-host; plus an nlmon device nlmon0 (up) to capture
# the namespace's netlink traffic.  Needs mpls_router, veth and nlmon.
# labns_setup NS bare: the same namespace without what needs MPLS or nlmon
# (no MPLS sysctls, no nlmon0, no wait for link-local routes): the golden
# tests' namespace on a host kernel without MPLS (testsuite/golden/netns.sh).
# usage: . testsuite/lab/labns.sh; labns_setup NS [bare]; ...; labns_cleanup NS

# labns_setup NS [bare]: builds the namespace; returns non-zero if a step
# failed (a namespace whose links could not be made is deleted again).
# Few processes: each exec costs tens of milliseconds in user-mode-linux.
labns_setup() {
	_nlmon="link add nlmon0 type nlmon
link set nlmon0 up"
	[ "$2" = bare ] && _nlmon=
	ip netns add "$1" || return 1
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.accept_dad=0 \
		net.ipv6.conf.default.accept_dad=0 ||
		{ ip netns del "$1"; return 1; }
	ip -n "$1" -batch - <<-EOB || { ip netns del "$1"; return 1; }
	link set lo up
	link add eth1 index 11 address 02:00:00:00:00:11 type veth peer name eth1p index 21 address 02:00:00:00:00:21
	link add eth2 index 12 address 02:00:00:00:00:12 type veth peer name eth2p index 22 address 02:00:00:00:00:22
	link add veth0-host index 13 address 02:00:00:00:00:13 type veth peer name veth0 index 23 address 02:00:00:00:00:23
	link set eth1 up
	link set eth1p up
	link set eth2 up
	link set eth2p up
	link set veth0-host up
	link set veth0 up
	addr add 192.168.30.101/24 dev eth1
	addr add 192.168.40.101/24 dev eth2
	addr add 10.3.3.1/24 dev veth0-host
	addr add 2001:db8:30::101/64 dev eth1 nodad
	addr add 2001:db8:40::101/64 dev eth2 nodad
	$_nlmon
	EOB
	[ "$2" = bare ] && return 0
	labns_wait_ll "$1"
	ip netns exec "$1" sysctl -qw net.mpls.platform_labels=1048575 \
		net.ipv4.ip_forward=1 net.mpls.conf.eth1.input=1 \
		net.mpls.conf.eth2.input=1 net.mpls.conf.veth0-host.input=1
}

# labns_wait_ll NS: waits (up to 5 s) for the six link-local local routes
labns_wait_ll() {
	_i=0
	while [ "$(ip -n "$1" -6 route show table local |
		grep -c '^local fe80')" -lt 6 ] &&
		[ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
}

labns_cleanup() {
	ip netns del "$1" 2>/dev/null
}

# labns_pre CASEDIR NS: a recorded case's set-up (its `pre` file), part by
# part (`;` between parts): ip arguments run with the system's ip in NS,
# `!` parts with sh in NS (testsuite/data/iproute2-4.4/README.md)
labns_pre() {
	[ -s "$1/pre" ] || return 0
	_pns=$2
	_pre=$(cat "$1/pre")
	_ifs=$IFS
	IFS=';'
	set -f
	for _part in $_pre; do
		IFS=$_ifs
		case "$_part" in
		*[!\ ]*) ;;
		*) continue ;;
		esac
		set -- $_part
		case "$1" in
		!*) ip netns exec "$_pns" sh -c "${_part#*!}" ;;
		*) ip -n "$_pns" "$@" ;;
		esac
	done
	IFS=$_ifs
	set +f
}
