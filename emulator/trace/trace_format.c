/*
 * trace_format.c: one system call as strace prints it. The names and the
 * format of every argument and result come from linux_syscalls.h; the
 * errno names and messages from linux_errno.h. Entry points in trace.h.
 *
 * Differences from strace, kept on purpose: structures (stat, timespec,
 * iovec, rlimit, sigaction...) are printed as their address, not decoded;
 * no column alignment before " = ".
 */
#include "../linux_errno.h"
#include "trace_xlat.h"

struct syscall_desc {
	const char *name;
	enum linux_ret ret;
	unsigned char args[6];   /* enum linux_arg, A_END after the last */
};

#define DESC(nr, name, ret, ...) [nr] = { #name, ret, { __VA_ARGS__ } },
static const struct syscall_desc descs[LINUX_SYSCALL_LIMIT] = {
	LINUX_SYSCALLS(DESC)
};
#undef DESC

struct errno_desc {
	const char *name;
	const char *message;
};

#define ERRNO_DESC(nr, name, message) [nr] = { #name, message },
static const struct errno_desc errnos[] = {
	LINUX_ERRNOS(ERRNO_DESC)
};
#undef ERRNO_DESC

static const struct syscall_desc *desc_of(uint64_t nr)
{
	if (nr >= LINUX_SYSCALL_LIMIT || !descs[nr].name)
		return 0;
	return &descs[nr];
}

const char *trace_syscall_name(uint64_t nr)
{
	const struct syscall_desc *d = desc_of(nr);

	return d ? d->name : 0;
}

const char *trace_errno_name(int err)
{
	if (err <= 0 || (size_t)err >= XLAT_COUNT(errnos))
		return 0;
	return errnos[err].name;
}

static bool is_error(int64_t ret)
{
	return ret < 0 && ret >= -LINUX_MAX_ERRNO;
}

/* Whether argument i shows at all: some exist only for certain values of
 * the one before them. */
static bool arg_is_shown(const struct trace_call *c, int i, enum linux_arg fmt)
{
	switch (fmt) {
	case A_SKIP:
		return false;
	case A_OPEN_MODE:
		return (c->args[i - 1] & LX_O_CREAT) ||
		       (c->args[i - 1] & LX_O_TMPFILE) == LX_O_TMPFILE;
	case A_MREMAP_ADDR:
		return c->args[i - 1] & LX_MREMAP_FIXED;
	case A_FCNTL_ARG:
		return fcntl_has_arg((uint32_t)c->args[i - 1]);
	default:
		return true;
	}
}

/* An output argument is only meaningful after a successful call. */
static void out_result_buffer(struct trace_out *o, const struct trace_call *c,
			      uint64_t addr, bool hex)
{
	if (is_error(c->ret))
		out_ptr(o, addr);
	else
		out_buffer(o, addr, (uint64_t)c->ret, hex);
}

static void out_arg(struct trace_out *o, const struct trace_call *c, int i,
		    enum linux_arg fmt)
{
	uint64_t v = c->args[i];

	if (out_named(o, fmt, v))
		return;
	switch (fmt) {
	case A_INT: case A_FD: out_dec(o, (int32_t)v); break;
	case A_UINT: out_udec(o, (uint32_t)v); break;
	case A_LONG: case A_OFF: out_dec(o, (int64_t)v); break;
	case A_SIZE: out_udec(o, v); break;
	case A_PTR: case A_MREMAP_ADDR: out_ptr(o, v); break;
	case A_PATH: out_cstring(o, v, TRACE_MAX_PATHLEN); break;
	case A_IBUF: out_buffer(o, v, i < 5 ? c->args[i + 1] : 0, false); break;
	case A_OBUF: out_result_buffer(o, c, v, false); break;
	case A_OBUF_HEX: out_result_buffer(o, c, v, true); break;
	case A_MODE: case A_OPEN_MODE: out_mode(o, (uint32_t)v); break;
	case A_FCNTL_ARG: out_fcntl_arg(o, (uint32_t)c->args[i - 1], v); break;
	case A_OPATH:
		if (is_error(c->ret))
			out_ptr(o, v);
		else
			out_cstring(o, v, TRACE_MAX_PATHLEN);
		break;
	case A_IOCTL_ARG:
		if (ioctl_is_known((uint32_t)c->args[i - 1]))
			out_ptr(o, v);
		else
			out_hex(o, v);
		break;
	default: out_hex(o, v); break;
	}
}

static void out_error(struct trace_out *o, int err)
{
	out_str(o, "-1 ");
	if ((size_t)err < XLAT_COUNT(errnos) && errnos[err].name) {
		out_str(o, errnos[err].name);
		out_str(o, " (");
		out_str(o, errnos[err].message);
	} else {
		out_str(o, "ERRNO_");
		out_udec(o, err);
		out_str(o, " (Unknown error ");
		out_udec(o, err);
	}
	out_char(o, ')');
}

static void out_result(struct trace_out *o, const struct trace_call *c, enum linux_ret kind)
{
	out_str(o, " = ");
	if (kind == R_NONE) {
		out_char(o, '?');
	} else if (is_error(c->ret)) {
		out_error(o, (int)-c->ret);
	} else if (kind == R_HEX) {
		out_hex(o, c->ret);
	} else if (kind == R_OCT) {
		out_mode(o, c->ret);
	} else if (kind == R_FCNTL && c->ret != 0 &&
		   ((uint32_t)c->args[1] == LX_F_GETFD || (uint32_t)c->args[1] == LX_F_GETFL)) {
		out_hex(o, c->ret);
		out_str(o, " (flags ");
		if ((uint32_t)c->args[1] == LX_F_GETFD)
			out_fd_flags_result(o, c->ret);
		else
			out_open_flags(o, c->ret);
		out_char(o, ')');
	} else {
		out_dec(o, c->ret);
	}
}

/* A number with no system call: strace's syscall_0x1f4 with all six
 * registers in hex. */
static void out_unknown(struct trace_out *o, const struct trace_call *c)
{
	out_str(o, "syscall_");
	out_hex(o, c->nr);
	out_char(o, '(');
	for (int i = 0; i < 6; i++) {
		if (i)
			out_str(o, ", ");
		out_hex(o, c->args[i]);
	}
	out_char(o, ')');
	out_result(o, c, R_INT);
}

size_t trace_format(char *buf, size_t size, const struct trace_call *call,
		    trace_read_fn read, void *ctx)
{
	struct trace_out o = { buf, size, 0, read, ctx };
	const struct syscall_desc *d = desc_of(call->nr);
	bool first = true;

	if (!d) {
		out_unknown(&o, call);
	} else {
		out_str(&o, d->name);
		out_char(&o, '(');
		for (int i = 0; i < 6 && d->args[i] != A_END; i++) {
			if (!arg_is_shown(call, i, d->args[i]))
				continue;
			if (!first)
				out_str(&o, ", ");
			out_arg(&o, call, i, d->args[i]);
			first = false;
		}
		out_char(&o, ')');
		out_result(&o, call, d->ret);
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return o.len;
}
