/* ipops.h: the operator's objects: netconf, stats, monitor, check */
#ifndef IPOPS_H
#define IPOPS_H

#include <stdint.h>
#include <stdio.h>
#include "ipmpls.h"

/*
 * Each takes the words after the object's name and returns the exit code;
 * they print their own messages.
 */
int do_ipnetconf(struct ipmpls_ctx *ctx, int argc, char **argv);
int do_ipstats(struct ipmpls_ctx *ctx, int argc, char **argv);
int do_ipmonitor(struct ipmpls_ctx *ctx, int argc, char **argv);
int do_ipcheck(struct ipmpls_ctx *ctx, int argc, char **argv);

/*
 * ip/ipjson.c: a JSON writer laid out as iproute2's json_writer lays it
 * out (compact, or with -p one member a line and 4-space indents).
 * @name NULL: a value inside an array.
 */
struct jw {
	FILE *f;
	int pretty;
	int depth;
	char sep;
};

void jw_init(struct jw *j, FILE *f, int pretty);
void jw_obj_open(struct jw *j, const char *name);
void jw_obj_close(struct jw *j);
void jw_arr_open(struct jw *j, const char *name);
void jw_arr_close(struct jw *j);
void jw_str(struct jw *j, const char *name, const char *val);
void jw_u64(struct jw *j, const char *name, uint64_t val);
void jw_int(struct jw *j, const char *name, long long val);
void jw_bool(struct jw *j, const char *name, int val);

/* ip/ipmpls.c: enter network namespace NAME as -n does; 0 or -1 (said) */
int ipmpls_netns_switch(const char *name);

/* ip/ipnetconf.c: one netconf as `ip -f mpls netconf` prints it (text) */
/* one netconf line; @name: the device's name (NULL: looked up) */
void ipnetconf_print(FILE *f, const struct mplsroute_netconf *nc,
		     const char *name);

/*
 * ipmonitor_file - `monitor file FILE`: the saved stream in @path (what
 * `rtmon file` writes) decoded, each event handed to @cb.  Says on stderr
 * what is wrong with the file (naming it).  Returns the exit code.
 */
int ipmonitor_file(const char *path, mplsroute_event_cb cb, void *data);

/* the device names a saved stream's RTM_NEWLINK messages gave, as ip learns */
struct ipmonitor_names {
	struct { uint32_t idx; char name[16]; } *v;
	size_t n, cap;
};

/* learn from @nlh (RTM_NEWLINK adds, RTM_DELLINK forgets); 0 or -ENOMEM */
int ipmonitor_learn(struct ipmonitor_names *nm, const struct nlmsghdr *nlh);
/* the name learnt for @idx, or NULL */
const char *ipmonitor_name(const struct ipmonitor_names *nm, uint32_t idx);
void ipmonitor_names_free(struct ipmonitor_names *nm);

#endif
