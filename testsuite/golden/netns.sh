# testsuite/golden/netns.sh: a network namespace like the reference lab, for the golden tests
# Builds, in namespace NS: lo up; veth pairs eth1 (11) / eth1p (21), eth2 (12) / eth2p (22),
# veth0-host (13) / veth0 (23), all up; 192.168.30.101/24 + 2001:db8:30::101/64 on eth1,
# 192.168.40.101/24 + 2001:db8:40::101/64 on eth2, 10.3.3.1/24 on veth0-host.
# No MPLS sysctls: the host kernel may have no MPLS, and the golden tests talk to a recording.
# usage: . netns.sh; golden_ns_add NS; ...; golden_ns_del NS
golden_ns_add() {
	ip netns add "$1" || return 1
	ip -n "$1" -batch - <<EOB || { ip netns del "$1"; return 1; }
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
EOB
}

golden_ns_del() {
	ip netns del "$1"
}
