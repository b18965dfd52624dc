/*
 * hot_path.h: MK_HOT_PATH marks the functions a message round trip runs
 * through (trap entry and exit, the message trap, copyin and copyout of a
 * simple message, the queue, wait and wake, the thread switch, the heap's
 * small blocks). The linker script puts their section first, so they share
 * a few pages instead of being spread over the whole text.
 *
 * Why it matters: under QEMU's TCG, where this system is measured, every
 * CR3 write flushes the whole soft TLB and the translated-block jump
 * cache, so after each address-space switch every code page the path
 * touches is walked again and every jump to another page is looked up
 * again. Packing the path into few pages made ipc_call_reply about 13%
 * cheaper (bench-kernel); same-task calls, which switch no CR3, did not
 * change. Mark a function only if it runs on that path.
 *
 * MK_HOT_DATA does the same for the globals every round trip touches
 * (scheduler queues and lock, heap free lists, per-CPU data, counters),
 * which sat on seven pages; the TSS, whose rsp0 each switch writes, comes
 * right after them (its I/O bitmap, 8 KiB, after that).
 */
#ifndef MK_KERN_HOT_PATH_H
#define MK_KERN_HOT_PATH_H

#define MK_HOT_PATH __attribute__((section(".text.hot_path")))
#define MK_HOT_DATA __attribute__((section(".data.hot_path")))
#define MK_HOT_TSS_SECTION ".data.hot_path_tss"

#endif
