/* iproute_usage.c: `ip route help`: iproute2 4.4's route usage text */
#include <stdio.h>

#include "ipmpls.h"

/* the route usage text of iproute2 4.4, word for word */
static const char route_usage[] =
"Usage: ip route { list | flush } SELECTOR\n"
"       ip route save SELECTOR\n"
"       ip route restore\n"
"       ip route showdump\n"
"       ip route get ADDRESS [ from ADDRESS iif STRING ]\n"
"                            [ oif STRING ] [ tos TOS ]\n"
"                            [ mark NUMBER ]\n"
"       ip route { add | del | change | append | replace } ROUTE\n"
"SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
"            [ table TABLE_ID ] [ proto RTPROTO ]\n"
"            [ type TYPE ] [ scope SCOPE ]\n"
"ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
"NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n"
"             [ table TABLE_ID ] [ proto RTPROTO ]\n"
"             [ scope SCOPE ] [ metric METRIC ]\n"
"INFO_SPEC := NH OPTIONS FLAGS [ nexthop NH ]...\n"
"NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n"
"\t    [ dev STRING ] [ weight NUMBER ] NHFLAGS\n"
"FAMILY := [ inet | inet6 | ipx | dnet | mpls | bridge | link ]\n"
"OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n"
"           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n"
"           [ window NUMBER] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n"
"           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n"
"           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n"
"           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n"
"           [ pref PREF ]\n"
"TYPE := [ unicast | local | broadcast | multicast | throw |\n"
"          unreachable | prohibit | blackhole | nat ]\n"
"TABLE_ID := [ local | main | default | all | NUMBER ]\n"
"SCOPE := [ host | link | global | NUMBER ]\n"
"NHFLAGS := [ onlink | pervasive ]\n"
"RTPROTO := [ kernel | boot | static | NUMBER ]\n"
"PREF := [ low | medium | high ]\n"
"TIME := NUMBER[s|ms]\n"
"BOOL := [1|0]\n"
"FEATURES := ecn\n"
"ENCAPTYPE := [ mpls | ip | ip6 ]\n"
"ENCAPHDR := [ MPLSLABEL ]\n";

void iproute_usage(FILE *f)
{
	fputs(route_usage, f);
}
