#!/bin/sh
# testsuite/golden/compat/run.sh: `ipmpls -compat 6.1` against iproute2 6.1
# For each expect/CASE.VARIANT (record.sh: Debian's ip 6.1 printing the
# golden case's recorded answers with `route showdump`), the same stream
# through `ipmpls -compat 6.1 [-o|-d] route showdump` in the golden
# namespace: stdout and stderr together must be identical.  Also the option
# and variable's errors.  Prints PASS/FAIL per case; no kernel needed.
# usage: sh testsuite/golden/compat/run.sh [PATTERN]
cd "$(dirname "$0")/../../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
IPMPLS=${IPMPLS:-$BUILD/ip/ipmpls}
GOLDEN=$TOP/testsuite/golden
. "$GOLDEN/netns.sh"
. "$GOLDEN/compat/common.sh"
EXP=$GOLDEN/compat/expect
PATTERN=${1:-*}
if [ "$(id -u)" != 0 ]; then
	echo "SKIP compat: not root, cannot make network namespaces"
	exit 0
fi
NS=ipmpls-compat-$$
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"; golden_ns_del $NS' EXIT INT TERM
if ! golden_ns_add $NS >/dev/null 2>&1; then
	echo "SKIP compat: cannot make a network namespace with veth pairs here"
	exit 0
fi
for d in $(compat_cases); do
	n=$(basename "$(dirname "$d")")
	[ "$(basename "$d")" = responses ] || n=$(basename "$d")
	case "$n" in $PATTERN) ;; *) continue ;; esac
	for v in $compat_variants; do
		name=${v%%:*} opt=${v#*:}
		[ -f "$EXP/$n.$name" ] || continue
		compat_dump "$d" "$TMP/dump" $([ "$name" = del ] && echo del)
		ip netns exec $NS "$IPMPLS" -compat 6.1 $opt route showdump \
			< "$TMP/dump" > "$TMP/out" 2>&1
		if cmp -s "$TMP/out" "$EXP/$n.$name"; then
			echo "PASS compat/$n.$name"
		else
			echo "FAIL compat/$n.$name: $(diff "$EXP/$n.$name" \
				"$TMP/out" | head -n 5 | tr '\n' '|')"
		fi
	done
done

# the option and the variable: chosen, refused with the bad word named
# compat_err NAME WANT-RC WANT-STDERR ENV ARGS...: no kernel (a replay)
compat_err() {
	_n=$1 _rc=$2 _want=$3 _env=$4
	shift 4
	env $_env IPMPLS_RECORD=/dev/null "$IPMPLS" "$@" > "$TMP/o" 2> "$TMP/e"
	_got=$?
	if [ $_got = "$_rc" ] && [ "$(cat "$TMP/e")" = "$_want" ]; then
		echo "PASS compat/$_n"
	else
		echo "FAIL compat/$_n: rc $_got, stderr $(head -c 200 "$TMP/e")"
	fi
}
compat_err opt-bad 255 'Error: argument "7.0" is wrong: -compat takes 4.4 or 6.1' \
	IPMPLS_COMPAT= -compat 7.0 route show
compat_err opt-missing 255 'Command line is not complete. Try option "help"' \
	IPMPLS_COMPAT= -compat
compat_err opt-abbrev 255 'Option "-comp" is unknown, try "ip -help".' \
	IPMPLS_COMPAT= -comp 6.1 route show
compat_err env-bad 255 'Error: IPMPLS_COMPAT="6" is wrong: it takes 4.4 or 6.1' \
	IPMPLS_COMPAT=6 route show
compat_err env-bad-option-wins 0 '' IPMPLS_COMPAT=6 -compat 4.4 route show
compat_err env-empty 0 '' IPMPLS_COMPAT= route show
# the variable picks 6.1's words, the option 4.4's over it
compat_err env-61-words 1 'Error: any valid prefix is expected rather than "nosuch".' \
	IPMPLS_COMPAT=6.1 route show root nosuch
compat_err env-61-option-44 1 'Error: ??? prefix is expected rather than "nosuch".' \
	IPMPLS_COMPAT=6.1 -compat 4.4 route show root nosuch
compat_err words-61-get 1 'need at least a destination address' \
	IPMPLS_COMPAT= -compat 6.1 route get
compat_err words-61-nexthop-dev 255 'Cannot find device "nosuchdev"
Error: cannot parse nexthop' \
	IPMPLS_COMPAT= -compat 6.1 route add 10.0.0.0/24 nexthop via 1.2.3.4 dev nosuchdev
compat_err words-44-nexthop-dev 1 'Cannot find device "nosuchdev"' \
	IPMPLS_COMPAT= route add 10.0.0.0/24 nexthop via 1.2.3.4 dev nosuchdev
