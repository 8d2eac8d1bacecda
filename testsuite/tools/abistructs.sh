#!/bin/sh
# testsuite/tools/abistructs.sh: the structs and unions a header defines, for abisizes.c
# usage: sh testsuite/tools/abistructs.sh HEADER [CC] > abistructs.h
# Prints "ABI_TYPE(struct, NAME)" (or union) for each tagged struct or union
# HEADER itself defines, nested ones included, sorted: the compiler's
# preprocessor reads the header (comments, #if and macros done), only the
# lines from HEADER count.  A top-level struct or union without a tag
# (typedef struct { ... } name_t;) fails: its size would go unchecked.
HDR=$1
CC=${2:-cc}
[ -f "$HDR" ] || { echo "abistructs: no header \"$HDR\"" >&2; exit 2; }
out=$($CC -E -x c "$HDR") ||
	{ echo "abistructs: $CC -E $HDR fails" >&2; exit 2; }
list=$(printf '%s\n' "$out" | awk -v hdr="$HDR" '
# line markers: # LINE "FILE" FLAGS
/^# [0-9]+ "/ { f = $3; gsub(/"/, "", f); inhdr = (f == hdr); next }
!inhdr { next }
{
	seen = 1
	line = $0
	gsub(/[{};,()\[\]=*]/, " & ", line)
	n = split(line, tok, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		t = tok[i]
		if (t == "")
			continue
		if (t == "{") {
			if (p1 == "struct" || p1 == "union") {
				if (depth == 0) {
					printf "abistructs: %s: a %s without a tag at the top level (give it one, its size is ABI)\n", \
						hdr, p1 > "/dev/stderr"
					bad = 1
				}
			} else if ((p2 == "struct" || p2 == "union") &&
				   p1 ~ /^[A-Za-z_][A-Za-z0-9_]*$/) {
				print "ABI_TYPE(" p2 ", " p1 ")"
			}
			depth++
		} else if (t == "}") {
			depth--
		}
		p2 = p1; p1 = t
	}
}
END {
	if (!seen)
		printf "abistructs: no line of %s in the preprocessed text\n", hdr > "/dev/stderr"
	exit bad || !seen
}') || exit 1
[ -z "$list" ] || printf '%s\n' "$list" | sort -u
