/*
 * pipe.c: pipes as Linux's pipe(7): pipe2, and the operations of the two
 * node-less open files it makes (read, write, FIONREAD, poll, release),
 * their stat, chmod, chown, times, F_GETPIPE_SZ and F_SETPIPE_SZ.
 *
 * The pipe is Linux's ring of page buffers, so that what fits, what a
 * full pipe refuses and what poll says match Linux byte for byte: 16
 * slots by default, each a 4096-byte page allocated when a write needs
 * it and freed when read empty. A write first puts its first len % 4096
 * bytes into the last buffer if they fit there whole (never into a
 * packet), then fills new pages; so a write of up to PIPE_BUF bytes goes
 * in whole or not at all. In packet
 * mode (O_DIRECT on the writing file) each page is one packet and a
 * read takes at most one, dropping what the reader had no room for.
 *
 * Waiting: the server retries a parked call from scratch, so a call that
 * parks (-UX_EPARK) must have moved nothing. Reads park only when the
 * pipe is empty. A blocking write goes in whole or parks while it could
 * fit in the pipe (Linux writes part and sleeps for the rest; the reader
 * sees the same bytes in the same order, later). Only a blocking write
 * larger than the whole pipe returns short, with what fitted: through
 * the emulator, whose chunks are at most 16 KiB, that is a pipe shrunk
 * below four pages by F_SETPIPE_SZ.
 *
 * Every change a parked call could be waiting for sets v->wakeup.
 */
#include "vfs_internal.h"

#define PAGE        4096u
#define DEF_SLOTS   (LINUX_PIPE_DEF_SIZE / PAGE)
#define BUF_MERGE   1u          /* later small writes may append to it */
#define BUF_PACKET  2u          /* one packet: a read takes it whole */
#define NOTIFICATION_PIPE LINUX_O_EXCL

struct pipe_buf {
	uint8_t *page;          /* owned while the slot is in use */
	uint32_t offset, len;   /* the unread bytes */
	uint32_t flags;
};

/* Slots [tail, head) hold data; head and tail run freely, slots is a
 * power of two, so slot i is bufs[i & (slots - 1)]. */
struct pipe {
	struct vfs *v;
	uint32_t readers, writers;      /* open files on each end */
	uint32_t head, tail, slots;
	struct pipe_buf *bufs;
	uint64_t ino;
	uint32_t mode, uid, gid;
	struct tmpfs_time atime, mtime, ctime;
};

static const struct vfs_chardev_ops pipe_ops;

static struct pipe_buf *slot(struct pipe *pp, uint32_t i)
{
	return &pp->bufs[i & (pp->slots - 1)];
}

static uint32_t used_slots(const struct pipe *pp)
{
	return pp->head - pp->tail;
}

static bool pipe_full(const struct pipe *pp)
{
	return used_slots(pp) >= pp->slots;
}

static void wake(struct pipe *pp)
{
	vfs_wake(pp->v);
}

void vfs_wake(struct vfs *v)
{
	v->wakeup = true;
}

bool vfs_take_wakeup(struct vfs *v)
{
	bool w = v->wakeup;

	v->wakeup = false;
	return w;
}

bool vfs_file_is_pipe(const struct vfs_file *f)
{
	return f->ops == &pipe_ops;
}

static void free_slot(struct pipe *pp)
{
	struct pipe_buf *b = slot(pp, pp->tail++);

	vfs_free(pp->v, b->page, PAGE);
	b->page = NULL;
}

static uint32_t bytes_in(struct pipe *pp)
{
	uint32_t n = 0;

	for (uint32_t i = pp->tail; i != pp->head; i++)
		n += slot(pp, i)->len;
	return n;
}

static int64_t pipe_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			 struct vfs_wait *wait)
{
	struct pipe *pp = f->priv;
	size_t done = 0;

	(void)dev, (void)wait;
	if (len == 0)
		return 0;
	while (done < len && pp->tail != pp->head) {
		struct pipe_buf *b = slot(pp, pp->tail);
		size_t n = len - done < b->len ? len - done : b->len;
		bool packet = b->flags & BUF_PACKET;

		memcpy((uint8_t *)buf + done, b->page + b->offset, n);
		done += n;
		b->offset += (uint32_t)n;
		b->len = packet ? 0 : b->len - (uint32_t)n;
		if (b->len == 0)
			free_slot(pp);
		if (packet)
			break;
	}
	if (done) {
		vfs_now(pp->v, &pp->atime);
		wake(pp);
		return (int64_t)done;
	}
	if (!pp->writers)
		return 0;
	return f->flags & LINUX_O_NONBLOCK ? -UX_EAGAIN : -UX_EPARK;
}

/* How many of a write's first bytes go into the last buffer (len % PAGE
 * if they fit there whole, else 0), as Linux's pipe_write merges. */
static uint32_t merge_bytes(struct pipe *pp, size_t len)
{
	uint32_t chars = (uint32_t)(len & (PAGE - 1));
	struct pipe_buf *b;

	if (!chars || pp->head == pp->tail)
		return 0;
	b = slot(pp, pp->head - 1);
	return (b->flags & BUF_MERGE) && b->offset + b->len + chars <= PAGE ? chars : 0;
}

static uint64_t pages_for(uint64_t bytes)
{
	return (bytes + PAGE - 1) / PAGE;
}

/* Linux's pipe_write up to a full pipe: bytes taken (maybe 0), or
 * -ENOMEM when a page could not be had before any byte went in. */
static int64_t copy_in(struct pipe *pp, const uint8_t *src, size_t len, bool packet)
{
	size_t done = merge_bytes(pp, len);

	if (done) {
		struct pipe_buf *b = slot(pp, pp->head - 1);

		memcpy(b->page + b->offset + b->len, src, done);
		b->len += (uint32_t)done;
	}
	while (done < len && !pipe_full(pp)) {
		struct pipe_buf *b = slot(pp, pp->head);
		size_t n = len - done < PAGE ? len - done : PAGE;

		b->page = vfs_alloc(pp->v, PAGE);
		if (!b->page)
			return done ? (int64_t)done : -UX_ENOMEM;
		memcpy(b->page, src + done, n);
		b->offset = 0;
		b->len = (uint32_t)n;
		b->flags = packet ? BUF_PACKET : BUF_MERGE;
		pp->head++;
		done += n;
	}
	return (int64_t)done;
}

/* Whether a blocking write must wait rather than start (see the top). */
static bool write_must_wait(struct pipe *pp, size_t len)
{
	uint64_t free_slots = pp->slots - used_slots(pp);

	if (pages_for(len - merge_bytes(pp, len)) <= free_slots)
		return false;
	return pages_for(len) <= pp->slots || pipe_full(pp);
}

/* SIGPIPE with EPIPE is the server's to send: it sees the -EPIPE. */
static int64_t pipe_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	struct pipe *pp = f->priv;
	bool nonblock = f->flags & LINUX_O_NONBLOCK;
	int64_t n;

	(void)dev;
	if (len == 0)
		return 0;
	if (!pp->readers)
		return -UX_EPIPE;
	if (!nonblock && write_must_wait(pp, len))
		return -UX_EPARK;
	n = copy_in(pp, buf, len, f->flags & LINUX_O_DIRECT);
	if (n == 0)
		return nonblock ? -UX_EAGAIN : -UX_EPARK;
	if (n > 0) {
		vfs_now(pp->v, &pp->mtime);
		pp->ctime = pp->mtime;
		wake(pp);
	}
	return n;
}

/* FIONREAD (on either end): the unread bytes, as an int. */
static int64_t pipe_ioctl(void *dev, struct vfs_file *f, unsigned cmd, uint64_t arg,
			  void *buf, size_t len)
{
	int n;

	(void)dev, (void)arg;
	if (cmd != LINUX_FIONREAD)
		return -UX_ENOTTY;
	if (!buf || len < sizeof(n))
		return -UX_EFAULT;
	n = (int)bytes_in(f->priv);
	memcpy(buf, &n, sizeof(n));
	return 0;
}

/* Linux's pipe_poll: no writers is POLLHUP alone (not POLLIN), no
 * readers POLLERR beside POLLOUT. */
static unsigned pipe_poll(void *dev, struct vfs_file *f)
{
	struct pipe *pp = f->priv;
	unsigned mask = 0;

	(void)dev;
	if (vfs_file_readable(f)) {
		if (pp->head != pp->tail)
			mask |= LINUX_POLLIN | LINUX_POLLRDNORM;
		if (!pp->writers)
			mask |= LINUX_POLLHUP;
	}
	if (vfs_file_writable(f)) {
		if (!pipe_full(pp))
			mask |= LINUX_POLLOUT | LINUX_POLLWRNORM;
		if (!pp->readers)
			mask |= LINUX_POLLERR;
	}
	return mask;
}

static void pipe_free(struct pipe *pp)
{
	struct vfs *v = pp->v;

	while (pp->tail != pp->head)
		free_slot(pp);
	vfs_free(v, pp->bufs, pp->slots * sizeof(*pp->bufs));
	vfs_free(v, pp, sizeof(*pp));
}

/* The last reference to one end's file: the other side may be waiting. */
static void pipe_release(void *dev, struct vfs_file *f)
{
	struct pipe *pp = f->priv;

	(void)dev;
	if (vfs_file_readable(f))
		pp->readers--;
	if (vfs_file_writable(f))
		pp->writers--;
	wake(pp);
	if (!pp->readers && !pp->writers)
		pipe_free(pp);
}

static const struct vfs_chardev_ops pipe_ops = {
	.release = pipe_release,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
};

static struct pipe *pipe_new(struct vfs_proc *p)
{
	struct vfs *v = p->vfs;
	struct pipe *pp = vfs_alloc(v, sizeof(*pp));

	if (!pp)
		return NULL;
	memset(pp, 0, sizeof(*pp));
	pp->slots = DEF_SLOTS;
	pp->bufs = vfs_alloc(v, DEF_SLOTS * sizeof(*pp->bufs));
	if (!pp->bufs) {
		vfs_free(v, pp, sizeof(*pp));
		return NULL;
	}
	memset(pp->bufs, 0, DEF_SLOTS * sizeof(*pp->bufs));
	pp->v = v;
	pp->readers = pp->writers = 1;
	pp->ino = ++v->pipe_ino;
	pp->mode = TMPFS_S_IFIFO | 0600;
	pp->uid = p->cred.euid;
	pp->gid = p->cred.egid;
	vfs_now(v, &pp->atime);
	pp->mtime = pp->ctime = pp->atime;
	return pp;
}

static void pipe_end(struct vfs_file *f, struct pipe *pp, uint32_t flags)
{
	f->flags = flags;
	f->ops = &pipe_ops;
	f->priv = pp;
}

/*
 * O_NOTIFICATION_PIPE (O_EXCL) asks for a watch queue, which this
 * kernel, like one built without CONFIG_WATCH_QUEUE, does not have.
 * The two fds are found before anything is made: -EMFILE leaves nothing.
 */
int vfs_pipe2(struct vfs_proc *p, int fds[2], uint32_t flags)
{
	struct vfs *v = p->vfs;
	struct vfs_file *r, *w;
	struct pipe *pp;
	int rfd, wfd;

	if (flags & ~(LINUX_O_CLOEXEC | LINUX_O_NONBLOCK | LINUX_O_DIRECT | NOTIFICATION_PIPE))
		return -UX_EINVAL;
	if (flags & NOTIFICATION_PIPE)
		return -UX_ENOPKG;
	rfd = vfs_fd_reserve(p, 0);
	if (rfd < 0)
		return rfd;
	wfd = vfs_fd_reserve(p, (uint32_t)rfd + 1);
	if (wfd < 0)
		return wfd;
	r = vfs_file_alloc(v);
	w = r ? vfs_file_alloc(v) : NULL;
	pp = w ? pipe_new(p) : NULL;
	if (!pp) {
		if (w)
			vfs_file_put(v, w);
		if (r)
			vfs_file_put(v, r);
		return -UX_ENOMEM;
	}
	pipe_end(r, pp, LINUX_O_RDONLY | (flags & LINUX_O_NONBLOCK));
	pipe_end(w, pp, LINUX_O_WRONLY | (flags & (LINUX_O_NONBLOCK | LINUX_O_DIRECT)));
	vfs_fd_set(p, rfd, r, flags & LINUX_O_CLOEXEC ? LINUX_FD_CLOEXEC : 0);
	vfs_fd_set(p, wfd, w, flags & LINUX_O_CLOEXEC ? LINUX_FD_CLOEXEC : 0);
	fds[0] = rfd;
	fds[1] = wfd;
	return 0;
}

/* As Linux's pipefs inode: a FIFO of size 0 whatever it holds. */
void vfs_pipe_stat(const struct vfs_file *f, struct tmpfs_stat *st)
{
	const struct pipe *pp = f->priv;

	memset(st, 0, sizeof(*st));
	st->dev = VFS_PIPE_DEV;
	st->ino = pp->ino;
	st->nlink = 1;
	st->mode = pp->mode;
	st->uid = pp->uid;
	st->gid = pp->gid;
	st->blksize = PAGE;
	st->atime = pp->atime;
	st->mtime = pp->mtime;
	st->ctime = pp->ctime;
}

int vfs_pipe_chmod(struct vfs_proc *p, struct vfs_file *f, uint32_t mode)
{
	struct pipe *pp = f->priv;

	if (p->cred.euid != 0 && p->cred.euid != pp->uid)
		return -UX_EPERM;
	pp->mode = TMPFS_S_IFIFO | (mode & 07777);
	vfs_now(p->vfs, &pp->ctime);
	return 0;
}

int vfs_pipe_set_times(struct vfs_proc *p, struct vfs_file *f, const struct tmpfs_time *atime,
		       const struct tmpfs_time *mtime)
{
	struct pipe *pp = f->priv;
	struct tmpfs_time now;

	vfs_now(p->vfs, &now);
	if (atime)
		pp->atime = atime->nsec == TMPFS_TIME_NOW ? now : *atime;
	if (mtime)
		pp->mtime = mtime->nsec == TMPFS_TIME_NOW ? now : *mtime;
	pp->ctime = now;
	return 0;
}

void vfs_pipe_chown(struct vfs_proc *p, struct vfs_file *f, uint32_t uid, uint32_t gid,
		    uint32_t clear_mode)
{
	struct pipe *pp = f->priv;

	if (uid != TMPFS_ID_KEEP)
		pp->uid = uid;
	if (gid != TMPFS_ID_KEEP)
		pp->gid = gid;
	pp->mode &= ~(clear_mode & 07777);
	vfs_now(p->vfs, &pp->ctime);
}

/* Linux's round_pipe_size in pages: 0 (-EINVAL) past 2^31 bytes. */
static uint64_t size_in_slots(uint32_t size)
{
	uint64_t slots = 1;

	if (size > (1u << 31))
		return 0;
	while (slots * PAGE < size)
		slots *= 2;
	return slots;
}

/* A new ring of n slots holding the same buffers in order. */
static int resize(struct pipe *pp, uint32_t n)
{
	struct pipe_buf *bufs;
	uint32_t used = used_slots(pp);

	if (n < used)
		return -UX_EBUSY;
	bufs = vfs_alloc(pp->v, n * sizeof(*bufs));
	if (!bufs)
		return -UX_ENOMEM;
	memset(bufs, 0, n * sizeof(*bufs));
	for (uint32_t i = 0; i < used; i++)
		bufs[i] = *slot(pp, pp->tail + i);
	vfs_free(pp->v, pp->bufs, pp->slots * sizeof(*bufs));
	pp->bufs = bufs;
	pp->slots = n;
	pp->tail = 0;
	pp->head = used;
	wake(pp);
	return 0;
}

/*
 * Linux's fcntl passes the size as an unsigned int. Growing past
 * pipe-max-size is -EPERM for everyone here (Linux lets CAP_SYS_RESOURCE
 * through), which also bounds what one process makes the server hold.
 */
int64_t vfs_pipe_fcntl(struct vfs_proc *p, struct vfs_file *f, unsigned cmd, uint64_t arg)
{
	struct pipe *pp = f->priv;
	uint64_t n;
	int err;

	(void)p;
	if (!vfs_file_is_pipe(f))
		return -UX_EBADF;
	if (cmd == LINUX_F_GETPIPE_SZ)
		return (int64_t)pp->slots * PAGE;
	n = size_in_slots((uint32_t)arg);
	if (!n)
		return -UX_EINVAL;
	if (n > pp->slots && n * PAGE > LINUX_PIPE_MAX_SIZE)
		return -UX_EPERM;
	err = resize(pp, (uint32_t)n);
	return err ? err : (int64_t)(n * PAGE);
}
