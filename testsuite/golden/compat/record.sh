#!/bin/sh
# testsuite/golden/compat/record.sh: records expect/ from Debian's iproute2 6.1
# Each golden case's recorded kernel answers (RTM_NEWROUTE messages, the
# responses file) become a `route save` stream that the system's `ip` (6.1,
# /usr/sbin/ip) prints with `ip [-o|-d] route showdump` in the golden
# namespace (testsuite/golden/netns.sh: the devices and ifindexes of the
# recordings); "del" shows the same messages as RTM_DELROUTE ("Deleted ").
# The output, when not empty, is expect/CASE.VARIANT.  run.sh replays the
# same streams through `ipmpls -compat 6.1`.  As root on the host; no MPLS
# kernel needed (showdump only prints).
# usage: sh testsuite/golden/compat/record.sh
cd "$(dirname "$0")/../../.." || exit 1
TOP=$(pwd)
GOLDEN=$TOP/testsuite/golden
. "$GOLDEN/netns.sh"
. "$GOLDEN/compat/common.sh"
IP=${IP:-/usr/sbin/ip}
case "$($IP -V)" in
*6.1*) ;;
*) echo "record.sh: $IP is not iproute2 6.1: $($IP -V)" >&2; exit 1 ;;
esac
EXP=$GOLDEN/compat/expect
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"; golden_ns_del compat-rec' EXIT
rm -rf "$EXP"
mkdir -p "$EXP"
golden_ns_add compat-rec || exit 1
for d in $(compat_cases); do
	n=$(basename "$(dirname "$d")")
	[ "$(basename "$d")" = responses ] || n=$(basename "$d")
	for v in $compat_variants; do
		name=${v%%:*} opt=${v#*:}
		compat_dump "$d" "$TMP/dump" $([ "$name" = del ] && echo del)
		ip netns exec compat-rec $IP $opt route showdump \
			< "$TMP/dump" > "$TMP/out" 2>&1
		[ -s "$TMP/out" ] && cp "$TMP/out" "$EXP/$n.$name"
	done
done
echo "$($IP -V) $(date -u +%Y-%m-%d)" > "$EXP/RECORDED-WITH"
ls "$EXP" | wc -l
