#!/bin/sh
# testsuite/golden/diffshow/run.sh: show's text on random dumps, unchanged
# gen.py makes COUNT random dumps (seeded, so always the same); each is
# replayed (IPMPLS_RECORD/IPMPLS_RESPONSES) to `ipmpls OPTS route show` for
# every variant below, in the golden namespace (fixed ifindexes), and
# stdout + stderr + exit code are compared:
#   run.sh                 against sums: the md5 of each output as the
#                          reference binary wrote it; one PASS/FAIL a dump
#   OLD=BIN run.sh         live, against another binary (many dumps: e.g.
#                          SEED=2 COUNT=300 ROUTES=400); a FAIL shows the
#                          diff's start
# usage: [OLD=BIN] [SEED=1] [COUNT=20] [ROUTES=39] sh .../diffshow/run.sh
#        (ROUTES: at most so many routes a dump)
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
COUNT=${COUNT:-20}
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
	python3 "$HERE/gen.py" "$SEED" "$COUNT" "$TMP" ${ROUTES:-39} || exit 1
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

# run BIN DIR: every dump through every variant, outputs (stdout, stderr,
# exit code) in DIR/DUMP.VARIANT-NUMBER
run() {
	mkdir -p "$2"
	for d in "$TMP"/d*; do
		i=0
		while IFS='|' read -r opts args; do
			i=$((i + 1))
			IPMPLS_RECORD=/dev/null IPMPLS_RESPONSES=$d "$1" \
				$opts route show $args > "$2/${d##*/}.$i" 2>&1
			echo "rc $?" >> "$2/${d##*/}.$i"
		done <<-EOV
		$VARIANTS
		EOV
	done
}

# the variant of output file NAME, for the messages
variant() {
	printf '%s\n' "$VARIANTS" | sed -n "${1##*.}p"
}

BIN=$IPMPLS
[ "$RECORD" = 1 ] && BIN=$OLD
run "$BIN" "$TMP/new"
(cd "$TMP/new" && md5sum -- *) > "$TMP/sums"
if [ "$RECORD" = 1 ]; then
	cp "$TMP/sums" "$SUMS"
	echo "diffshow: $(wc -l < "$SUMS") sums from $OLD"
	exit 0
fi
if [ -n "$OLD" ]; then
	run "$OLD" "$TMP/old"
	(cd "$TMP/old" && md5sum -- *) > "$TMP/want"
else
	cp "$SUMS" "$TMP/want"
fi
for d in "$TMP"/d*; do
	n=${d##*/}
	grep " $n\\." "$TMP/want" | sort > "$TMP/w"
	grep " $n\\." "$TMP/sums" | sort > "$TMP/g"
	if [ -s "$TMP/w" ] && cmp -s "$TMP/w" "$TMP/g"; then
		echo "PASS diffshow/$SEED/$n"
		continue
	fi
	bad=$(diff "$TMP/w" "$TMP/g" | sed -n 's/^> [0-9a-f]*  //p' | head -n 1)
	why="no recorded sums for $n"
	[ -n "$bad" ] && why="$bad differs ($(variant "$bad"))"
	[ -n "$OLD" ] && [ -n "$bad" ] &&
		why="$why: $(diff "$TMP/old/$bad" "$TMP/new/$bad" | head -n 4 |
			tr '\n' '|')"
	echo "FAIL diffshow/$SEED/$n: $why"
done
