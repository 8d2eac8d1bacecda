#!/bin/sh
# testsuite/pkg/dist.sh: make dist: ipmpls-VERSION.tar.gz at the top of the
# tree, holding every file git tracks (as it is in the work tree, so that
# a change can be checked before it is committed) under ipmpls-VERSION/.
# Reproducible: names sorted, owner root, times of the last commit.
# usage: sh testsuite/pkg/dist.sh VERSION
cd "$(dirname "$0")/../.." || exit 1
VER=${1:?usage: dist.sh VERSION}
NAME=ipmpls-$VER
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	echo "make dist: needs a git checkout (it packs the files git tracks)" >&2
	exit 1
fi
LIST=$(mktemp /tmp/ipmpls-dist.XXXXXX) || exit 1
trap 'rm -f "$LIST"' EXIT INT TERM
# tracked files that exist (a deleted one not yet committed is left out)
git ls-files -z | xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\n" "$f"; done' sh |
	grep -v '^debian/' | LC_ALL=C sort > "$LIST"
when=$(git log -1 --format=%ct 2>/dev/null) || when=0
[ -n "$when" ] || when=0
tar --create --file="$NAME.tar.tmp" --no-recursion --transform="s,^,$NAME/," \
	--owner=0 --group=0 --numeric-owner --mtime="@$when" --mode='go-w' \
	--files-from="$LIST" &&
	gzip -9n < "$NAME.tar.tmp" > "$NAME.tar.gz.tmp" &&
	mv "$NAME.tar.gz.tmp" "$NAME.tar.gz"
rc=$?
rm -f "$NAME.tar.tmp" "$NAME.tar.gz.tmp"
[ $rc = 0 ] || exit 1
echo "$NAME.tar.gz: $(wc -l < "$LIST") files, $(wc -c < "$NAME.tar.gz") bytes"
