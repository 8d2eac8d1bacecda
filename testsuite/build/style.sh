#!/bin/sh
# testsuite/build/style.sh: the style scan of STYLE.md's conventions
# usage: sh testsuite/build/style.sh [FILE...]   (default: lib/ ip/ include/)
# Prints "file:line: KIND: what" for each finding, KIND one of
#   header   the file does not open with a one-line comment saying what it holds
#   length   a function body longer than 60 lines
#   print    library code that prints to stdout/stderr, exits or aborts
#   columns  a line wider than 80 columns (tabs of 8) beyond what a string
#            literal explains (kernel style keeps user-visible strings whole)
# and exits 0; testsuite/build/run.sh decides which kinds fail the build group.

cd "${TOP:-$(dirname "$0")/../..}" || exit 1
[ $# -eq 0 ] && set -- lib/*.c lib/*.h ip/*.c ip/*.h include/*.h

awk '
FNR == 1 && $0 !~ /^\/\* [^ ].*\*\/[ \t]*$/ {
	print FILENAME ":1: header: no one-line comment opening the file"
}
# the display width of a line, tabs to the next multiple of 8
function width(s,    i, w, c) {
	w = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\t") w = w + 8 - w % 8; else w++
	}
	return w
}
{
	w = width($0)
	if (w > 80) {
		bare = $0
		gsub(/"([^"\\]|\\.)*"/, "\"\"", bare)
		if (width(bare) > 80)
			print FILENAME ":" FNR ": columns: " w
	}
}
/^[A-Za-z_].*\(/ && !/;[ \t]*$/ { cand = $0 }
/^\{/ {
	start = FNR; fname = cand
	sub(/\(.*/, "", fname); sub(/.*[ *]/, "", fname)
}
/^\}/ && start {
	n = FNR - start - 1
	if (n > 60) print FILENAME ":" start ": length: " fname "() has " n " lines"
	start = 0
}
FILENAME ~ /^lib\// && /(^|[^a-z_])(printf|puts|perror|exit|_exit|abort|putchar)[ \t]*\(|std(out|err)/ {
	# lib/print.c prints to the FILE * its caller gives, lib/replay.c
	# writes the recording file: only stdout/stderr and exits count there
	if (FILENAME !~ /lib\/(print|replay)\.c$/ || $0 ~ /std(out|err)|exit|abort/)
		print FILENAME ":" FNR ": print: " $0
}
' "$@"
exit 0
