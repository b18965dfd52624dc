/*
 * tty.h: a terminal: Linux's N_TTY line discipline between a device (bytes
 * in through tty_input, out through ops->output) and processes (tty_read,
 * tty_write, tty_ioctl). Pure C, no locks, no blocking: the caller holds
 * the terminal's lock around every call, parks a read or write that answers
 * -UX_EPARK and retries it later, and delivers the signals the terminal
 * records (tty_take_signal) to its foreground process group.
 *
 * What the caller owns, not this code: job control checks (SIGTTIN and
 * SIGTTOU for background groups), who may TIOCSCTTY, TIOCNOTTY or
 * TIOCSPGRP (session and process group membership), O_NONBLOCK (reads
 * through tty_read_nonblock; a write that would park is -EAGAIN), -EINTR
 * for a parked call a signal interrupts, and the VTIME timer
 * (tty_read_timer). When to retry: parked reads after each tty_input and
 * tty_ioctl, parked writes when tty_writable turns true after either.
 */
#ifndef UX_TTY_H
#define UX_TTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "termios.h"

#ifndef UX_EPARK
/* Internal "park this request, retry it when the object is ready". */
#define UX_EPARK 1000
#endif

/* Linux's N_TTY_BUF_SIZE: the input ring; a line holds 4095 bytes + end. */
#define TTY_BUF_SIZE 4096
#define TTY_LINE_MAX (TTY_BUF_SIZE - 1)

/* Signal numbers a terminal raises (x86-64 Linux). */
#define TTY_SIGINT 2
#define TTY_SIGQUIT 3
#define TTY_SIGTSTP 20
#define TTY_SIGWINCH 28

struct tty_ops {
	/* Send bytes to the device (the UART). Must take them all. */
	void (*output)(void *ctx, const uint8_t *buf, size_t len);
};

struct tty {
	const struct tty_ops *ops;
	void *ctx;

	struct ux_termios termios;
	uint32_t ispeed, ospeed;       /* termios2's c_ispeed, c_ospeed */
	struct ux_winsize winsize;
	int32_t pgrp;                  /* foreground process group, 0 none */
	int32_t session;               /* session it is the terminal of, 0 none */
	uint32_t pending_signals;      /* bit n: signal n for the foreground group */

	/*
	 * Input: one ring, counters running free (index = counter % size).
	 * [read_tail, canon_head): complete lines (canonical mode), each
	 * ended by a byte whose bit in line_end is set ('\n', VEOL, VEOL2, or
	 * a 0 standing for VEOF, which read does not return).
	 * [canon_head, read_head): the line being edited. Without ICANON all
	 * of [read_tail, read_head) is readable and canon_head == read_tail.
	 * line_start: where the line read_tail is in began (a VEOF ending a
	 * line already partly read is not an end of file).
	 */
	uint8_t buf[TTY_BUF_SIZE];
	uint8_t line_end[TTY_BUF_SIZE / 8];
	uint32_t read_tail, canon_head, read_head, line_start;
	bool lnext;                    /* VLNEXT seen: next byte is literal */
	bool erasing;                  /* ECHOPRT: inside "\erased/" */
	bool stopped;                  /* output stopped (VSTOP or TCOOFF) */
	bool tco_stopped;              /* by TCOOFF: only TCOON restarts it */

	/* Output: the cursor column as far as output processing can tell,
	   and the column where the line being edited began (tab erase);
	   both as they were when out was last sent, since echo dropped
	   unsent (a signal character's flush) must not move them. */
	uint32_t column, canon_column;
	uint32_t sent_column, sent_canon_column;
	uint8_t out[128];              /* echo and output staged for ops->output */
	size_t out_len;
};

/*
 * A serial console's state as Linux sets it up (console=ttyS0,115200):
 * ICRNL IXON, OPOST ONLCR, B115200 CS8 CREAD HUPCL CLOCAL, ISIG ICANON
 * ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN, the standard c_cc, 24x80 (Linux
 * reports 0x0 on a serial line; programs then guess 80x24 anyway).
 */
void tty_init(struct tty *tty, const struct tty_ops *ops, void *ctx);

/* Bytes from the device: input processing, editing, echo, signals. */
void tty_input(struct tty *tty, const uint8_t *buf, size_t n);

/*
 * Canonical: at most one line, the end included ('\n' or VEOL), not VEOF;
 * 0 for a VEOF at the start of a line (end of file). Raw: see tty_read.c
 * for VMIN/VTIME. -UX_EPARK when the read must wait.
 */
long tty_read(struct tty *tty, uint8_t *buf, size_t n);
/* A read with O_NONBLOCK: never parks; -UX_EAGAIN when Linux's would. */
long tty_read_nonblock(struct tty *tty, uint8_t *buf, size_t n);
/* A parked read whose VTIME timer ran out: what there is, maybe 0. */
long tty_read_expired(struct tty *tty, uint8_t *buf, size_t n);
/* The VTIME timer a parked read needs, in tenths of a second; 0 none. */
uint32_t tty_read_timer(const struct tty *tty);
/*
 * poll's POLLIN (Linux's rule: VMIN bytes when VTIME is 0, else one). A
 * parked read is simply retried after each tty_input and tty_ioctl: it
 * parks again if it still must wait.
 */
bool tty_readable(const struct tty *tty);

/* Output processing (OPOST) to ops->output; n, or -UX_EPARK when stopped. */
long tty_write(struct tty *tty, const uint8_t *buf, size_t n);
/* poll's POLLOUT: output is not stopped. */
bool tty_writable(const struct tty *tty);

/*
 * A command from tty_ioctls.h; in holds its in_bytes and out has room for
 * its out_bytes (the caller checked the request against the table).
 * 0 or a value, or a negative errno; -UX_ENOTTY for any other command.
 */
long tty_ioctl(struct tty *tty, uint32_t cmd, const void *in, void *out);

/* A signal raised for the foreground group and not yet taken, or 0. */
int tty_take_signal(struct tty *tty);

/* TCIFLUSH, TCOFLUSH, TCIOFLUSH; -UX_EINVAL for another queue. */
long tty_flush(struct tty *tty, int queue);

/* New termios (what TCSETS does, without the flush or the wait). */
void tty_set_termios(struct tty *tty, const struct ux_termios *t);

#endif
