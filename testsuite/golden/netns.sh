# testsuite/golden/netns.sh: the golden namespace: the lab's recipe, no MPLS
# The lab's namespace (testsuite/lab/labns.sh: lo, eth1/eth1p, eth2/eth2p,
# veth0-host/veth0 with fixed ifindexes, MACs and addresses, no DAD), built
# "bare": no MPLS sysctls and no nlmon, since the host kernel may have no MPLS
# and the golden tests talk to a recording.
# usage: . netns.sh; golden_ns_add NS; ...; golden_ns_del NS
. "$(dirname "$GOLDEN")/lab/labns.sh"

golden_ns_add() {
	labns_setup "$1" bare
}

golden_ns_del() {
	labns_cleanup "$1"
}
