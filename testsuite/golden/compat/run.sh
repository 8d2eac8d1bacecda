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
