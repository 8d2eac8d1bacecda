# Makefile: builds libmplsroute (static and shared), ipmpls and the tests
# Run ./configure first.  O=DIR puts every build product under DIR (the
# sanitizer build uses O=build-san).

-include config.mk

# the release version: the VERSION file is its one place (ipmpls -V, the .pc
# file, the shared library's file name, make dist, debian/changelog's check)
VERSION := $(strip $(file < VERSION))
SOMAJOR := 0
O ?=
OUT := $(if $(O),$(O)/,)

CC ?= cc
WARN := -Wall -Wextra -Wno-unused-parameter
CFLAGS ?= -O2 -g
# ip/ sees the public header only (no -Ilib): it is the API's first client
IP_CFLAGS := -std=gnu11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) \
	-Iinclude \
	$(MNL_CFLAGS) -D_GNU_SOURCE -DMPLSROUTE_VERSION='"$(VERSION)"'
ALL_CFLAGS := $(IP_CFLAGS) -Ilib
ALL_LDFLAGS := $(LDFLAGS) $(RELR_LDFLAGS) $(EXTRA_LDFLAGS)

LIB_SRC := $(sort $(wildcard lib/*.c))
IP_SRC := $(sort $(wildcard ip/*.c))
UNIT_SRC := $(sort $(wildcard testsuite/unit/check_*.c))
TOOL_SRC := $(sort $(wildcard testsuite/tools/*.c))
FUZZ_SRC := $(sort $(wildcard testsuite/fuzz/fuzz_*.c))

LIB_OBJ := $(patsubst %.c,$(OUT)%.o,$(LIB_SRC))
IP_OBJ := $(patsubst %.c,$(OUT)%.o,$(IP_SRC))
UNIT_BIN := $(patsubst %.c,$(OUT)%,$(UNIT_SRC))
TOOL_BIN := $(patsubst %.c,$(OUT)%,$(TOOL_SRC))
# each fuzz target twice: replay_NAME runs files (any compiler), fuzz_NAME
# is the libFuzzer binary (clang, make fuzz-build)
FUZZ_REPLAY := $(patsubst testsuite/fuzz/fuzz_%.c,$(OUT)testsuite/fuzz/replay_%,$(FUZZ_SRC))
FUZZ_BIN := $(patsubst %.c,$(OUT)%,$(FUZZ_SRC))

LIBA := $(OUT)lib/libmplsroute.a
LIBSO := $(OUT)lib/libmplsroute.so.$(VERSION)
SONAME := libmplsroute.so.$(SOMAJOR)
IPMPLS := $(OUT)ip/ipmpls
ABICHECK := $(OUT)testsuite/tools/abicheck
ABISIZES := $(OUT)testsuite/tools/abisizes
ABISTRUCTS := $(OUT)testsuite/tools/abistructs.h
# the same ipmpls linked against the shared library: the public API only
IPMPLS_SHARED := $(OUT)ip/ipmpls-shared

.PHONY: all check check-unit check-golden check-lab check-sanitize \
	check-sanitize-build check-build check-pkg install uninstall clean \
	distclean demo bench tests man dist distcheck check-dist abi-check \
	abi-update check-monitor-100k check-compat-lab \
	fuzz fuzz-build fuzz-targets check-fuzz check-valgrind coverage

# the man pages: ipmpls.8 and libmplsroute.3 with the version put in, the
# library's per-group pages made from the header (man/mkman3.sh)
MANPAGES := $(OUT)man/ipmpls.8 $(OUT)man/libmplsroute.3
MAN3GEN := $(OUT)man/gen
MAN3STAMP := $(MAN3GEN)/pages

all: $(LIBA) $(LIBSO) $(IPMPLS) $(IPMPLS_SHARED) $(MANPAGES) $(MAN3STAMP)

# make demo configures by itself; cleaning and dist need no configuration
ifeq ($(filter demo clean distclean dist,$(MAKECMDGOALS)),)
config.mk:
	@echo "Run ./configure first." >&2; exit 1
endif

# -MMD -MP: each object and test binary gets a .d file naming the headers
# it includes, so a change rebuilds it
DEP_FLAGS = -MMD -MP -MF $@.d
DEPS := $(addsuffix .d,$(LIB_OBJ) $(IP_OBJ) $(UNIT_BIN) $(TOOL_BIN) \
	$(FUZZ_REPLAY) $(FUZZ_BIN))
-include $(DEPS)

$(OUT)%.o: %.c config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(OUT)ip/%.o: ip/%.c config.mk
	@mkdir -p $(dir $@)
	$(CC) $(IP_CFLAGS) $(DEP_FLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

# ipmpls -V prints VERSION
$(OUT)ip/ipmpls.o: Makefile VERSION

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

# IPMPLS_LIB=shared links ipmpls with libmplsroute.so (what distributions
# want: the Debian package does); the default links the static library, so
# that the ipmpls of the tree runs without the library installed
IPMPLS_LIB ?= static
ifeq ($(IPMPLS_LIB),shared)
$(IPMPLS): $(IP_OBJ) $(LIBSO)
	$(CC) $(ALL_LDFLAGS) -o $@ $(IP_OBJ) -L$(OUT)lib -lmplsroute $(MNL_LIBS)
else
$(IPMPLS): $(IP_OBJ) $(LIBA)
	$(CC) $(ALL_LDFLAGS) -o $@ $(IP_OBJ) $(LIBA) $(MNL_LIBS)
endif

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

# the ABI check: abicheck reads the library with libelf, abisizes prints the
# sizes of the structs the header defines (listed by abistructs.sh)
$(ABICHECK): testsuite/tools/abicheck.c config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) $(ELF_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(ELF_LIBS)

$(ABISTRUCTS): include/mplsroute.h testsuite/tools/abistructs.sh config.mk
	@mkdir -p $(dir $@)
	sh testsuite/tools/abistructs.sh include/mplsroute.h "$(CC)" > $@.tmp
	mv $@.tmp $@

$(ABISIZES): testsuite/tools/abisizes.c $(ABISTRUCTS) config.mk
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -I$(dir $(ABISTRUCTS)) $(ALL_LDFLAGS) \
		-o $@ $<


$(OUT)testsuite/fuzz/replay_%: testsuite/fuzz/fuzz_%.c $(LIBA) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -DFUZZ_STANDALONE -Itestsuite/unit \
		$(ALL_LDFLAGS) -o $@ $< $(LIBA) $(MNL_LIBS)

$(OUT)testsuite/fuzz/fuzz_%: testsuite/fuzz/fuzz_%.c $(LIBA) config.mk
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEP_FLAGS) -Itestsuite/unit -fsanitize=fuzzer \
		$(ALL_LDFLAGS) -o $@ $< $(LIBA) $(MNL_LIBS)

tests: $(UNIT_BIN) $(TOOL_BIN) $(FUZZ_REPLAY)

# the libFuzzer targets, with ASan and UBSan, into build-fuzz/ (clang only)
FUZZ_CFLAGS := -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
fuzz-targets: $(FUZZ_BIN)

fuzz-build:
	$(MAKE) O=build-fuzz CC=clang EXTRA_CFLAGS="$(FUZZ_CFLAGS)" \
		EXTRA_LDFLAGS="-fsanitize=address,undefined" fuzz-targets

# make fuzz FUZZ_SECONDS=N: every target N seconds (testsuite/fuzz/run.sh)
FUZZ_SECONDS ?= 60
fuzz: all tests
	sh testsuite/fuzz/run.sh $(FUZZ_SECONDS)

# the crash reproducers always; a 10-second run of each target with clang
check-fuzz: all tests
	sh testsuite/run.sh fuzz

# line coverage of lib/ and ip/ by the unit, golden and fuzz inputs (clang)
coverage:
	sh testsuite/coverage.sh

# unit and golden groups under valgrind memcheck (testsuite/valgrind.sh)
check-valgrind: all tests
	sh testsuite/run.sh valgrind

# make abi-check compares the library with lib/libmplsroute.abi (make
# check does it in testsuite/build); make abi-update shows the differences,
# then rewrites the baseline: commit it with the change that made it
abi-check: $(LIBSO) $(ABICHECK) $(ABISIZES)
	$(ABISIZES) | $(ABICHECK) $(LIBSO) - lib/libmplsroute.abi

abi-update: $(LIBSO) $(ABICHECK) $(ABISIZES)
	@[ ! -f lib/libmplsroute.abi ] || \
		$(ABISIZES) | $(ABICHECK) $(LIBSO) - lib/libmplsroute.abi || true
	$(ABISIZES) | $(ABICHECK) -p $(LIBSO) - > lib/libmplsroute.abi.tmp
	mv lib/libmplsroute.abi.tmp lib/libmplsroute.abi

$(MAN3STAMP): include/mplsroute.h man/mkman3.sh VERSION
	sh man/mkman3.sh include/mplsroute.h $(MAN3GEN) $(VERSION)

$(OUT)man/%: man/%.in VERSION
	@mkdir -p $(dir $@)
	sed 's|@VERSION@|$(VERSION)|g' $< > $@

# its SEE ALSO lists the per-group pages
$(OUT)man/libmplsroute.3: man/libmplsroute.3.in VERSION $(MAN3STAMP)
	@mkdir -p $(dir $@)
	sed -e 's|@VERSION@|$(VERSION)|g' -e '/@SEEALSO@/{r $(MAN3GEN)/seealso' \
		-e 'd;}' $< > $@

man: $(MANPAGES) $(MAN3STAMP)

# make check: unit tests, golden diffs, the sanitizer run, the lab, then the
# release checks (testsuite/build/run.sh)
# CHECK_GROUPS picks groups (make distcheck: the tarball's own checks,
# without the runs that .ci/run's make check has just done on the tree)
CHECK_GROUPS ?= all
check: all tests
	sh testsuite/run.sh $(CHECK_GROUPS)

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

# issue 9's monitor test at full size (make check runs it with 10000): a
# monitor under a batch of 100000 adds and 50000 deletes, in the lab alone
check-monitor-100k: all tests
	sh testsuite/lab/uml.sh testsuite/lab/t_monbatch.sh 100000

# every show/get golden case against ip 6.1 (make check: a sample)
check-compat-lab: all tests
	sh testsuite/lab/uml.sh testsuite/lab/t_compat.sh '*'

# exports, header, install + pkg-config, -Werror with gcc and clang, configure
check-build: all tests
	sh testsuite/run.sh build

# man pages (lint, every function and keyword), bash completion, version
check-pkg: all
	sh testsuite/run.sh pkg

# demo.sh installs what is missing (as root on Debian), configures and builds
demo:
	sh testsuite/lab/demo.sh

bench: all
	sh bench/run.sh

# pcdir DIR: DIR as the .pc file writes it, ${prefix}/... when under PREFIX
pcdir = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(BASHCOMPDIR)
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
	install -m 644 $(OUT)man/ipmpls.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 644 $(OUT)man/libmplsroute.3 $(MAN3GEN)/*.3 \
		$(DESTDIR)$(MANDIR)/man3/
	while read fn page; do \
		ln -sf $$page.3 $(DESTDIR)$(MANDIR)/man3/$$fn.3 || exit 1; \
	done < $(MAN3GEN)/links
	install -m 644 completion/ipmpls $(DESTDIR)$(BASHCOMPDIR)/ipmpls

# removes what install put there (the directories stay)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ipmpls $(DESTDIR)$(LIBDIR)/libmplsroute.a \
		$(DESTDIR)$(LIBDIR)/libmplsroute.so.$(VERSION) \
		$(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libmplsroute.so \
		$(DESTDIR)$(INCLUDEDIR)/mplsroute.h \
		$(DESTDIR)$(LIBDIR)/pkgconfig/libmplsroute.pc \
		$(DESTDIR)$(MANDIR)/man8/ipmpls.8 \
		$(DESTDIR)$(MANDIR)/man3/libmplsroute.3 \
		$(DESTDIR)$(BASHCOMPDIR)/ipmpls
	for p in $$(cat $(MAN3STAMP)) $$(cut -d' ' -f1 $(MAN3GEN)/links); do \
		rm -f $(DESTDIR)$(MANDIR)/man3/$$p.3; \
	done

# make dist: ipmpls-VERSION.tar.gz of the files git tracks (as they are in
# the work tree); distcheck builds, tests and installs it in a scratch
# directory; check-dist builds the Debian packages from it and checks them
DIST := ipmpls-$(VERSION)
dist:
	sh testsuite/pkg/dist.sh $(VERSION)

distcheck: dist
	sh testsuite/pkg/distcheck.sh $(DIST).tar.gz

check-dist: dist
	sh testsuite/pkg/check-dist.sh $(DIST).tar.gz

clean:
	rm -f $(LIB_OBJ) $(IP_OBJ) $(LIBA) $(OUT)lib/libmplsroute.so* $(IPMPLS) $(IPMPLS_SHARED) \
		$(UNIT_BIN) $(TOOL_BIN) $(ABISTRUCTS) $(FUZZ_REPLAY) $(FUZZ_BIN) \
		$(DEPS)
	rm -rf $(MAN3GEN) $(MANPAGES)
ifeq ($(O),)
	rm -rf build-san build-fuzz build-cov testsuite/out
endif

distclean: clean
	rm -f config.mk
