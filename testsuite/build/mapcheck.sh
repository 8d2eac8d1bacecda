#!/bin/sh
# testsuite/build/mapcheck.sh: the map names every declared function
# usage: sh testsuite/build/mapcheck.sh [HEADER] [MAP]   (make runs it before
# linking libmplsroute.so).  Exits 1, naming the functions, when the map
# misses one or lists one the header does not declare.

HDR=${1:-include/mplsroute.h}
MAP=${2:-lib/libmplsroute.map}
TMP=$(mktemp -d /tmp/mplsroute-map.XXXXXX) || exit 1
trap 'rm -rf "$TMP"' EXIT

# declarations start at column 0: "type [*]mplsroute_name(" (not typedefs)
awk '/^[a-z].*[ *]mplsroute_[a-z0-9_]*\(/ && !/^typedef/ {
	sub(/\(.*/, ""); sub(/.*[ *]/, ""); print }' "$HDR" | sort -u > "$TMP/h"
sed -n 's/^[ \t]*\(mplsroute_[a-z0-9_]*\);.*/\1/p' "$MAP" | sort -u > "$TMP/m"
missing=$(comm -23 "$TMP/h" "$TMP/m" | tr '\n' ' ')
extra=$(comm -13 "$TMP/h" "$TMP/m" | tr '\n' ' ')
[ -z "$missing$extra" ] && exit 0
[ -n "$missing" ] && echo "$MAP: $HDR declares, the map does not list (add them to the newest version node): $missing" >&2
[ -n "$extra" ] && echo "$MAP: lists what $HDR does not declare: $extra" >&2
exit 1
