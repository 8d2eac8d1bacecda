# Makefile: builds libmplsroute (static and shared), ipmpls and the tests
# Run ./configure first.  O=DIR puts every build product under DIR (the
# sanitizer build uses O=build-san).

-include config.mk

VERSION := 0.1.0
SOMAJOR := 0
O ?=
OUT := $(if $(O),$(O)/,)

CC ?= cc
WARN := -Wall -Wextra -Wno-unused-parameter
CFLAGS ?= -O2 -g
# ip/ sees the public header only (no -Ilib): it is the API's first client
IP_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -Iinclude \
	$(MNL_CFLAGS) -D_GNU_SOURCE -DMPLSROUTE_VERSION='"$(VERSION)"'
ALL_CFLAGS := $(IP_CFLAGS) -Ilib
ALL_LDFLAGS := $(LDFLAGS) $(EXTRA_LDFLAGS)

LIB_SRC := $(sort $(wildcard lib/*.c))
IP_SRC := $(sort $(wildcard ip/*.c))
UNIT_SRC := $(sort $(wildcard testsuite/unit/check_*.c))
TOOL_SRC := $(sort $(wildcard testsuite/tools/*.c))

LIB_OBJ := $(patsubst %.c,$(OUT)%.o,$(LIB_SRC))
IP_OBJ := $(patsubst %.c,$(OUT)%.o,$(IP_SRC))
UNIT_BIN := $(patsubst %.c,$(OUT)%,$(UNIT_SRC))
TOOL_BIN := $(patsubst %.c,$(OUT)%,$(TOOL_SRC))

LIBA := $(OUT)lib/libmplsroute.a
LIBSO := $(OUT)lib/libmplsroute.so.$(VERSION)
SONAME := libmplsroute.so.$(SOMAJOR)
IPMPLS := $(OUT)ip/ipmpls
# the same ipmpls linked against the shared library: the public API only
IPMPLS_SHARED := $(OUT)ip/ipmpls-shared

.PHONY: all check check-unit check-golden check-lab check-sanitize \
	check-sanitize-build check-build install clean distclean demo bench tests

all: $(LIBA) $(LIBSO) $(IPMPLS) $(IPMPLS_SHARED)

# make demo configures by itself, and cleaning needs no configuration
ifeq ($(filter demo clean distclean,$(MAKECMDGOALS)),)
config.mk:
	@echo "Run ./configure first." >&2; exit 1
endif

# -MMD -MP: each object and test binary gets a .d file naming the headers
# it includes, so a change rebuilds it
DEP_FLAGS = -MMD -MP -MF $@.d
DEPS := $(addsuffix .d,$(LIB_OBJ) $(IP_OBJ) $(UNIT_BIN) $(TOOL_BIN))
-include $(DEPS)

$(OUT)%.o: %.c config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(OUT)ip/%.o: ip/%.c config.mk
	@mkdir -p $(dir $@)
	$(CC) $(IP_CFLAGS) $(DEP_FLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

# ipmpls -V prints VERSION
$(OUT)ip/ipmpls.o: Makefile

$(LIBA): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# the version script must name every function of the header (mapcheck.sh)
$(LIBSO): $(LIB_OBJ) lib/libmplsroute.map include/mplsroute.h
	@sh testsuite/build/mapcheck.sh include/mplsroute.h lib/libmplsroute.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/libmplsroute.map \
		$(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(MNL_LIBS)
	ln -sf libmplsroute.so.$(VERSION) $(OUT)lib/$(SONAME)
	ln -sf $(SONAME) $(OUT)lib/libmplsroute.so

$(IPMPLS): $(IP_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(IP_OBJ) $(LIBA) $(MNL_LIBS)

# the version script hides everything but the API: a link error here means
# that ip/ calls something the header does not offer
$(IPMPLS_SHARED): $(IP_OBJ) $(LIBSO)
	$(CC) $(ALL_LDFLAGS) -o $@ $(IP_OBJ) -L$(OUT)lib -lmplsroute \
		-Wl,-rpath,'$$ORIGIN/../lib' $(MNL_LIBS)

$(OUT)testsuite/unit/check_%: testsuite/unit/check_%.c $(LIBA) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) $(CHECK_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(LIBA) $(MNL_LIBS) $(CHECK_LIBS)

$(OUT)testsuite/tools/%: testsuite/tools/%.c $(LIBA) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(MNL_LIBS)

tests: $(UNIT_BIN) $(TOOL_BIN)

# make check: unit tests, golden diffs, the sanitizer run, the lab, then the
# release checks (testsuite/build/run.sh)
check: all tests
	sh testsuite/run.sh all

check-unit: all tests
	sh testsuite/run.sh unit

check-golden: all tests
	sh testsuite/run.sh golden golden-shared

check-sanitize-build:
	$(MAKE) O=build-san \
		EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
		EXTRA_LDFLAGS="-fsanitize=address,undefined" all tests

check-sanitize: all tests
	sh testsuite/run.sh sanitize

check-lab: all tests
	sh testsuite/run.sh lab

# exports, header, install + pkg-config, -Werror with gcc and clang, configure
check-build: all tests
	sh testsuite/run.sh build

# demo.sh installs what is missing (as root on Debian), configures and builds
demo:
	sh testsuite/lab/demo.sh

bench: all
	sh bench/run.sh

# pcdir DIR: DIR as the .pc file writes it, ${prefix}/... when under PREFIX
pcdir = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCLUDEDIR)
	install -m 755 $(IPMPLS) $(DESTDIR)$(BINDIR)/ipmpls
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIBSO) $(DESTDIR)$(LIBDIR)/
	ln -sf libmplsroute.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libmplsroute.so
	install -m 644 include/mplsroute.h $(DESTDIR)$(INCLUDEDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(call pcdir,$(LIBDIR))|' \
		-e 's|@INCLUDEDIR@|$(call pcdir,$(INCLUDEDIR))|' \
		-e 's|@VERSION@|$(VERSION)|' \
		lib/libmplsroute.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/libmplsroute.pc

clean:
	rm -f $(LIB_OBJ) $(IP_OBJ) $(LIBA) $(OUT)lib/libmplsroute.so* $(IPMPLS) \
		$(IPMPLS_SHARED) \
		$(UNIT_BIN) $(TOOL_BIN) $(DEPS)
ifeq ($(O),)
	rm -rf build-san testsuite/out
endif

distclean: clean
	rm -f config.mk
