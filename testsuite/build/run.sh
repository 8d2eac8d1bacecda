#!/bin/sh
# testsuite/build/run.sh: release checks: exported symbols, header docs, make
# install with pkg-config, -Werror builds with gcc and clang, the header
# alone (C and C++), configure without libmnl or libelf, make's dependencies
# and clean, the ABI against lib/libmplsroute.abi and the checker itself
# (abitest.sh).
# Run from the top of a configured and built tree (testsuite/run.sh build).
# Prints "PASS name", "FAIL name: why" or "SKIP name: why" per check.

TOP=${TOP:-$(pwd)}
cd "$TOP" || exit 1
TMP=$(mktemp -d /tmp/mplsroute-build.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
# the library the soname link points at (the Makefile's current VERSION)
SO=
[ -e lib/libmplsroute.so.0 ] && SO=lib/$(readlink lib/libmplsroute.so.0)

pass() { echo "PASS build/$1"; }
fail() { echo "FAIL build/$1: $2"; }
skip() { echo "SKIP build/$1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }

# the functions include/mplsroute.h declares, as the compiler reads them
header_functions() {
	gcc -aux-info "$TMP/aux" -fsyntax-only -x c include/mplsroute.h || return 1
	sed -n 's|^/\* include/mplsroute\.h:[0-9]*:[^*]*\*/ *||p' "$TMP/aux" |
		sed 's/ *(.*//; s/.*[ *]//' | sort -u
}

test_exports() {
	if [ -z "$SO" ] || ! have nm || ! have gcc; then
		skip exports "no built $SO, nm or gcc"; return
	fi
	header_functions > "$TMP/declared" || {
		fail exports "include/mplsroute.h does not compile"; return; }
	nm -D --defined-only "$SO" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' |
		sort -u > "$TMP/exported"
	extra=$(comm -13 "$TMP/declared" "$TMP/exported" | tr '\n' ' ')
	missing=$(comm -23 "$TMP/declared" "$TMP/exported" | tr '\n' ' ')
	n=$(wc -l < "$TMP/declared")
	if [ -n "$extra" ] || [ -n "$missing" ] || [ "$n" -lt 10 ]; then
		fail exports "exported but not declared: [$extra] declared but not exported: [$missing] ($n declared)"
	else
		pass "exports ($n functions, nothing else)"
	fi
	# the map names each exported function, no more (ld accepts names that
	# are not defined)
	sed -n 's/^[ \t]*\(mplsroute_[a-z0-9_]*\);.*/\1/p' lib/libmplsroute.map |
		sort -u > "$TMP/mapped"
	extra=$(comm -13 "$TMP/declared" "$TMP/mapped" | tr '\n' ' ')
	missing=$(comm -23 "$TMP/declared" "$TMP/mapped" | tr '\n' ' ')
	if grep -q '^[ \t]*mplsroute_[a-z0-9_]*\*' lib/libmplsroute.map; then
		fail map-file "lib/libmplsroute.map has a wildcard, list the names"
	elif [ -n "$extra$missing" ]; then
		fail map-file "lib/libmplsroute.map lists, not declared: [$extra] declared, not listed: [$missing]"
	else pass map-file; fi
	# every symbol sits in a version node the map file names
	bad=$(nm -D --defined-only "$SO" | awk '$2 != "A" && $3 !~ /@@MPLSROUTE_/ { print $3 }')
	if [ -n "$bad" ]; then fail exports-versioned "unversioned: $bad"
	else pass exports-versioned; fi
	# every symbol the library uses resolves (libmnl is a NEEDED entry)
	if ! have ldd; then skip so-resolves "no ldd"
	elif out=$(ldd -r "$SO" 2>&1) && ! echo "$out" | grep -q 'undefined symbol' &&
	     echo "$out" | grep -q 'libmnl\.so'; then pass so-resolves
	else fail so-resolves "$(echo "$out" | grep -m 3 -E 'undefined|not found')"; fi
	soname=$(readelf -d "$SO" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
	if [ "$soname" = libmplsroute.so.0 ]; then pass soname
	else fail soname "SONAME is \"$soname\", not libmplsroute.so.0"; fi
}

# the static library defines no global names outside mplsroute_* and mr_*
test_static_namespace() {
	if [ ! -f lib/libmplsroute.a ] || ! have nm; then
		skip static-namespace "no lib/libmplsroute.a or nm"; return
	fi
	bad=$(nm -g --defined-only lib/libmplsroute.a 2>/dev/null |
		awk 'NF == 3 && $3 !~ /^(mplsroute_|mr_)/ { print $3 }' | sort -u | tr '\n' ' ')
	if [ -n "$bad" ]; then fail static-namespace "global names: $bad"
	else pass static-namespace; fi
}

# each declared function follows a comment (its own or its group's) that
# says what it returns
test_header_docs() {
	have gcc || { skip header-docs "no gcc"; return; }
	awk '
		/^\/\*/ { incomment = 1; doc = "" }
		incomment { doc = doc " " $0; if ($0 ~ /\*\//) { incomment = 0; valid = 1 }; next }
		/^[ \t]*$/ { next }
		indecl { if ($0 ~ /;/) indecl = 0; next }
		/^[a-z].*[ *]mplsroute_[a-z0-9_]*\(/ && !/^typedef/ {
			name = $0; sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
			print ((valid && doc ~ /[Rr]eturn/) ? "ok " : "bad ") name
			if ($0 !~ /;/) indecl = 1
			next
		}
		{ valid = 0 }' include/mplsroute.h > "$TMP/docs"
	header_functions > "$TMP/declared" || {
		fail header-docs "include/mplsroute.h does not compile"; return; }
	bad=$(sed -n 's/^bad //p' "$TMP/docs" | tr '\n' ' ')
	unseen=$(sed -n 's/^ok //p' "$TMP/docs" | sort -u | comm -13 - "$TMP/declared" |
		tr '\n' ' ')
	if [ -n "$unseen" ]; then
		fail header-docs "no comment saying what it returns: $unseen"
	elif [ -n "$bad" ]; then
		fail header-docs "no comment saying what it returns: $bad"
	else pass "header-docs ($(wc -l < "$TMP/docs") functions)"; fi
}

# the header compiles alone, twice included, as C11 and C++ (pedantic)
test_header_alone() {
	printf '#include "mplsroute.h"\n#include "mplsroute.h"\nint main(void) { return MPLSROUTE_MAX_LABELS != 30; }\n' > "$TMP/h.c"
	for cc in gcc clang; do
		have $cc || { skip header-$cc "no $cc"; continue; }
		if out=$($cc -std=c11 -pedantic -Wall -Wextra -Werror -Iinclude -o "$TMP/h" "$TMP/h.c" 2>&1) &&
		   "$TMP/h"; then pass header-$cc
		else fail header-$cc "$(echo "$out" | head -n 3)"; fi
	done
	if ! have g++; then skip header-c++ "no g++"; return; fi
	cp "$TMP/h.c" "$TMP/h.cc"
	if out=$(g++ -std=c++11 -pedantic -Wall -Wextra -Werror -Iinclude -o "$TMP/hxx" "$TMP/h.cc" 2>&1) &&
	   "$TMP/hxx"; then pass header-c++
	else fail header-c++ "$(echo "$out" | head -n 3)"; fi
}

# STYLE.md: every file opens with a one-line comment, functions fit on a
# screen, lib/ never prints or exits; lines over 80 columns are counted and
# listed by testsuite/build/style.sh, not failed (some owners still work)
test_style() {
	sh testsuite/build/style.sh > "$TMP/style"
	hard=$(grep -E '^[^ ]*: (header|length|print):' "$TMP/style" | head -n 5 | tr '\n' ' ')
	wide=$(grep -c ': columns:' "$TMP/style")
	if [ -n "$hard" ]; then fail style "$hard"
	else pass "style ($wide lines over 80 columns: sh testsuite/build/style.sh)"; fi
}

# a user of the installed library: labels through text and wire, then an
# RTA_NEWDST attribute (which needs libmnl when linked statically)
write_user_program() {
	cat > "$TMP/user.c" <<'EOF'
#include <mplsroute.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	struct mplsroute_labels ls, back;
	unsigned char wire[16];
	char text[64];
	unsigned long buf[16];
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

	if (mplsroute_labels_parse(&ls, "100/0x20/1048575") < 0 || ls.n != 3)
		return 1;
	if (mplsroute_labels_format(&ls, text, sizeof(text)) < 0 ||
	    strcmp(text, "100/32/1048575"))
		return 2;
	if (mplsroute_labels_to_wire(&ls, wire, sizeof(wire)) != 12 ||
	    mplsroute_labels_from_wire(&back, wire, 12) < 0 || back.n != 3 ||
	    back.label[2] != 1048575)
		return 3;
	if (mplsroute_labels_parse(&ls, "1048576") != -34)	/* -ERANGE */
		return 4;
	memset(buf, 0, sizeof(buf));
	nlh->nlmsg_len = NLMSG_HDRLEN;
	if (mplsroute_attr_put_newdst(nlh, sizeof(buf), &back) < 0 ||
	    nlh->nlmsg_len != NLMSG_HDRLEN + 4 + 12)
		return 5;
	printf("%s\n", text);
	return 0;
}
EOF
}

test_install() {
	if ! have pkg-config; then skip install "no pkg-config"; return; fi
	D=$TMP/dest
	if ! make -s install DESTDIR="$D" PREFIX=/usr > "$TMP/install.log" 2>&1; then
		fail install "make install: $(tail -n 3 "$TMP/install.log")"; return
	fi
	L=$D/usr/lib
	ver=$(cat VERSION)
	miss=
	for f in usr/sbin/ipmpls usr/lib/libmplsroute.a usr/lib/libmplsroute.so.$ver \
		 usr/include/mplsroute.h usr/lib/pkgconfig/libmplsroute.pc; do
		[ -f "$D/$f" ] || miss="$miss $f"
	done
	[ "$(readlink "$L/libmplsroute.so.0")" = "libmplsroute.so.$ver" ] || miss="$miss so.0-link"
	[ "$(readlink "$L/libmplsroute.so")" = libmplsroute.so.0 ] || miss="$miss so-link"
	[ -x "$D/usr/sbin/ipmpls" ] || miss="$miss ipmpls-mode"
	if [ -n "$miss" ]; then fail install "missing or wrong under DESTDIR:$miss"; return; fi
	pass install
	if grep -q '^libdir=${prefix}/lib$' "$L/pkgconfig/libmplsroute.pc"; then pass pc-file
	else fail pc-file "libdir line: $(grep '^libdir' "$L/pkgconfig/libmplsroute.pc")"; fi

	write_user_program
	PKG_CONFIG_PATH=$L/pkgconfig PKG_CONFIG_SYSROOT_DIR=$D
	export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
	cflags=$(pkg-config --cflags libmplsroute) &&
	libs=$(pkg-config --libs libmplsroute) &&
	slibs=$(pkg-config --static --libs-only-l libmplsroute) || {
		fail pkg-config "pkg-config libmplsroute fails"
		unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR; return; }
	ver=$(pkg-config --modversion libmplsroute)
	unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
	# the installed ipmpls runs and tells the version the .pc file has
	out=$("$D/usr/sbin/ipmpls" -V 2>&1)
	if [ "$out" = "ipmpls utility, libmplsroute $ver" ]; then pass installed-ipmpls
	else fail installed-ipmpls "ipmpls -V says \"$out\", the .pc $ver"; fi
	# shared: the program needs libmplsroute.so.0 and runs with it
	if out=$(cc -Wall -Werror -o "$TMP/user-shared" "$TMP/user.c" $cflags $libs 2>&1) &&
	   readelf -d "$TMP/user-shared" | grep -q 'NEEDED.*\[libmplsroute\.so\.0\]' &&
	   run=$(LD_LIBRARY_PATH=$L "$TMP/user-shared") && [ "$run" = 100/32/1048575 ] &&
	   LD_LIBRARY_PATH=$L ldd "$TMP/user-shared" | grep -q "$L/libmplsroute.so.0"; then
		pass pkg-config-shared
	else
		fail pkg-config-shared "cflags [$cflags] libs [$libs]: $(echo "$out$run" | head -n 3)"
	fi
	# examples/swap.c against the installed library: its request is the one
	# iproute2 4.4 sent for the seed's "100 as 110" (seed-r2-swap1)
	rec=$TOP/testsuite/data/iproute2-4.4/cases/seed-r2-swap1/requests
	if out=$(cc -Wall -Werror -o "$TMP/swap" "$TOP/examples/swap.c" $cflags $libs 2>&1) &&
	   LD_LIBRARY_PATH=$L "$TMP/swap" 100 110 192.168.40.102 "$TMP/swap.req" &&
	   cmp -s "$TMP/swap.req" "$rec"; then
		pass example-swap
	else
		fail example-swap "$(echo "$out" | head -n 3) $(cat "$TMP/swap.req" 2>/dev/null)"
	fi
	example_seed
	# static: libmplsroute.a from the same -L, libmnl from Requires.private
	ldirs=$(echo "$libs" | tr ' ' '\n' | grep '^-L' | tr '\n' ' ')
	others=$(echo "$slibs" | sed 's/-lmplsroute//')
	if out=$(cc -Wall -Werror -o "$TMP/user-static" "$TMP/user.c" $cflags $ldirs \
			-l:libmplsroute.a $others 2>&1) &&
	   ! readelf -d "$TMP/user-static" | grep -q 'NEEDED.*libmplsroute' &&
	   run=$("$TMP/user-static") && [ "$run" = 100/32/1048575 ]; then
		pass pkg-config-static
	else
		fail pkg-config-static "static libs [$slibs]: $(echo "$out$run" | head -n 3)"
	fi
}

# examples/seed.c against the installed library (test_install's $cflags,
# $libs, $L): r1, r2 and r3's requests are those iproute2 4.4 sent for the
# seed's six commands (cases/seed-*), padding aside (tools/nlcmp, else
# cmp); run in the golden namespace, whose veth0-host is ifindex 13
example_seed() {
	if ! out=$(cc -Wall -Werror -o "$TMP/seed" "$TOP/examples/seed.c" \
			$cflags $libs 2>&1); then
		fail example-seed "$(echo "$out" | head -n 3)"; return
	fi
	if [ "$(id -u)" != 0 ] || ! have ip; then
		skip example-seed-requests "not root or no ip: no namespace"
		return
	fi
	GOLDEN=$TOP/testsuite/golden
	. "$GOLDEN/netns.sh"
	ns=mplsroute-build-seed-$$
	if ! golden_ns_add "$ns" >/dev/null 2>&1; then
		skip example-seed-requests "cannot make a namespace with veths"
		return
	fi
	cmp=cmp
	[ -x "$TOP/testsuite/tools/nlcmp" ] && cmp=$TOP/testsuite/tools/nlcmp
	d=$TOP/testsuite/data/iproute2-4.4/cases
	bad=
	for r in r1 r2 r3; do
		cat "$d"/seed-$r-*/requests > "$TMP/seed-$r.want"
		ip netns exec "$ns" env LD_LIBRARY_PATH="$L" \
			"$TMP/seed" $r "$TMP/seed-$r.req" > "$TMP/seed.out" 2>&1 &&
		"$cmp" "$TMP/seed-$r.want" "$TMP/seed-$r.req" >> "$TMP/seed.out" 2>&1 ||
			bad="$bad $r: $(head -n 2 "$TMP/seed.out")"
	done
	golden_ns_del "$ns"
	if [ -z "$bad" ]; then pass example-seed-requests
	else fail example-seed-requests "$bad"; fi
}

# a full build (library, ipmpls, tests) with -Werror: $1 the compiler, $2
# the tree (its own build) or "" (an O= dir of this tree)
test_werror() {
	cc=$1
	have "$cc" || { skip werror-$cc "no $cc"; return 1; }
	if [ -n "$2" ]; then
		set -- -C "$2"
	else
		set -- O="$TMP/o-$cc"
	fi
	if make -s -j2 "$@" CC="$cc" EXTRA_CFLAGS=-Werror all tests \
		> "$TMP/$cc.log" 2>&1; then
		if grep -qi 'warning' "$TMP/$cc.log"; then
			fail werror-$cc "$(grep -i -m 2 warning "$TMP/$cc.log")"
		else pass werror-$cc; return 0; fi
	else
		fail werror-$cc "$(grep -m 3 -E 'error|Error' "$TMP/$cc.log")"
	fi
	return 1
}

# the files of the tree below $1 (not .git), sorted
tree_files() {
	(cd "$1" && find . -path ./.git -prune -o -type f -print | sort)
}

# make in a clean copy of the sources: make -j2 from clean (with gcc
# -Werror), nothing to do after it, the dependencies (a header rebuilds
# every object; ip/utils.c rebuilds ipmpls, no unit test), then
# make clean and make distclean leave exactly the sources
test_make_tree() {
	if ! have git || ! git rev-parse --git-dir >/dev/null 2>&1; then
		skip make-tree "not a git checkout"; return
	fi
	S=$TMP/src
	mkdir -p "$S"
	git ls-files -co --exclude-standard | tar -cf - -T - | tar -xf - -C "$S"
	tree_files "$S" > "$TMP/sources"
	out=$(make -C "$S" 2>&1) && rc=0 || rc=$?
	if [ $rc -ne 0 ] && echo "$out" | grep -q 'Run ./configure first'; then
		pass make-unconfigured
	else fail make-unconfigured "make before configure: rc $rc: $out"; fi
	(cd "$S" && ./configure > /dev/null 2>&1) || {
		fail make-tree "configure fails in a copy"; return; }
	test_werror gcc "$S" || return
	if make -q -C "$S" all tests; then pass make-up-to-date
	else fail make-up-to-date "make still has work after a full build"; fi
	touch "$S/ip/utils.c"
	n=$(make -n -C "$S" all tests | grep -c -- '-c -o ip/utils\.o')
	t=$(make -n -C "$S" all tests | grep -c 'check_')
	if [ "$n" = 1 ] && [ "$t" = 0 ]; then
		pass make-deps-utils
	else fail make-deps-utils "touching ip/utils.c recompiles it $n times, rebuilds $t unit tests (none include ip/)"; fi
	make -s -C "$S" all tests > /dev/null 2>&1
	touch "$S/include/mplsroute.h"
	n=$(make -n -C "$S" all | grep -c -- '-c -o lib/')
	m=$(ls "$S"/lib/*.c | wc -l)
	if [ "$n" = "$m" ]; then pass make-deps-header
	else fail make-deps-header "touching the header recompiles $n of $m lib objects"; fi
	make -s -C "$S" clean > /dev/null 2>&1
	tree_files "$S" > "$TMP/after-clean"
	left=$(comm -13 "$TMP/sources" "$TMP/after-clean" | tr '\n' ' ')
	if [ "$left" = "./config.mk " ]; then pass make-clean
	else fail make-clean "left after make clean: $left"; fi
	make -s -C "$S" distclean > /dev/null 2>&1
	tree_files "$S" > "$TMP/after-distclean"
	if cmp -s "$TMP/sources" "$TMP/after-distclean"; then pass make-distclean
	else fail make-distclean "differs from the sources: $(diff "$TMP/sources" \
		"$TMP/after-distclean" | grep '^[<>]' | head -n 3 | tr '\n' ' ')"; fi
}

# clang in an O= dir of this tree; make clean O= removes only that build
test_o_dir() {
	test_werror clang || return
	before=$(ls lib/*.o testsuite/out 2>/dev/null | wc -l)
	make -s O="$TMP/o-clang" clean > /dev/null 2>&1
	left=$(find "$TMP/o-clang" -type f | head -n 3)
	after=$(ls lib/*.o testsuite/out 2>/dev/null | wc -l)
	if [ -z "$left" ] && [ "$before" = "$after" ]; then pass make-clean-o
	else fail make-clean-o "left in O=: $left; in the tree $before -> $after files"; fi
}

# ./configure in a scratch dir where pkg-config finds no libmnl: it must
# fail, name libmnl and its Debian package, and write no config.mk; likewise
# with only libmnl's .pc (libelf missing); with libmnl's and libelf's it
# must succeed (so each failure came from the missing one)
test_configure_no_libmnl() {
	if ! have pkg-config || ! pkg-config --exists libmnl libelf; then
		skip configure-no-libmnl "no pkg-config with libmnl and libelf here"; return
	fi
	mkdir -p "$TMP/cfg/none" "$TMP/cfg/mnl" "$TMP/cfg/mnl-elf"
	cp "$(pkg-config --variable=pcfiledir libmnl)/libmnl.pc" "$TMP/cfg/mnl/"
	cp "$TMP/cfg/mnl/libmnl.pc" "$(pkg-config --variable=pcfiledir libelf)/libelf.pc" \
		"$TMP/cfg/mnl-elf/"
	# libelf.pc requires zlib (Requires.private)
	for p in $(pkg-config --print-requires-private libelf | sed 's/[ <>=].*//'); do
		cp "$(pkg-config --variable=pcfiledir "$p")/$p.pc" "$TMP/cfg/mnl-elf/"
	done
	out=$(cd "$TMP/cfg" && PKG_CONFIG_LIBDIR=$TMP/cfg/none PKG_CONFIG_PATH= \
		sh "$TOP/configure" 2>&1); rc=$?
	if [ $rc -ne 0 ] && [ ! -f "$TMP/cfg/config.mk" ] &&
	   echo "$out" | grep -q 'libmnl.*libmnl-dev'; then
		pass configure-no-libmnl
	else
		fail configure-no-libmnl "rc $rc: $(echo "$out" | tr '\n' '|')"
	fi
	out=$(cd "$TMP/cfg" && PKG_CONFIG_LIBDIR=$TMP/cfg/mnl PKG_CONFIG_PATH= \
		sh "$TOP/configure" 2>&1); rc=$?
	if [ $rc -ne 0 ] && [ ! -f "$TMP/cfg/config.mk" ] &&
	   echo "$out" | grep -q 'libelf\.\.\. no (Debian package: libelf-dev)'; then
		pass configure-no-libelf
	else
		fail configure-no-libelf "rc $rc: $(echo "$out" | tr '\n' '|')"
	fi
	out=$(cd "$TMP/cfg" && PKG_CONFIG_LIBDIR=$TMP/cfg/mnl-elf PKG_CONFIG_PATH= \
		CFLAGS='-O1 -g0' sh "$TOP/configure" 2>&1); rc=$?
	if [ $rc -eq 0 ] && grep -q '^MNL_LIBS := -lmnl' "$TMP/cfg/config.mk" &&
	   grep -q '^ELF_LIBS := .*-lelf' "$TMP/cfg/config.mk" &&
	   grep -q '^CFLAGS := -O1 -g0$' "$TMP/cfg/config.mk" &&
	   echo "$out" | grep -q 'check\.\.\. no (Debian package: check)'; then
		pass configure-only-required
	else
		fail configure-only-required "rc $rc: $(echo "$out" | tr '\n' '|')"
	fi
	out=$(cd "$TMP/cfg" && rm -f config.mk && PKG_CONFIG=/nonexistent/pkg-config \
		sh "$TOP/configure" 2>&1); rc=$?
	if [ $rc -ne 0 ] && echo "$out" | grep -q 'pkg-config not found (Debian package: pkg-config)'; then
		pass configure-no-pkg-config
	else
		fail configure-no-pkg-config "rc $rc: $out"
	fi
}

test_style
test_exports
sh testsuite/build/abitest.sh
sh testsuite/build/labtime.sh
test_static_namespace
test_header_docs
test_header_alone
test_install
test_configure_no_libmnl
test_make_tree
test_o_dir
