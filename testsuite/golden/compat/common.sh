# testsuite/golden/compat/common.sh: what record.sh and run.sh share (sourced)
# compat_cases: the recorded answers of the golden cases, one file a line:
#   a case's responses, or testsuite/golden/responses/NAME which replaces it;
#   then crafted/NAME (craft.py: fields no golden case's answers have)
# compat_dump RESPONSES OUT [del]: the RTM_NEWROUTE answers as a `route save`
#   stream (the magic 0x45311224, then the messages), or with "del" each
#   turned into an RTM_DELROUTE (what a monitor sees for a removal)
# compat_variants: the option sets the stream is shown with (name:options)
compat_cases() {
	ls -d "$TOP"/testsuite/data/iproute2-4.4/cases/* \
		"$TOP"/testsuite/data/iproute2-4.4/beyond/* \
		"$TOP"/testsuite/golden/extra/* | while read -r _d; do
		_r=$TOP/testsuite/golden/responses/$(basename "$_d")
		[ -f "$_r" ] || _r=$_d/responses
		[ -f "$_r" ] && echo "$_r"
	done
	ls "$TOP"/testsuite/golden/compat/crafted/*
}

compat_dump() {
	perl -e '
		my ($in, $out, $del) = @ARGV;
		open(my $h, "<", $in) or die "$in: $!";
		open(my $o, ">", $out) or die "$out: $!";
		binmode $o;
		print $o pack("V", 0x45311224);
		while (my $l = <$h>) {
			my ($name, $flags, $hex) = split " ", $l;
			next unless defined $hex && $name eq "RTM_NEWROUTE";
			my $m = pack("H*", $hex);
			substr($m, 4, 2) = pack("v", 25) if $del;
			print $o $m;
		}' "$1" "$2" "$3"
}

compat_variants="show: o:-o d:-d s:-s del:"
