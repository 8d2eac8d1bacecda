#!/bin/bash
# testsuite/pkg/completion.sh: drives completion/ipmpls as bash does on TAB
# (COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT, then _ipmpls) and checks
# COMPREPLY.  `route del` lists the kernel's routes with ipmpls itself:
# here ipmpls answers from a recorded dump of the seed's r2 (IPMPLS_RECORD /
# IPMPLS_RESPONSES), so no root and no MPLS kernel are needed.
# usage: bash testsuite/pkg/completion.sh [nobc]   (nobc: without
# bash-completion's helpers, as in a shell that did not load it)
# Prints "PASS pkg/completion-NAME" or "FAIL pkg/completion-NAME: why".
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
IPMPLS=$BUILD/ip/ipmpls
tag=completion
if [ "$1" != nobc ] && [ -r /usr/share/bash-completion/bash_completion ]; then
	. /usr/share/bash-completion/bash_completion
else
	tag=completion-nobc
fi
. completion/ipmpls || { echo "FAIL pkg/$tag: completion/ipmpls does not load"; exit 0; }
[ "$(complete -p ipmpls 2>/dev/null)" = "complete -F _ipmpls ipmpls" ] ||
	echo "FAIL pkg/$tag-registered: $(complete -p ipmpls 2>&1)"

# comp LINE: the completions for LINE, the cursor at its end (a LINE that
# ends in a space completes a new, empty word), sorted, one line
comp() {
	local line=$1
	COMP_LINE="$IPMPLS ${line#ipmpls }"
	COMP_POINT=${#COMP_LINE}
	read -r -a COMP_WORDS <<< "$COMP_LINE"
	[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_ipmpls ipmpls "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

# check NAME LINE EXPECTED: the completions are exactly EXPECTED
check() {
	local got
	got=$(comp "$2")
	if [ "$got" = "$3" ]; then echo "PASS pkg/$tag-$1"
	else echo "FAIL pkg/$tag-$1: \"$2\" gives [$got], expected [$3]"; fi
}
# has NAME LINE WORD...: the completions include every WORD
has() {
	local name=$1 line=$2 got w miss=
	shift 2
	got=" $(comp "$line") "
	for w; do [[ $got == *" $w "* ]] || miss="$miss $w"; done
	if [ -z "$miss" ]; then echo "PASS pkg/$tag-$name"
	else echo "FAIL pkg/$tag-$name: \"$line\" gives [$got], lacks [$miss ]"; fi
}

check object "ipmpls " "check help monitor netconf route stats"
check object-prefix "ipmpls ro" "route"
has options "ipmpls -" -batch -family -force -netns -Version -json -oneline
check option-prefix "ipmpls -ne" "-netns"
check family "ipmpls -f " "bridge dnet help inet inet6 ipx link mpls"
check family-long "ipmpls --family m" "mpls"
has commands "ipmpls route " add append change delete flush get list \
	prepend replace restore save show showdump test
check command-prefix "ipmpls -f mpls route re" "replace restore"
has route-keywords "ipmpls route add 10.0.0.0/24 " via dev encap nexthop \
	table metric as ttl-propagate mtu
check keyword-prefix "ipmpls route add 10.0.0.0/24 d" "dev dsfield"
check abbreviated-command "ipmpls r a 10.0.0.0/24 d" "dev dsfield"
has devices "ipmpls route add 10.0.0.0/24 dev " lo
check via-family-mpls "ipmpls -f mpls route add 100 via " "inet inet6"
check via-family "ipmpls route add 10.0.0.0/24 via " "inet inet6 mpls"
check no-address "ipmpls -f mpls route add 100 via inet " ""
check encap "ipmpls route add 10.0.0.0/24 encap " "mpls"
has table "ipmpls route add 10.0.0.0/24 table " main local default
has protocol "ipmpls route add 10.0.0.0/24 proto " boot kernel static
check ttl-propagate "ipmpls -M route add 100 ttl-propagate " "disabled enabled"
check pref "ipmpls route add 10.0.0.0/24 pref " "high low medium"
check nexthop "ipmpls route add 10.0.0.0/24 nexthop w" "weight"
has nexthop-keywords "ipmpls -f mpls route add 100 nexthop via inet 10.0.0.1 " \
	as dev encap nexthop via weight
check no-value "ipmpls route add 10.0.0.0/24 metric " ""
has selector "ipmpls -f mpls route show " table proto root match exact dev
check get "ipmpls route get 10.0.0.1 c" "connected"
check get-fibmatch "ipmpls -f mpls route get f" "fibmatch from"
check monitor "ipmpls monitor " "all file help mpls netconf route"
check monitor-prefix "ipmpls mon f" "file"
# -n: the namespaces of /var/run/netns (here a directory of our own, as
# other tests add and remove namespaces all the time)
_ipmpls_netns_dir=$(mktemp -d /tmp/ipmpls-comp-ns.XXXXXX) || exit 1
touch "$_ipmpls_netns_dir/red" "$_ipmpls_netns_dir/blue" "$_ipmpls_netns_dir/rose"
check netns "ipmpls -n " "blue red rose"
check netns-prefix "ipmpls -netns r" "red rose"
rm -rf "$_ipmpls_netns_dir"
unset _ipmpls_netns_dir

# route del: the destinations of the kernel's routes, here a replay of r2's
if [ -x "$IPMPLS" ]; then
	rec=$(mktemp /tmp/ipmpls-comp.XXXXXX) || exit 1
	export IPMPLS_RECORD=$rec
	export IPMPLS_RESPONSES=$TOP/testsuite/data/iproute2-4.4/cases/show-seed-r2/responses
	check del-labels "ipmpls -f mpls route del " "100 200"
	check del-label-prefix "ipmpls -M r d 1" "100"
	# it asked for a dump of the mpls family (RTM_GETROUTE, family 28)
	if grep -q '^RTM_GETROUTE 0x301 [0-9a-f]\{32\}1c' "$rec"; then
		echo "PASS pkg/$tag-del-dump-request"
	else
		echo "FAIL pkg/$tag-del-dump-request: ipmpls sent [$(cat "$rec")]"
	fi
	check del-after-label "ipmpls -f mpls route del 100 " \
		"$(comp 'ipmpls -f mpls route add 100 ')"
	unset IPMPLS_RECORD IPMPLS_RESPONSES
	rm -f "$rec"
else
	echo "SKIP pkg/$tag-del-labels: $IPMPLS not built"
fi
