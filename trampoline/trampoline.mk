# trampoline.mk: the trampoline's user-side objects (the entry stub and the
# weak default dispatcher), built like the native runtime. The kernel and
# native code find the shared frame layout with -Itrampoline/include
# (microkernel.mk). Linked into the native test and benchmark tasks.

TRAMPOLINE_NATIVE_OBJECTS := $(patsubst %,$(BUILD)/native/%.o,$(wildcard \
	trampoline/*.c trampoline/*.S))

-include $(TRAMPOLINE_NATIVE_OBJECTS:.o=.d)
