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
ALL_CFLAGS := -std=gnu11 $(WARN) $(CFLAGS) $(EXTRA_CFLAGS) -Iinclude -Ilib \
	$(MNL_CFLAGS) -D_GNU_SOURCE
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

.PHONY: all check check-unit check-golden check-lab check-sanitize check-sanitize-build \
	install clean distclean demo bench tests

all: $(LIBA) $(LIBSO) $(IPMPLS)

config.mk:
	@echo "Run ./configure first." >&2; exit 1

$(OUT)%.o: %.c $(wildcard include/*.h lib/*.h ip/*.h) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(LIBSO): $(LIB_OBJ) lib/libmplsroute.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/libmplsroute.map \
		$(ALL_LDFLAGS) -o $@ $(LIB_OBJ) $(MNL_LIBS)
	ln -sf libmplsroute.so.$(VERSION) $(OUT)lib/$(SONAME)
	ln -sf $(SONAME) $(OUT)lib/libmplsroute.so

$(IPMPLS): $(IP_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(IP_OBJ) $(LIBA) $(MNL_LIBS)

$(OUT)testsuite/unit/check_%: testsuite/unit/check_%.c $(LIBA) testsuite/unit/unit.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) \
		$(MNL_LIBS) $(CHECK_LIBS)

$(OUT)testsuite/tools/%: testsuite/tools/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(MNL_LIBS)

tests: $(UNIT_BIN) $(TOOL_BIN)

# make check: unit tests, golden diffs, the sanitizer run, then the lab
check: all tests
	sh testsuite/run.sh all

check-unit: all tests
	sh testsuite/run.sh unit

check-golden: all tests
	sh testsuite/run.sh golden

check-sanitize-build:
	$(MAKE) O=build-san EXTRA_CFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
		EXTRA_LDFLAGS="-fsanitize=address,undefined" all tests

check-sanitize: all tests
	sh testsuite/run.sh sanitize

check-lab: all tests
	sh testsuite/run.sh lab

demo: all
	sh testsuite/lab/demo.sh

bench: all
	sh bench/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)
	install -m 755 $(IPMPLS) $(DESTDIR)$(BINDIR)/ipmpls
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIBSO) $(DESTDIR)$(LIBDIR)/
	ln -sf libmplsroute.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libmplsroute.so
	install -m 644 include/mplsroute.h $(DESTDIR)$(INCLUDEDIR)/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		lib/libmplsroute.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/libmplsroute.pc

clean:
	rm -f lib/*.o ip/*.o $(LIBA) lib/libmplsroute.so* $(IPMPLS) $(UNIT_BIN) $(TOOL_BIN)
	rm -rf build-san testsuite/out

distclean: clean
	rm -f config.mk
