#!/bin/sh
# testsuite/golden/record.sh: records the kernel's answers for reference cases that have none
# Topology: the reference lab namespace (testsuite/lab/labns.sh) in the user-mode-linux MPLS
# kernel, one fresh namespace per case.
# For each case NAME given (default: the beyond/ cases that print what the kernel holds but
# come without a responses file), runs its `pre` with the system's ip, then its argv with the
# system's ip under nlmon_dump, and writes the kernel's answers to
# testsuite/golden/responses/NAME (the dumps' format), which run.sh then replays.
# usage: sh testsuite/golden/record.sh [NAME...]    (on the host, as root; needs make tests)
cd "$(dirname "$0")/../.." || exit 1
if [ "$1" != --guest ]; then
	exec sh testsuite/lab/uml.sh testsuite/golden/record.sh --guest "$@"
fi
shift
. testsuite/lab/labns.sh
NLMON=$BUILD/testsuite/tools/nlmon_dump
DATA=testsuite/data/iproute2-4.4
[ $# -gt 0 ] || set -- dev-get-mpls dev-show-mpls-multipath dev-show-mpls-multipath-pop
rc=0
for name in "$@"; do
	dir=$DATA/beyond/$name
	[ -d "$dir" ] || dir=$DATA/cases/$name
	ns=rec
	labns_setup $ns >/dev/null 2>&1 || { echo "FAIL record/$name: labns_setup"; rc=1; continue; }
	tr ';' '\n' < "$dir/pre" | while IFS= read -r part; do
		part=$(printf '%s' "$part" | sed 's/^ *//; s/ *$//')
		case "$part" in
		'') ;;
		!*) ip netns exec $ns sh -c "${part#!}" ;;
		*) ip -n $ns $part ;;
		esac
	done
	ip netns exec $ns "$NLMON" -a /tmp/ans nlmon0 -- ip $(cat "$dir/argv") > /tmp/out 2>&1
	if [ -s /tmp/ans ]; then
		cp /tmp/ans testsuite/golden/responses/$name
		echo "recorded $name: $(wc -l < /tmp/ans) answers; ip printed:"
		sed 's/^/    /' /tmp/out
	else
		echo "FAIL record/$name: nothing captured"; rc=1
	fi
	labns_cleanup $ns
done
exit $rc
