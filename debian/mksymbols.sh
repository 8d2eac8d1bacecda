#!/bin/sh
# debian/mksymbols.sh: writes debian/libmplsroute0.symbols from the version
# script lib/libmplsroute.map: each function of node MPLSROUTE_A.B, and the
# node itself, with the minimal version A.B.0 (the release that brought
# it).  Run it after changing the map; the build (dpkg-gensymbols -c4)
# fails while the symbols file and the library disagree.
# usage: sh debian/mksymbols.sh [MAP] [OUT]
cd "$(dirname "$0")/.." || exit 1
MAP=${1:-lib/libmplsroute.map}
OUT=${2:-debian/libmplsroute0.symbols}
{
	echo "libmplsroute.so.0 libmplsroute0 #MINVER#"
	echo "* Build-Depends-Package: libmplsroute-dev"
	awk '
	/^[ \t]*MPLSROUTE_[0-9.]+[ \t]*\{/ {
		node = $1; sub(/\{.*/, "", node)
		ver = node; sub(/^MPLSROUTE_/, "", ver)
		if (ver !~ /\.[0-9]+\.[0-9]+$/) ver = ver ".0"
		printf " %s@%s %s\n", node, node, ver
		next
	}
	node != "" && /^[ \t]*mplsroute_[a-z0-9_]*;/ {
		s = $1; sub(/;.*/, "", s)
		printf " %s@%s %s\n", s, node, ver
	}
	/^[ \t]*\}/ { node = "" }
	' "$MAP" | LC_ALL=C sort
} > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
