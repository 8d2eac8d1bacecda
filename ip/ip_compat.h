/* ip_compat.h: kernel constants older system headers may lack (ip/ only) */
#ifndef IPMPLS_COMPAT_H
#define IPMPLS_COMPAT_H

/* the headers that define these first */
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#ifndef AF_MPLS
#define AF_MPLS 28
#endif
#ifndef RTA_NEWDST
#define RTA_NEWDST 19
#endif
#ifndef RTA_ENCAP_TYPE
#define RTA_ENCAP_TYPE 21
#endif
#ifndef RTA_ENCAP
#define RTA_ENCAP 22
#endif
#ifndef RTM_F_LOOKUP_TABLE
#define RTM_F_LOOKUP_TABLE 0x1000
#endif

#endif
