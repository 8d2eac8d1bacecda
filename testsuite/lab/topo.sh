# testsuite/lab/topo.sh: the seed's MPLS network in five network namespaces (sourced)
# Topology (every link a veth pair; addresses /24):
#   host1 eth0 10.3.3.2
#     | r1 veth0-host 10.3.3.1, eth1 192.168.30.101
#     | r2 eth1 192.168.30.102, eth2 192.168.40.101
#     | r3 eth1 192.168.40.102, veth0-host 10.4.4.1
#   host2 eth0 10.4.4.2
# Label switched paths: host1 -> host2 pushes 100 at r1, r2 swaps 100 -> 110,
# r3 pops 110; host2 -> host1 pushes 200 at r3, r2 swaps 200 -> 210, r1 pops.
# Routers: platform_labels 1048575, ip_forward 1, MPLS input on eth1/eth2,
# rp_filter 0.  Hosts: a default route to their router.  Every MPLS route is
# added with $IPMPLS (the project's ipmpls) as "ipmpls -n NS ...".
# usage: . testsuite/lab/topo.sh; topo_setup && topo_routes; ...; topo_cleanup
# Set TOPO_VERBOSE=1 to print each command before it runs.

TOPO_NS="host1 r1 r2 r3 host2"
: "${IPMPLS:=${TOP:-.}/${BUILD:-.}/ip/ipmpls}"

# topo_run CMD...: runs (and with TOPO_VERBOSE=1 prints) one command
topo_run() {
	if [ -n "$TOPO_VERBOSE" ]; then
		if [ "$1" = "$IPMPLS" ]; then
			(shift; echo "  # ipmpls $*")
		else
			echo "  # $*"
		fi
	fi
	"$@"
}

# topo_link NS1 DEV1 ADDR1 NS2 DEV2 ADDR2: a veth pair between two namespaces
topo_link() {
	[ -n "$TOPO_VERBOSE" ] && echo "  # link $1 $2 $3 <-> $4 $5 $6"
	ip link add "$2" netns "$1" type veth peer name "$5" netns "$4" &&
	ip -n "$1" addr add "$3" dev "$2" && ip -n "$1" link set "$2" up &&
	ip -n "$4" addr add "$6" dev "$5" && ip -n "$4" link set "$5" up
}

# topo_setup: namespaces, links, addresses, sysctls, host default routes
topo_setup() {
	for ns in $TOPO_NS; do
		topo_run ip netns add "$ns" && ip -n "$ns" link set lo up ||
			return 1
	done
	topo_link host1 eth0 10.3.3.2/24 r1 veth0-host 10.3.3.1/24 &&
	topo_link r1 eth1 192.168.30.101/24 r2 eth1 192.168.30.102/24 &&
	topo_link r2 eth2 192.168.40.101/24 r3 eth1 192.168.40.102/24 &&
	topo_link r3 veth0-host 10.4.4.1/24 host2 eth0 10.4.4.2/24 || return 1
	for ns in r1 r2 r3; do
		topo_run ip netns exec "$ns" sysctl -qw \
			net.mpls.platform_labels=1048575 net.ipv4.ip_forward=1 \
			net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 ||
			return 1
	done
	topo_run ip netns exec r1 sysctl -qw net.mpls.conf.eth1.input=1 &&
	topo_run ip netns exec r2 sysctl -qw net.mpls.conf.eth1.input=1 \
		net.mpls.conf.eth2.input=1 &&
	topo_run ip netns exec r3 sysctl -qw net.mpls.conf.eth1.input=1 &&
	topo_run ip -n host1 route add default via 10.3.3.1 &&
	topo_run ip -n host2 route add default via 10.4.4.1
}

# topo_routes: the seed's six MPLS routes, with ipmpls
topo_routes() {
	topo_run "$IPMPLS" -n r1 route add 10.4.4.0/24 encap mpls 100 via inet 192.168.30.102 &&
	topo_run "$IPMPLS" -n r1 -f mpls route add 210 via inet 10.3.3.2 dev veth0-host &&
	topo_run "$IPMPLS" -n r2 -f mpls route add 100 as 110 via inet 192.168.40.102 &&
	topo_run "$IPMPLS" -n r2 -f mpls route add 200 as 210 via inet 192.168.30.101 &&
	topo_run "$IPMPLS" -n r3 route add 10.3.3.0/24 encap mpls 200 via inet 192.168.40.101 &&
	topo_run "$IPMPLS" -n r3 -f mpls route add 110 via inet 10.4.4.2 dev veth0-host
}

topo_cleanup() {
	for ns in $TOPO_NS; do
		ip netns del "$ns" 2>/dev/null
	done
	return 0
}
