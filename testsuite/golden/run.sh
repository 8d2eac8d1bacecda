#!/bin/sh
# testsuite/golden/run.sh: runs every reference case through ipmpls, diffs it
# Cases: testsuite/data/iproute2-4.4/cases/*, .../beyond/* (the ipmpls
# expectation at the top of each folder) and testsuite/golden/extra/* (our
# own, same format).  Each case runs in a fresh network namespace built like
# the reference lab (netns.sh), with ipmpls talking to a recording
# (IPMPLS_RECORD / IPMPLS_RESPONSES) instead of the kernel.  Compared:
# requests (byte for byte, padding aside: tools/nlcmp), rc, stdout, and
# stderr (a difference fails unless the case is listed in stderr-loose).
# Prints "PASS golden/NAME", "FAIL golden/NAME: why" or "SKIP ...: why" per
# case.
# usage: sh testsuite/golden/run.sh [NAME-PATTERN]
#        (BUILD=DIR for make O=DIR builds; IPMPLS=PATH runs another ipmpls,
#        e.g. ip/ipmpls-shared, and GOLDEN=golden-shared names its results;
#        IPMPLS_WRAP="valgrind ..." runs ipmpls under that command:
#        testsuite/valgrind.sh)
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
IPMPLS=${IPMPLS:-$BUILD/ip/ipmpls}
TAG=${GOLDEN:-golden}
NLCMP=$BUILD/testsuite/tools/nlcmp
GOLDEN=$TOP/testsuite/golden
DATA=$TOP/testsuite/data/iproute2-4.4
PATTERN=${1:-*}

. "$GOLDEN/netns.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP golden: not root, cannot make network namespaces"
	exit 0
fi
for b in "$IPMPLS" "$NLCMP"; do
	if [ ! -x "$b" ]; then
		echo "SKIP golden: $b not built (make && make tests)"
		exit 0
	fi
done
NS=ipmpls-golden-$$
if ! golden_ns_add "$NS-probe" >/dev/null 2>&1; then
	echo "SKIP golden: cannot make a network namespace with veth pairs here"
	exit 0
fi
golden_ns_del "$NS-probe"

TMP=$(mktemp -d /tmp/ipmpls-golden.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM

# listed NAME in FILE: the first word of a non-comment line
listed() {
	[ -f "$2" ] && grep -v '^#' "$2" | awk '{print $1}' | grep -qx "$1"
}

# run_pre CASEDIR NS: the `!` shell parts of pre, and the ip parts that are
# not routes (route changes are the kernel's side, which the recorded
# responses stand for) (a part may span lines: the batch cases' printf of a
# whole file)
run_pre() {
	[ -s "$1/pre" ] || return 0
	nparts=$(awk 'BEGIN { RS = ";" } END { print NR }' "$1/pre")
	i=1
	while [ "$i" -le "$nparts" ]; do
		part=$(awk -v i="$i" 'BEGIN { RS = ";" } NR == i' "$1/pre" |
			sed '1s/^ *//; $s/ *$//')
		i=$((i + 1))
		case "$part" in
		'') ;;
		!*) ip netns exec "$2" sh -c "${part#!}" >/dev/null 2>&1 ;;
		*route*) ;;
		*) ip -n "$2" $part >/dev/null 2>&1 ;;
		esac
	done
}

# pre_files CASEDIR: the files under /tmp that pre's shell parts write
# ("> /tmp/NAME", the recorded cases' paths), to remove after the case
pre_files() {
	[ -s "$1/pre" ] || return 0
	grep -o '> */tmp/[^ ;]*' "$1/pre" | sed 's/^> *//'
}

# add_why TEXT: TEXT joins the case's reasons to fail ("; " between)
add_why() {
	why="${why:+$why; }$1"
}

# same WANT GOT: files equal, a missing WANT counting as empty
same() {
	if [ -f "$1" ]; then cmp -s "$1" "$2"; else [ ! -s "$2" ]; fi
}

# run_case DIR NAME KIND (KIND: cases, beyond, extra)
run_case() {
	dir=$1 name=$2 kind=$3 cname=$(basename "$1")
	t=$TMP/$(echo "$name" | tr / _)
	mkdir -p "$t"
	if ! golden_ns_add "$NS" >/dev/null 2>&1; then
		echo "FAIL $name: could not build the namespace"
		return
	fi
	run_pre "$dir" "$NS"
	resp=$dir/responses
	[ -f "$GOLDEN/responses/$cname" ] &&
		resp=$GOLDEN/responses/$cname
	: > "$t/requests"
	set -f
	if [ -f "$resp" ]; then
		ip netns exec "$NS" env IPMPLS_RECORD="$t/requests" \
			IPMPLS_RESPONSES="$resp" $IPMPLS_WRAP "$IPMPLS" $(cat "$dir/argv") \
			> "$t/stdout" 2> "$t/stderr" < /dev/null
	else
		ip netns exec "$NS" env -u IPMPLS_RESPONSES \
			IPMPLS_RECORD="$t/requests" \
			$IPMPLS_WRAP "$IPMPLS" $(cat "$dir/argv") \
			> "$t/stdout" 2> "$t/stderr" < /dev/null
	fi
	echo $? > "$t/rc"
	set +f
	golden_ns_del "$NS"
	for f in $(pre_files "$dir"); do rm -f "$f"; done

	why=
	if ! "$NLCMP" "$dir/requests" "$t/requests" > "$t/nlcmp" 2>&1; then
		[ -f "$dir/requests" ] &&
			why="requests: $(head -n 1 "$t/nlcmp")"
	fi
	if listed "$cname" "$GOLDEN/requests-only"; then
		:
	elif [ ! -f "$resp" ] && [ -s "$dir/stdout" ]; then
		if [ -z "$why" ]; then
			echo "SKIP $name: no recorded responses to print from"
			return
		fi
	else
		[ -f "$dir/rc" ] && ! cmp -s "$dir/rc" "$t/rc" &&
			add_why "rc $(cat "$t/rc"), want $(cat "$dir/rc")"
		same "$dir/stdout" "$t/stdout" || add_why "stdout differs"
		if ! same "$dir/stderr" "$t/stderr"; then
			if listed "$cname" "$GOLDEN/stderr-loose"; then
				echo "  note $name: stderr differs" \
					"(listed in stderr-loose)"
			else
				add_why "stderr differs"
			fi
		fi
	fi
	if [ -z "$why" ]; then
		echo "PASS $name"
		return
	fi
	echo "FAIL $name: $why"
	# the details, indented, for a reader of the log
	{
		sed 's/^/    /' "$t/nlcmp"
		for f in stdout stderr; do
			same "$dir/$f" "$t/$f" && continue
			echo "--- want $f"; [ -f "$dir/$f" ] && cat "$dir/$f"
			echo "--- got $f"; cat "$t/$f"
		done | sed 's/^/    /' | head -n 40
	}
}

for kind in cases beyond extra; do
	base=$DATA/$kind
	[ "$kind" = extra ] && base=$GOLDEN/extra
	[ -d "$base" ] || continue
	for dir in "$base"/*/; do
		dir=${dir%/}
		[ -f "$dir/argv" ] || continue
		n=$(basename "$dir")
		case "$n" in $PATTERN) ;; *) continue ;; esac
		name=$TAG/$kind/$n
		[ "$kind" = cases ] && name=$TAG/$n
		run_case "$dir" "$name" "$kind"
	done
done
exit 0
