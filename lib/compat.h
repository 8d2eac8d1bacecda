/* compat.h: constants that older system headers may lack (lib/ and ip/) */
#ifndef MPLSROUTE_COMPAT_H
#define MPLSROUTE_COMPAT_H

/* the headers that define these first, so that the fallbacks below never
 * turn an enum member of theirs into a number */
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
#ifndef RTA_VIA
#define RTA_VIA 18
#endif
#ifndef RTA_NEWDST
#define RTA_NEWDST 19
#endif
#ifndef RTA_PREF
#define RTA_PREF 20
#endif
#ifndef RTA_ENCAP_TYPE
#define RTA_ENCAP_TYPE 21
#endif
#ifndef RTA_ENCAP
#define RTA_ENCAP 22
#endif
#ifndef RTA_UID
#define RTA_UID 25
#endif
#ifndef RTA_TTL_PROPAGATE
#define RTA_TTL_PROPAGATE 26
#endif
#ifndef RTNH_F_OFFLOAD
#define RTNH_F_OFFLOAD 8
#endif
#ifndef RTNH_F_LINKDOWN
#define RTNH_F_LINKDOWN 16
#endif
#ifndef RTM_F_LOOKUP_TABLE
#define RTM_F_LOOKUP_TABLE 0x1000
#endif

#endif
