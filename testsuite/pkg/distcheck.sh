#!/bin/sh
# testsuite/pkg/distcheck.sh: make distcheck: the tarball builds, passes its
# tests and installs on its own.  In a scratch directory: unpack, configure,
# build, `make check` of the unit, golden, build and pkg groups, `make
# install DESTDIR=` (every file where it belongs), `make uninstall`
# (nothing left), `make distclean` (nothing left but the tarball's files).
# usage: sh testsuite/pkg/distcheck.sh ipmpls-VERSION.tar.gz
# Prints "PASS distcheck/STEP" or "FAIL distcheck/STEP: why" and a summary;
# exits 1 on a failure.  KEEP=1 keeps the scratch directory.
TGZ=${1:?usage: distcheck.sh ipmpls-VERSION.tar.gz}
case "$TGZ" in /*) ;; *) TGZ=$(pwd)/$TGZ ;; esac
NAME=$(basename "$TGZ" .tar.gz)
T=$(mktemp -d /tmp/ipmpls-distcheck.XXXXXX) || exit 1
[ "${KEEP:-0}" = 1 ] || trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT INT TERM
failed=0
pass() { echo "PASS distcheck/$1"; }
fail() { echo "FAIL distcheck/$1: $2"; failed=1; }
# step NAME CMD...: run CMD in the tree, its output in $T/NAME.log
step() {
	name=$1; shift
	t0=$(date +%s)
	if (cd "$T/$NAME" && "$@") > "$T/$name.log" 2>&1; then
		pass "$name ($(($(date +%s) - t0)) s)"
	else
		fail "$name" "$(tail -n 5 "$T/$name.log" | tr '\n' ' ')"
		return 1
	fi
}
start=$(date +%s)
tar -xzf "$TGZ" -C "$T" || { fail unpack "$TGZ"; exit 1; }
tar -tzf "$TGZ" | sed "s|^$NAME/||" | grep -v '/$' | grep . | sort > "$T/files"
step configure ./configure --prefix=/usr/local || exit 1
step build make -j2 all tests || exit 1
# the tests: unit, golden, build and pkg (the lab, the sanitizer and fuzz
# runs are the tree's, in make check: the tarball adds nothing to them)
step check make check CHECK_GROUPS="unit golden build pkg"
grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$T/check.log" |
	sed 's/^/  make check: /'
grep '^FAIL ' "$T/check.log" | sed 's/^/  /'

D=$T/dest
step install make install DESTDIR="$D" || exit 1
miss=
for f in usr/local/sbin/ipmpls usr/local/include/mplsroute.h \
	 usr/local/lib/libmplsroute.a usr/local/lib/libmplsroute.so.0 \
	 usr/local/lib/pkgconfig/libmplsroute.pc \
	 usr/local/share/man/man8/ipmpls.8 usr/local/share/man/man3/libmplsroute.3 \
	 usr/local/share/man/man3/mplsroute_route.3 \
	 usr/local/share/man/man3/mplsroute_sock_open.3 \
	 usr/local/share/bash-completion/completions/ipmpls; do
	[ -e "$D/$f" ] || miss="$miss $f"
done
if [ -z "$miss" ]; then pass install-files
else fail install-files "not installed:$miss"; fi
out=$(LD_LIBRARY_PATH=$D/usr/local/lib "$D/usr/local/sbin/ipmpls" -V 2>&1)
ver=$(cat "$T/$NAME/VERSION")
if [ "$out" = "ipmpls utility, libmplsroute $ver" ]; then pass installed-version
else fail installed-version "ipmpls -V: $out (VERSION $ver)"; fi

step uninstall make uninstall DESTDIR="$D"
left=$(cd "$D" && find . ! -type d | sort | tr '\n' ' ')
if [ -z "$left" ]; then pass uninstall-leaves-nothing
else fail uninstall-leaves-nothing "left behind: $left"; fi

step distclean make distclean
(cd "$T/$NAME" && find . ! -type d | sed 's|^\./||' | sort) > "$T/after"
extra=$(comm -13 "$T/files" "$T/after" | tr '\n' ' ')
gone=$(comm -23 "$T/files" "$T/after" | tr '\n' ' ')
if [ -z "$extra$gone" ]; then pass distclean-leaves-the-tarball
else fail distclean-leaves-the-tarball "left: [$extra] removed: [$gone]"; fi

echo "distcheck: $NAME.tar.gz $( [ $failed = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - start)) s"
exit $failed
