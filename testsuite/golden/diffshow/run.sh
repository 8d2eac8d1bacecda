#!/bin/sh
# testsuite/golden/diffshow/run.sh: show's text on random dumps, unchanged
# gen.py makes COUNT random dumps (seeded, so always the same); each is
# replayed (IPMPLS_RECORD/IPMPLS_RESPONSES) to `ipmpls OPTS route show` for
# every variant below, in the golden namespace (fixed ifindexes), and
# stdout + stderr + exit code are compared:
#   run.sh                 with sums: the md5 of each output as main's
#                          binary wrote it (record.sh); one PASS/FAIL a dump
#   OLD=BIN run.sh         live, against another binary; on a difference
#                          the first lines of the diff
# usage: [OLD=BIN] [SEED=1] [COUNT=30] sh testsuite/golden/diffshow/run.sh
#        RECORD=1 OLD=BIN sh ... : (re)writes sums from BIN's outputs
# The sums hold SEED 1's first COUNT dumps as gen.py makes them: a change to
# gen.py (or to the text, deliberately) means recording them again from
# the binary whose text is the reference, never from the one under test.
cd "$(dirname "$0")/../../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
case "$BUILD" in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
IPMPLS=${IPMPLS:-$BUILD/ip/ipmpls}
GOLDEN=$TOP/testsuite/golden
HERE=$GOLDEN/diffshow
SEED=${SEED:-1}
COUNT=${COUNT:-30}
SUMS=$HERE/sums
. "$GOLDEN/netns.sh"
if [ "$(id -u)" != 0 ]; then
	echo "SKIP diffshow: not root, cannot make network namespaces"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP diffshow: no python3"
	exit 0
fi
if [ -z "$DIFFSHOW_TMP" ]; then	# outside: the namespace, then inside
	NS=ipmpls-diffshow-$$
	TMP=$(mktemp -d) || exit 1
	trap 'rm -rf "$TMP"; golden_ns_del $NS' EXIT INT TERM
	if ! golden_ns_add $NS >/dev/null 2>&1; then
		echo "SKIP diffshow: cannot make a network namespace with veth pairs here"
		exit 0
	fi
	python3 "$HERE/gen.py" "$SEED" "$COUNT" "$TMP" || exit 1
	DIFFSHOW_TMP=$TMP ip netns exec $NS sh "$HERE/run.sh"
	exit $?
fi
TMP=$DIFFSHOW_TMP
# the variants: options | route show's arguments
VARIANTS='-f mpls|
-f mpls -o|
-f mpls -d|
-f mpls -s -d|
-f mpls -j|
-f mpls -j -p -d|
-f mpls -compat 6.1 -d|
-f mpls -compat 6.1 -o -s|
-f mpls|table all
-f mpls|dev eth1
-f mpls -d|proto static
-4|
-4 -o -d -s|
-4 -j -p|
-4|table all
-4 -compat 6.1 -d|table all
-4|cached
-4|type unicast scope global
-6|
-6 -d -s|
-6 -j|
-6 -compat 6.1|table all
-6|dev eth2
-6|via 2001:db8::1/64'

# one: BIN DUMP OPTS ARGS -> its output (stdout, stderr, rc) on stdout
one() {
	IPMPLS_RECORD=/dev/null IPMPLS_RESPONSES=$2 "$1" $3 route show $4 2>&1
	echo "rc $?"
}

[ "$RECORD" = 1 ] && : > "$TMP/sums"
for d in "$TMP"/d*; do
	n=$(basename "$d")
	bad=
	printf '%s\n' "$VARIANTS" > "$TMP/variants"
	while IFS='|' read -r opts args; do
		k="$n $opts|$args"
		if [ "$RECORD" = 1 ]; then
			echo "$(one "$OLD" "$d" "$opts" "$args" | md5sum |
				cut -c1-32) $k" >> "$TMP/sums"
			continue
		fi
		one "$IPMPLS" "$d" "$opts" "$args" > "$TMP/new"
		if [ -n "$OLD" ]; then
			one "$OLD" "$d" "$opts" "$args" > "$TMP/old"
			cmp -s "$TMP/old" "$TMP/new" && continue
			bad="$k: $(diff "$TMP/old" "$TMP/new" | head -n 4 |
				tr '\n' '|')"
			break
		fi
		want=$(awk -v k="$k" 'substr($0, 34) == k { print $1; exit }' \
			"$SUMS")
		got=$(md5sum < "$TMP/new" | cut -c1-32)
		[ "$want" = "$got" ] && continue
		bad="$k: md5 $got, recorded ${want:-none}"
		break
	done < "$TMP/variants"
	[ "$RECORD" = 1 ] && continue
	if [ -z "$bad" ]; then
		echo "PASS diffshow/$SEED/$n"
	else
		echo "FAIL diffshow/$SEED/$n: $bad"
	fi
done
if [ "$RECORD" = 1 ]; then
	cp "$TMP/sums" "$SUMS"
	echo "diffshow: $(wc -l < "$SUMS") sums from $OLD"
fi
