/*
 * console.h: the system console: /dev/console (5:1) and /dev/ttyS0
 * (4:64) name one terminal (tty/) on COM1 (/dev/tty, 5:0, is the
 * controlling terminal, which nobody has yet), which the
 * server drives itself (I/O ports granted by the kernel, input as IRQ 4
 * messages) when the kernel logs elsewhere (klog=ttyS1). When the kernel
 * keeps COM1, output goes through the kernel's console and there is no
 * input: a read waits for ever, as on a line nobody types on.
 */
#ifndef UX_CONSOLE_H
#define UX_CONSOLE_H

#include "mk/device.h"

/* After the VFS exists: 0 or -errno. */
int console_init(void);
/* An IRQ 4 message: input to the terminal, and a wake-up (vfs_wake) so
 * that the workers retry parked reads. */
void console_interrupt(const struct mk_interrupt_msg *m);

#endif
