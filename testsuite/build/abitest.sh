#!/bin/sh
# testsuite/build/abitest.sh: the ABI check of the built library, and a test of the checker
# Run from the top of a configured and built tree (testsuite/build/run.sh
# runs it; BUILD=DIR for make O=DIR).  First the library against the
# committed lib/libmplsroute.abi (what make abi-check does), then abicheck
# itself: copies of the library linked from the same objects with a changed
# version script (a function left out, the node renamed, a function moved to
# a new node, a new function, no versions, another soname) and struct sizes
# from changed copies of the header must each fail, naming the change, and
# an unchanged copy must pass.
# Prints "PASS build/NAME" or "FAIL build/NAME: why".

TOP=${TOP:-$(pwd)}
BUILD=${BUILD:-.}
cd "$TOP" || exit 1
TMP=$(mktemp -d /tmp/mplsroute-abi.XXXXXX) || exit 1
[ -n "$ABITEST_KEEP" ] || trap 'rm -rf "$TMP"' EXIT INT TERM

pass() { echo "PASS build/$1"; }
fail() { echo "FAIL build/$1: $2"; }

ABICHECK=$BUILD/testsuite/tools/abicheck
ABISIZES=$BUILD/testsuite/tools/abisizes
BASE=lib/libmplsroute.abi
SO=
[ -e "$BUILD/lib/libmplsroute.so.0" ] &&
	SO=$BUILD/lib/$(readlink "$BUILD/lib/libmplsroute.so.0")
for f in "$SO" "$ABICHECK" "$ABISIZES"; do
	if [ -z "$f" ] || [ ! -f "$f" ]; then
		fail abi "not built: ${f:-lib/libmplsroute.so.0} (make all tests)"
		exit 0
	fi
done
CC=cc
MNL_LIBS=-lmnl
[ -f config.mk ] &&
	eval "$(sed -n 's/^\(CC\|MNL_LIBS\) := \(.*\)/\1="\2"/p' config.mk)"

# the library against the committed baseline, which is as abicheck -p writes it
"$ABISIZES" > "$TMP/sizes" || { fail abi "abisizes fails"; exit 0; }
if "$ABICHECK" "$SO" "$TMP/sizes" "$BASE" > "$TMP/out" 2> "$TMP/err"; then
	pass "abi ($(sed 's/.*(\(.*\))$/\1/' "$TMP/out"))"
else
	fail abi "$(tr '\n' ' ' < "$TMP/err")"
fi
"$ABICHECK" -p "$SO" "$TMP/sizes" > "$TMP/written"
if cmp -s "$TMP/written" "$BASE"; then pass abi-baseline-written
else fail abi-baseline-written "$BASE is not as make abi-update writes it"; fi

# the checker's own baseline: the real library now, whatever $BASE says
B=$TMP/base.abi
"$ABICHECK" -p "$SO" "$TMP/sizes" > "$B"
# a function of the library, its node, how many the node holds, a struct
SYM=$(awk '/^mplsroute_[a-z0-9_]* [^ ]*$/ { print $1; exit }' "$B")
NODE=$(awk -v s="$SYM" '$1 == s { print $2 }' "$B")
NSYM=$(awk -v n="$NODE" 'NF == 2 && $2 == n && $1 != "soname"' "$B" | wc -l)
STRUCT=$(awk '$1 == "struct" { print $2; exit }' "$B")
SSIZE=$(awk -v s="$STRUCT" '$1 == "struct" && $2 == s { print $3 }' "$B")
if [ -z "$SYM" ] || [ -z "$NODE" ] || [ -z "$STRUCT" ]; then
	fail abicheck "no function, node or struct in: $(head -n 8 "$B" | tr '\n' ' ')"
	exit 0
fi
SONAME=$(awk '$1 == "soname" { print $2 }' "$B")
OBJS=$(ls "$BUILD"/lib/*.o)

# mklib NAME MAP [LINKER ARGS...]: a copy of the library, $TMP/NAME.so
mklib() {
	n=$1 map=$2
	shift 2
	# shellcheck disable=SC2086
	$CC -shared -Wl,-soname,"$SONAME" ${map:+-Wl,--version-script="$map"} \
		-o "$TMP/$n.so" $OBJS "$@" $MNL_LIBS 2> "$TMP/$n.link"
}

# expect NAME RC [LINE...]: abicheck of $TMP/NAME.so (sizes: $TMP/NAME.sizes
# if there is one) exits RC and prints each LINE on stderr
expect() {
	n=$1 want=$2
	shift 2
	sizes=$TMP/sizes
	[ -f "$TMP/$n.sizes" ] && sizes=$TMP/$n.sizes
	lib=$TMP/$n.so
	[ -f "$lib" ] || lib=$SO
	"$ABICHECK" "$lib" "$sizes" "$B" > /dev/null 2> "$TMP/$n.err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		fail "abicheck-$n" "exit $rc, not $want: $(head -n 3 "$TMP/$n.err" | tr '\n' '|')"
		return
	fi
	for line in "$@"; do
		if ! grep -qxF -- "$line" "$TMP/$n.err"; then
			fail "abicheck-$n" "no \"$line\" in: $(head -n 3 "$TMP/$n.err" | tr '\n' '|')"
			return
		fi
	done
	pass "abicheck-$n"
}

MAP=lib/libmplsroute.map
# diffs N: the summary line for N differences between the copy and $B
diffs() {
	[ "$2" = 1 ] && s=place || s=places
	echo "abicheck: $TMP/$1.so differs from $B in $2 $s; if that is deliberate, run make abi-update and commit $B"
}

mklib same "$MAP" && expect same 0

sed "/^[ \t]*$SYM;/d" "$MAP" > "$TMP/removed.map"
mklib removed "$TMP/removed.map" &&
	expect removed 1 "abicheck: $SYM removed (was in $NODE)" "$(diffs removed 1)"

# the lead's rename at release: every function of the node changes node
sed "s/\<$NODE\>/MPLSROUTE_ABITEST/" "$MAP" > "$TMP/renamed.map"
mklib renamed "$TMP/renamed.map" &&
	expect renamed 1 "$(diffs renamed "$NSYM")" \
		"abicheck: $SYM: version node changed from $NODE to MPLSROUTE_ABITEST"

{ cat "$TMP/removed.map"
  printf 'MPLSROUTE_ABITEST {\n\tglobal:\n\t\t%s;\n} %s;\n' "$SYM" "$NODE"
} > "$TMP/moved.map"
mklib moved "$TMP/moved.map" &&
	expect moved 1 "$(diffs moved 1)" \
		"abicheck: $SYM: version node changed from $NODE to MPLSROUTE_ABITEST"

# a new function, in the map (as the build requires) but not in $B
cat > "$TMP/new.c" <<'EOF'
__attribute__((visibility("default"))) int mplsroute_abitest_new(void);
int mplsroute_abitest_new(void) { return 1; }
EOF
sed "s/^\([ \t]*\)$SYM;/&\n\1mplsroute_abitest_new;/" "$MAP" > "$TMP/new.map"
$CC -fPIC -fvisibility=hidden -c -o "$TMP/new.o" "$TMP/new.c" &&
mklib new "$TMP/new.map" "$TMP/new.o" &&
	expect new 1 "$(diffs new 1)" \
		"abicheck: mplsroute_abitest_new new (in $NODE): add it to $B with make abi-update"

# no version script: the same exports, none in a node
mklib unversioned "" &&
	expect unversioned 1 \
		"abicheck: $SYM: version node changed from $NODE to none"

was=$SONAME
SONAME=libmplsroute.so.99
mklib soname "$MAP" &&
	expect soname 1 "$(diffs soname 1)" \
		"abicheck: soname changed from $was to libmplsroute.so.99"
SONAME=$was

# sizes from a copy of the header: abistructs.sh lists, abisizes prints
# headersizes NAME: $TMP/NAME.h -> $TMP/NAME.sizes
headersizes() {
	mkdir -p "$TMP/$1"
	cp "$TMP/$1.h" "$TMP/$1/mplsroute.h"
	sh testsuite/tools/abistructs.sh "$TMP/$1/mplsroute.h" "$CC" \
		> "$TMP/$1/abistructs.h" 2> "$TMP/$1.err" &&
	$CC -I"$TMP/$1" -o "$TMP/$1/abisizes" testsuite/tools/abisizes.c \
		2> "$TMP/$1.err" &&
	"$TMP/$1/abisizes" > "$TMP/$1.sizes" && return 0
	fail "abicheck-$1" "abisizes on a changed header: $(head -n 3 "$TMP/$1.err")"
	return 1
}

sed "/^struct $STRUCT {/a\\
	char abitest_pad[64];" include/mplsroute.h > "$TMP/grown.h"
if headersizes grown; then
	new=$(awk -v s="$STRUCT" '$1 == "struct" && $2 == s { print $3 }' "$TMP/grown.sizes")
	expect grown 1 "abicheck: struct $STRUCT: size changed from $SSIZE to $new bytes"
fi

sed '/^#endif \/\* MPLSROUTE_H/i\
struct mplsroute_abitest { int a; char b; };' include/mplsroute.h > "$TMP/more.h"
headersizes more &&
	expect more 1 "abicheck: struct mplsroute_abitest new (8 bytes): add it to $B with make abi-update"

grep -v "^struct $STRUCT " "$TMP/sizes" > "$TMP/fewer.sizes"
expect fewer 1 \
	"abicheck: struct $STRUCT removed from the public header (was $SSIZE bytes)"

# abistructs.sh finds the structs however they are written, and refuses a
# top-level struct without a tag
cat > "$TMP/scan.h" <<'EOF'
/* struct in_a_comment { int x; }; */
struct
mplsroute_scan_a
{
	struct mplsroute_scan_inner { int q; } in;
	union { int u; long v; };
};
typedef struct mplsroute_scan_b { int y; } mplsroute_scan_b_t;
#define SCAN_DEFINE(n) union n { char c[3]; }
SCAN_DEFINE(mplsroute_scan_c);
#if 0
struct mplsroute_scan_not { int z; };
#endif
struct mplsroute_scan_a *mplsroute_scan_decl(struct mplsroute_scan_b *b);
EOF
got=$(sh testsuite/tools/abistructs.sh "$TMP/scan.h" "$CC" 2>&1 | tr '\n' ' ')
want=$(printf 'ABI_TYPE(%s) ' "struct, mplsroute_scan_a" "struct, mplsroute_scan_b" \
	"struct, mplsroute_scan_inner" "union, mplsroute_scan_c")
if [ "$got" = "$want" ]; then pass abistructs-scan
else fail abistructs-scan "listed [$got]"; fi
printf '%s\n' 'struct mplsroute_ok { int a; };' \
	'typedef struct { int a; } mplsroute_anon_t;' > "$TMP/anon.h"
if out=$(sh testsuite/tools/abistructs.sh "$TMP/anon.h" "$CC" 2>&1); then
	fail abistructs-untagged "accepted: $out"
elif echo "$out" | grep -q 'a struct without a tag at the top level'; then
	pass abistructs-untagged
else fail abistructs-untagged "$out"; fi

# what abicheck cannot read: exit 2 and why
"$ABICHECK" "$B" "$TMP/sizes" "$B" 2> "$TMP/err"; rc=$?
if [ $rc = 2 ] && grep -q "^abicheck: $B: not an ELF file" "$TMP/err"; then
	pass abicheck-not-elf
else fail abicheck-not-elf "exit $rc: $(cat "$TMP/err")"; fi
"$ABICHECK" "$SO" "$TMP/sizes" "$TMP/none.abi" 2> "$TMP/err"; rc=$?
if [ $rc = 2 ] && grep -q "^abicheck: $TMP/none.abi: No such file" "$TMP/err"; then
	pass abicheck-no-baseline
else fail abicheck-no-baseline "exit $rc: $(cat "$TMP/err")"; fi
{ cat "$B"; echo "mplsroute_x MPLSROUTE_0.1 extra words"; } > "$TMP/bad.abi"
"$ABICHECK" "$SO" "$TMP/sizes" "$TMP/bad.abi" 2> "$TMP/err"; rc=$?
line=$(wc -l < "$TMP/bad.abi")
if [ $rc = 2 ] && grep -q "^abicheck: $TMP/bad.abi:$line: malformed line" "$TMP/err"; then
	pass abicheck-malformed
else fail abicheck-malformed "exit $rc: $(cat "$TMP/err")"; fi
exit 0
