# exec.mk: exec's host unit tests (unix-server/exec). Included by the top
# Makefile after microkernel.mk, whose HOST_CC and HOST_TEST_CFLAGS it uses.
#
#   make exec-tests   build and run only these tests
#
# The tests load real static binaries, built here from one fixture source
# with the host gcc (-static, -static-pie) and musl-gcc (-static); the
# dynamic one is the PT_INTERP case. The test names are listed rather than
# found by wildcard: unix-server/test is shared with other parts of the server.

EXEC_TEST_NAMES := test_elf_load test_initial_stack test_exec_run test_exec_script
EXEC_HOST_TESTS := $(EXEC_TEST_NAMES:%=$(BUILD)/host-tests/unix-server/%)
EXEC_FIXTURES_DIR := $(BUILD)/unix-server/fixtures
EXEC_FIXTURES := $(addprefix $(EXEC_FIXTURES_DIR)/,glibc-static glibc-static-pie \
	musl-static glibc-dynamic)
EXEC_FIXTURE_SRC := unix-server/test/fixtures/print_auxv.c
EXEC_MUSL_CC := musl-gcc
# The static fixtures need glibc's libc.a and musl-gcc; the tests run readelf.
EXEC_DEPS := libc6-dev musl-tools binutils
HOST_TESTS += $(EXEC_HOST_TESTS)

.PHONY: exec-tests

$(EXEC_FIXTURES_DIR)/glibc-static: $(EXEC_FIXTURE_SRC)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOST_CC) -O1 -static -no-pie $< -o $@
$(EXEC_FIXTURES_DIR)/glibc-static-pie: $(EXEC_FIXTURE_SRC)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOST_CC) -O1 -static-pie $< -o $@
$(EXEC_FIXTURES_DIR)/musl-static: $(EXEC_FIXTURE_SRC)
	@mkdir -p $(@D)
	@echo "  MUSLCC  $@"
	@$(EXEC_MUSL_CC) -O1 -static -no-pie $< -o $@
$(EXEC_FIXTURES_DIR)/glibc-dynamic: $(EXEC_FIXTURE_SRC)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	@$(HOST_CC) -O1 $< -o $@

$(EXEC_HOST_TESTS): $(BUILD)/host-tests/unix-server/%: unix-server/test/%.c $(EXEC_FIXTURES)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $<"
	@$(HOST_CC) $(HOST_TEST_CFLAGS) -Iunix-server -Iemulator \
		-DEXEC_FIXTURES='"$(abspath $(EXEC_FIXTURES_DIR))"' $< -o $@

-include $(EXEC_HOST_TESTS:=.d)

exec-tests: $(EXEC_HOST_TESTS)
	@status=0; for t in $(EXEC_HOST_TESTS); do $$t || status=1; done; exit $$status

# exec's sources built the way the server will be (a freestanding native
# task: no libc, no SSE), so that anything they must not use fails here,
# before the server exists. `make test` builds these objects too.
EXEC_NATIVE_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(wildcard unix-server/exec/*.c))
$(EXEC_NATIVE_OBJECTS): NATIVE_CFLAGS += -Iunix-server -Iemulator
-include $(EXEC_NATIVE_OBJECTS:.o=.d)

exec-tests: $(EXEC_NATIVE_OBJECTS)
test: $(EXEC_NATIVE_OBJECTS)
