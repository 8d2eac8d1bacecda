# testsuite/lab/cases.sh: every golden case live on the guest's MPLS kernel
# Topology: one labns.sh namespace "lab-case" (the dumps' lab: eth1, eth2,
# veth0-host with fixed ifindexes, plus nlmon0), built once and reset between
# runs; each case runs in it twice: once for ipmpls, once for Debian's ip.
# The reset: every route of protocol boot or static flushed (IPv4, IPv6,
# MPLS), then `ip route show table all` must be byte for byte what it was
# when the namespace was new, else the namespace is deleted and the next run
# builds a fresh one.  A case whose `pre` changes more than routes (a `!`
# part other than printf, an ip part other than route) gets a fresh
# namespace after each of its runs; so does a case that timed out.
# Every case folder is found by itself: testsuite/data/iproute2-4.4/cases
# (named NAME), .../beyond (beyond/NAME) and testsuite/golden/extra
# (extra/NAME).  A case that cannot run live says why in its file
# `live-skip` (one line, printed as "SKIP lab-case/NAME: why").
# For each case: run `pre` (ip arguments with Debian's ip, `!` parts with
# sh), then ipmpls ARGV under nlmon_dump; compare the route requests (nlcmp:
# padding aside), the exit code and stdout with the recording (beyond/ cases
# without a requests file: not the requests).  Then the kernel's routes
# afterwards:
# when the case fails (recorded rc not 0, not a batch) or only reads (show,
# list, get), they must be those before it ran; when it changes routes, the
# case runs again with Debian's ip (pre again first) and, when ip exits as
# the recording says, the routes after both runs must be the same.  stderr
# differences are reported, not failed (ip 6.1 and 4.4 word some errors
# differently; the golden group checks stderr).
# Each case has its own time limit (limit.sh; LAB_CASE_LIMIT seconds, 120).
# LAB_CASE_FRESH=1: a fresh namespace for every run, as before the reuse.
# LAB_CASE_SHARD=K/N: only the cases whose position in the list is K modulo
# N (the lab runs two guests, one for each half: run.sh).
# usage (in the guest): sh testsuite/lab/cases.sh [NAME-PATTERN]
#        sh testsuite/lab/cases.sh --one DIR NAME     (one case, no limit)
# Prints "PASS lab-case/NAME", "FAIL lab-case/NAME: why" or "SKIP ..." per
# case.
. testsuite/lab/labns.sh
. testsuite/lab/limit.sh
DATA=$TOP/testsuite/data/iproute2-4.4
NLMON=$TOP/$BUILD/testsuite/tools/nlmon_dump
NLCMP=$TOP/$BUILD/testsuite/tools/nlcmp
: "${IPMPLS:=$TOP/$BUILD/ip/ipmpls}"
W=/tmp/cases
[ -d "$W" ] || mkdir -p "$W"

# state NS: the routes the kernel holds (all tables, all families): first
# the others in the kernel's order, then the kernel's own one-line routes
# ("proto kernel": connected, local, fe80::/64, multicast) sorted, since their
# order follows the timing of address and link set-up, not the case
state() {
	ip -n "$1" route show table all 2>&1 | state_sort
}

# state_sort: `ip route show` on stdin, its kernel routes sorted last
# (one awk: each exec costs in user-mode-linux)
state_sort() {
	awk '
	function flush() {
		if (rec != "" && rec !~ /\n/ && rec ~ / proto kernel( |$)/)
			k[nk++] = rec
		else if (rec != "")
			print rec
		rec = ""
	}
	/^[ \t]/ { rec = rec "\n" $0; next }
	{ flush(); rec = $0 }
	END {
		flush()
		for (i = 1; i < nk; i++)
			for (j = i; j > 0 && k[j - 1] > k[j]; j--) {
				t = k[j]; k[j] = k[j - 1]; k[j - 1] = t
			}
		for (i = 0; i < nk; i++)
			print k[i]
	}'
}

# oneline FILE [N]: the first N (3) lines of FILE on one line
oneline() {
	head -n "${2:-3}" "$1" 2>/dev/null | tr '\n' ' '
}

# changes A B: the first two lines that differ between files A and B
changes() {
	diff "$1" "$2" | grep '^[<>]' | head -n 2 | tr '\n' ' '
}

# same WANT GOT: files equal, a missing WANT counting as empty
same() {
	if [ -f "$1" ]; then cmp -s "$1" "$2"; else [ ! -s "$2" ]; fi
}

# ns_ready NS: NS exists and is as new (built now when it is not); its
# routes when new are in $W/NS.new
ns_ready() {
	[ -z "$LAB_CASE_FRESH" ] && [ -e "/run/netns/$1" ] &&
		[ -f "$W/$1.new" ] && return 0
	labns_cleanup "$1"
	rm -f "$W/$1.new"
	labns_setup "$1" >/dev/null 2>&1 || return 1
	[ -n "$LAB_CASE_DEBUG" ] && echo "  [lab-case] built $1" >&2
	ip -n "$1" route show table all > "$W/$1.new" 2>&1
}

# ns_reset NS: NS back as new, or deleted (DIRTY set: the case's pre changed
# more than routes; or the routes left differ from those of the new NS)
ns_reset() {
	if [ -n "$DIRTY" ] || [ -n "$LAB_CASE_FRESH" ]; then
		labns_cleanup "$1"
		return
	fi
	ip -n "$1" -force -batch - >/dev/null 2>&1 <<-EOB
	route flush table all proto boot
	route flush table all proto static
	EOB
	ip -n "$1" route show table all > "$W/$1.now" 2>&1
	cmp -s "$W/$1.now" "$W/$1.new" && return
	[ -n "$LAB_CASE_DEBUG" ] && diff "$W/$1.new" "$W/$1.now" >&2
	labns_cleanup "$1"
}

# dirty DIR: the case's pre changes more than routes (sysctls, addresses,
# links): its namespace is not reused
dirty() {
	[ -s "$1/pre" ] || return 1
	_pre=$(cat "$1/pre")
	_ifs=$IFS
	IFS=';'
	set -f
	for _part in $_pre; do
		IFS=$_ifs
		set -- $_part
		[ $# = 0 ] && continue
		case "$1" in
		'!printf'*|'!(printf'*) continue ;;
		!*) set +f; return 0 ;;
		esac
		while [ $# -gt 0 ]; do
			case "$1" in
			-f|-family) shift 2 ;;
			-*) shift ;;
			*) break ;;
			esac
		done
		case "$1" in
		r|ro|rou|rout|route) ;;
		*) set +f; return 0 ;;
		esac
	done
	IFS=$_ifs
	set +f
	return 1
}

# run_one DIR NS OUT TOOL...: pre, TOOL ARGV under capture, the state after
# (and with OUT.before: the state before); NS is reset afterwards
run_one() {
	_dir=$1 _ns=$2 _o=$3
	shift 3
	ns_ready "$_ns" || return 1
	labns_pre "$_dir" "$_ns" >/dev/null 2>&1
	[ -n "$BEFORE" ] && state "$_ns" > "$_o.before" 2>&1
	set -f
	"$NLMON" -N "$_ns" -q "$_o.req" -a "$_o.ans" nlmon0 -- \
		"$@" $ARGV >"$_o.out" 2>"$_o.err" </dev/null
	echo $? > "$_o.rc"
	set +f
	state "$_ns" > "$_o.state" 2>&1
	ns_reset "$_ns"
	for _f in /tmp/batch-*; do
		[ -e "$_f" ] && rm -f /tmp/batch-*
		break
	done
}

# check_state DIR O: the kernel's routes after ipmpls are the right ones
check_state() {
	if [ -n "$READONLY" ] || { [ "$RC" != 0 ] && [ -z "$BATCH" ]; }; then
		cmp -s "$2.mine.before" "$2.mine.state" ||
			why="$why; routes changed: $(changes "$2.mine.before" \
				"$2.mine.state")"
		return
	fi
	BEFORE= run_one "$1" lab-case "$2.ip" ip ||
		{ why="$why; no namespace for ip"; return; }
	read -r _iprc < "$2.ip.rc"
	if [ "$_iprc" != "$RC" ]; then
		echo "  [lab-case/$name] routes not compared:" \
			"ip exits $_iprc, recorded $RC"
		return
	fi
	cmp -s "$2.ip.state" "$2.mine.state" ||
		why="$why; routes differ from ip's: $(changes "$2.ip.state" \
			"$2.mine.state")"
}

# slashes NAME: NAME with each / made _ (no exec)
slashes() {
	_r= _n=$1
	while :; do
		case "$_n" in
		*/*) _r=$_r${_n%%/*}_ _n=${_n#*/} ;;
		*) break ;;
		esac
	done
	echo "$_r$_n"
}

# check_case DIR NAME: one line for one case
check_case() {
	dir=$1 name=$2
	o=$W/$(slashes "$name")
	why=
	ARGV= RC=
	read -r ARGV < "$dir/argv"
	read -r RC < "$dir/rc"
	DIRTY=
	dirty "$dir" && DIRTY=1
	READONLY= BATCH=
	case " $ARGV " in
	*" route show "*|*" route list "*|*" route lst "*|*" route get "*)
		READONLY=1 ;;
	*" -batch "*) BATCH=1 ;;
	esac
	if ! BEFORE=1 run_one "$dir" lab-case "$o.mine" "$IPMPLS"; then
		echo "FAIL lab-case/$name: could not build the lab namespace"
		return
	fi
	read -r rc < "$o.mine.rc"
	[ "$rc" = 125 ] && why="$why; the capture failed"
	# beyond/ cases without requests leave the request to ipmpls
	case "$name" in
	beyond/*) [ -f "$dir/requests" ] || cp "$o.mine.req" "$o.want" ;;
	esac
	[ -f "$o.want" ] || cp "$dir/requests" "$o.want" 2>/dev/null ||
		: > "$o.want"
	"$NLCMP" "$o.want" "$o.mine.req" > "$o.cmp" 2>&1 ||
		why="$why; requests differ: $(oneline "$o.cmp")"
	[ "$rc" = "$RC" ] || why="$why; rc $rc, recorded $RC"
	same "$dir/stdout" "$o.mine.out" || why="$why; stdout differs"
	same "$dir/stderr" "$o.mine.err" ||
		echo "  [lab-case/$name] stderr: $(oneline "$o.mine.err")" \
			"(recorded: $(oneline "$dir/stderr"))"
	check_state "$dir" "$o"
	if [ -z "$why" ]; then
		echo "PASS lab-case/$name"
	else
		echo "FAIL lab-case/$name: ${why#; }"
	fi
}

if [ "$1" = --one ]; then
	check_case "$2" "$3"
	exit 0
fi

PATTERN=${1:-*}
shard=${LAB_CASE_SHARD%/*} shards=${LAB_CASE_SHARD#*/} pos=0
for dir in "$DATA"/cases/$PATTERN "$DATA"/beyond/$PATTERN \
	"$TOP"/testsuite/golden/extra/$PATTERN; do
	[ -f "$dir/argv" ] || continue
	pos=$((pos + 1))
	[ -z "$LAB_CASE_SHARD" ] || [ $((pos % shards)) = "$shard" ] ||
		continue
	case "$dir" in
	*/beyond/*) name=beyond/${dir##*/} ;;
	*/golden/extra/*) name=extra/${dir##*/} ;;
	*) name=${dir##*/} ;;
	esac
	if [ -f "$dir/live-skip" ]; then
		read -r why < "$dir/live-skip"
		echo "SKIP lab-case/$name: $why"
		continue
	fi
	lab_limit "lab-case/$name" "${LAB_CASE_LIMIT:-120}" \
		sh testsuite/lab/cases.sh --one "$dir" "$name"
done
labns_cleanup lab-case
rm -rf "$W"
