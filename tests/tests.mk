# tests.mk: what `make test` needs built besides the kernel: the native
# test task (tests/kernel/user, booted as the `utests` module), linked with
# the native runtime. The runner itself is tests/run.sh; host unit tests of
# each part are added to HOST_TESTS by that part's fragment.

UTESTS := $(BUILD)/tests/kernel/utests.elf
UTESTS_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(wildcard tests/kernel/user/*.c tests/kernel/user/*.S))

$(UTESTS): $(UTESTS_OBJECTS) $(TRAMPOLINE_NATIVE_OBJECTS) $(NATIVE_RUNTIME_OBJECTS)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(NATIVE_LD) $(NATIVE_LDFLAGS) -o $@ $^

# The kernel microbenchmarks (tests/bench/kernel), booted as the `kbench`
# module by `make bench-kernel`.
KBENCH := $(BUILD)/tests/bench/kbench.elf
KBENCH_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(wildcard tests/bench/kernel/*.c))

$(KBENCH): $(KBENCH_OBJECTS) $(TRAMPOLINE_NATIVE_OBJECTS) $(NATIVE_RUNTIME_OBJECTS)
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(NATIVE_LD) $(NATIVE_LDFLAGS) -o $@ $^

# Header dependencies of the test and benchmark tasks (gcc -MMD).
-include $(UTESTS_OBJECTS:.o=.d) $(KBENCH_OBJECTS:.o=.d)

# The system suite's image contents (tests/system).
include tests/system/system.mk
