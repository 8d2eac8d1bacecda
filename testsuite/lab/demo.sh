#!/bin/sh
# testsuite/lab/demo.sh: "make demo": the seed's MPLS ping on a real MPLS kernel, in one command
# Topology: topo.sh's host1 - r1 - r2 - r3 - host2, built by seed.sh inside
# Debian's user-mode-linux kernel booted on the host's files (uml.sh).
# As root on Debian it first installs what is missing (user-mode-linux,
# tcpdump, iputils-ping, kmod, iproute2, and to build: gcc, make,
# pkg-config, libmnl-dev, libelf-dev) with apt-get, then configures and
# builds ipmpls if needed.  It ends with `ipmpls check` on each router and
# the MPLS counters of each router's links.  Exit: 0 only when the ping went
# through with ttl=61 and the seed's labels on both links and every router
# is ready; 77 when user-mode-linux cannot run here.
# IPMPLS=PATH runs another ipmpls binary (default: the one built here).
cd "$(dirname "$0")/../.." || exit 1
TOP=$(pwd)
BUILD=${BUILD:-.}
export TOP BUILD

# need TOOL PACKAGE: adds PACKAGE to the install list when TOOL is missing
missing=
need() {
	command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ] ||
		missing="$missing $2"
}
need linux.uml user-mode-linux
need tcpdump tcpdump
need ping iputils-ping
need insmod kmod
need ip iproute2
if [ -z "$IPMPLS" ]; then
	need cc gcc
	need make make
	need pkg-config pkg-config
	[ -f /usr/include/libmnl/libmnl.h ] || missing="$missing libmnl-dev"
	[ -f /usr/include/gelf.h ] || missing="$missing libelf-dev"
fi
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "== installing:$missing"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq $missing >/dev/null || {
			echo "demo: apt-get could not install:$missing" >&2
			exit 1
		}
	else
		echo "demo: missing:$missing (install them as root with apt-get)" >&2
		exit 77
	fi
fi

if [ -z "$IPMPLS" ]; then
	echo "== building ipmpls"
	{ [ -f config.mk ] || ./configure >/dev/null; } && make -s all || {
		echo "demo: the build failed" >&2
		exit 1
	}
fi

echo "== booting user-mode-linux (Debian's linux.uml) with the MPLS modules"
start=$(date +%s)
sh testsuite/lab/uml.sh testsuite/lab/seed.sh --report
rc=$?
echo "== done in $(($(date +%s) - start)) s, exit $rc"
exit $rc
