#!/bin/sh
# testsuite/pkg/check-dist.sh: make check-dist: the Debian packages, built
# from the release tarball as a fresh unpack with this tree's debian/ added
# (a source package by dpkg-source -b, then dpkg-buildpackage -us -uc -b,
# the testsuite run by dh_auto_test; LAB=0 unless LAB is set: make check
# ran the lab already), unpacked into a scratch root (dpkg -x) where the
# installed ipmpls runs (-V, and a request to a replay record), every man
# page renders, the autopkgtest scripts pass against that root, and
# lintian says no error and no warning on the source and the binaries.
# usage: sh testsuite/pkg/check-dist.sh ipmpls-VERSION.tar.gz
# Prints "PASS dist/NAME", "FAIL dist/NAME: why" or "SKIP dist/NAME: why",
# lintian's tags, the packages' sizes, and exits 1 on a failure.
# KEEP=1 keeps the scratch directory (its path is printed).
TGZ=${1:?usage: check-dist.sh ipmpls-VERSION.tar.gz}
case "$TGZ" in /*) ;; *) TGZ=$(pwd)/$TGZ ;; esac
NAME=$(basename "$TGZ" .tar.gz)
VER=${NAME#ipmpls-}
T=$(mktemp -d /tmp/ipmpls-check-dist.XXXXXX) || exit 1
if [ "${KEEP:-0}" = 1 ]; then echo "check-dist: keeping $T"
else trap 'rm -rf "$T"' EXIT INT TERM; fi
failed=0
pass() { echo "PASS dist/$1"; }
fail() { echo "FAIL dist/$1: $2"; failed=1; }
skip() { echo "SKIP dist/$1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }
start=$(date +%s)

for t in dpkg-buildpackage dh lintian fakeroot; do
	if ! have "$t"; then
		skip all "no $t (apt-get install dpkg-dev debhelper lintian fakeroot)"
		exit 0
	fi
done
tar -xzf "$TGZ" -C "$T" || { fail unpack "$TGZ"; exit 1; }
cp "$TGZ" "$T/ipmpls_$VER.orig.tar.gz"
SRC=$T/$NAME
# debian/ as git tracks it (no leftovers of a build in the tree)
(cd "$(dirname "$0")/../.." && git ls-files -z debian | xargs -0 tar -cf -) |
	(cd "$SRC" && tar -xf -) && [ -f "$SRC/debian/control" ] ||
	{ fail debian "cannot copy debian/ (git ls-files debian)"; exit 1; }
if (cd "$T" && dpkg-source -b "$NAME") > "$T/source.log" 2>&1; then
	pass dpkg-source
else
	fail dpkg-source "$(tail -n 5 "$T/source.log" | tr '\n' ' ')"
fi

# the packages
export LAB="${LAB:-0}"
t0=$(date +%s)
if (cd "$SRC" && dpkg-buildpackage -us -uc -b) > "$T/build.log" 2>&1; then
	pass "dpkg-buildpackage ($(($(date +%s) - t0)) s)"
else
	fail dpkg-buildpackage "$(grep -E 'error|FAIL|Error' "$T/build.log" | tail -n 8 | tr '\n' ' ')"
	tail -n 30 "$T/build.log" | sed 's/^/  | /'
	exit 1
fi
# the testsuite's summary from dh_auto_test
sed -n 's/^\([0-9]* passed, [0-9]* failed, [0-9]* skipped\)$/  dh_auto_test: \1/p' "$T/build.log"
grep -E '^SKIP (golden|lab)' "$T/build.log" | sed 's/^/  dh_auto_test: /'

MA=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
R=$T/root
missing=
for p in ipmpls libmplsroute0 libmplsroute-dev; do
	deb=$(ls "$T"/${p}_*.deb 2>/dev/null | head -n 1)
	if [ -z "$deb" ]; then missing="$missing $p"; continue; fi
	dpkg -x "$deb" "$R"
	printf '  %-22s %8s bytes, Installed-Size %s KiB\n' "$(basename "$deb")" \
		"$(wc -c < "$deb")" "$(dpkg-deb -f "$deb" Installed-Size)"
done
if [ -n "$missing" ]; then fail packages "not built:$missing"; exit 1; fi
pass packages

# the installed ipmpls, with the scratch root's library
export LD_LIBRARY_PATH="$R/usr/lib/$MA"
out=$("$R/usr/sbin/ipmpls" -V 2>&1)
if [ "$out" = "ipmpls utility, libmplsroute $VER" ]; then pass "installed-ipmpls-V"
else fail installed-ipmpls-V "\"$out\""; fi
if readelf -d "$R/usr/sbin/ipmpls" | grep -q 'NEEDED.*libmplsroute\.so\.0'; then
	pass ipmpls-links-the-shared-library
else
	fail ipmpls-links-the-shared-library "no NEEDED libmplsroute.so.0"
fi

# every man page renders without a warning
bad= n=0
for p in "$R"/usr/share/man/man*/*; do
	[ -L "$p" ] && continue
	n=$((n + 1))
	w=$(MANWIDTH=80 man --warnings -l "$p" 2>&1 >/dev/null)
	lines=$(MANWIDTH=80 man -l "$p" 2>/dev/null | wc -l)
	[ -z "$w" ] && [ "$lines" -gt 10 ] || bad="$bad $(basename "$p"): $w"
done
links=$(find "$R/usr/share/man" -type l | wc -l)
broken=$(find -L "$R/usr/share/man" -type l | tr '\n' ' ')
if [ -z "$bad$broken" ] && [ "$n" -ge 3 ]; then pass "man-pages ($n pages, $links links)"
else fail man-pages "$bad broken links: [$broken] ($n pages)"; fi

# the autopkgtest scripts, against the scratch root
export PATH="$R/usr/sbin:$R/usr/bin:$PATH"
export PKG_CONFIG_PATH="$R/usr/lib/$MA/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$R"
for t in $(sed -n 's/^Tests: *//p' "$SRC/debian/tests/control"); do
	if out=$(cd "$SRC" && AUTOPKGTEST_TMP=$(mktemp -d "$T/at.XXXXXX") \
		sh "debian/tests/$t" 2>&1); then
		pass "autopkgtest-$t"
	else
		fail "autopkgtest-$t" "$(echo "$out" | tail -n 4 | tr '\n' ' ')"
	fi
done
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR LD_LIBRARY_PATH

# lintian: no error, no warning
changes=$(ls "$T"/ipmpls_*.changes | head -n 1)
dsc=$(ls "$T"/ipmpls_*.dsc 2>/dev/null | head -n 1)
lintian -I --pedantic $dsc "$changes" 2>&1 |
	grep -v '^running with root privileges' > "$T/lintian.log"
sed 's/^/  lintian: /' "$T/lintian.log"
ew=$(grep -c '^[EW]: ' "$T/lintian.log")
if [ "$ew" = 0 ]; then pass "lintian ($(grep -c '^[IPX]: ' "$T/lintian.log") info/pedantic/experimental tags)"
else fail lintian "$ew errors and warnings"; fi

echo "check-dist: $( [ $failed = 0 ] && echo passed || echo FAILED) in $(($(date +%s) - start)) s"
exit $failed
