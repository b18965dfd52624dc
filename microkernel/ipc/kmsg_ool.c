/*
 * kmsg_ool.c: the out-of-line memory of a message (kmsg.h): captured from
 * the sender's map when the message is copied in, held by the kmsg as one
 * vm_map_copy per descriptor, mapped into the receiver's map at an
 * address the kernel chooses when it is received, released with the kmsg
 * if it never is.
 *
 * Order of a send (mqueue.c): bytes, then every region (this may fault),
 * then the rights (all or nothing), and only then the MK_OOL_DEALLOCATE
 * regions leave the sender, so a refused send changes nothing the sender
 * can see. A receive maps the regions before the rights are copied out
 * and unmaps them if that or the final copy to the user buffer fails.
 *
 * Lock order: runs with no lock held and takes one map lock at a time
 * (vm_map.lock is outside every IPC lock).
 */
#include "ipc/kmsg.h"
#include "lib/string.h"
#include "vm/vm_map.h"
#include "vm/vm_map_copy.h"
#include "kern/hot_path.h"

static struct mk_msg_descriptor descriptor(const struct ipc_kmsg *kmsg, uint32_t i)
{
	struct mk_msg_descriptor d;

	memcpy(&d, kmsg->bytes + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(d), sizeof(d));
	return d;
}

static void set_descriptor(struct ipc_kmsg *kmsg, uint32_t i, const struct mk_msg_descriptor *d)
{
	memcpy(kmsg->bytes + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(*d), d, sizeof(*d));
}

MK_HOT_PATH mk_return_t ipc_kmsg_copyin_ool(struct ipc_kmsg *kmsg, struct vm_map *map)
{
	if (kmsg->descriptor_count == 0)
		return MK_SUCCESS;      /* simple: copyin_prepared checks the rest */
	mk_return_t ret = ipc_kmsg_check_layout(kmsg);

	for (uint32_t i = 0; i < kmsg->descriptor_count && ret == MK_SUCCESS; i++) {
		struct mk_msg_descriptor d = descriptor(kmsg, i);
		if (d.type != MK_MSG_OOL_DESCRIPTOR || d.value == 0)
			continue;       /* size 0: nothing, whatever the address */
		ret = vm_map_copyin(map, d.address, d.value, d.disposition & MK_OOL_DEALLOCATE,
				    &kmsg->ool[i]);
	}
	return ret;
}

MK_HOT_PATH void ipc_kmsg_ool_sent(struct ipc_kmsg *kmsg, struct vm_map *map)
{
	for (uint32_t i = 0; i < kmsg->descriptor_count; i++) {
		struct mk_msg_descriptor d = descriptor(kmsg, i);
		if (d.type != MK_MSG_OOL_DESCRIPTOR || !d.value ||
		    !(d.disposition & MK_OOL_DEALLOCATE))
			continue;
		/* Capture clipped the range's pages into regions of their own,
		 * so this allocates nothing. The sender may have waited for
		 * queue room since: another of its threads may have remapped
		 * the range meanwhile, and then loses that mapping, as with any
		 * vm_deallocate racing its own use (and if that made a clip
		 * fail for memory, the range stays mapped). */
		vm_map_deallocate(map, d.address, d.value);
	}
}

/* Removes the regions of the first `count` descriptors (copied out). */
static void unmap_first(struct ipc_kmsg *kmsg, struct vm_map *map, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++) {
		struct mk_msg_descriptor d = descriptor(kmsg, i);
		if (d.type == MK_MSG_OOL_DESCRIPTOR && d.address)
			vm_map_deallocate(map, d.address, d.value);
	}
}

MK_HOT_PATH mk_return_t ipc_kmsg_copyout_ool(struct ipc_kmsg *kmsg, struct vm_map *map)
{
	for (uint32_t i = 0; i < kmsg->descriptor_count; i++) {
		struct mk_msg_descriptor d = descriptor(kmsg, i);
		if (d.type != MK_MSG_OOL_DESCRIPTOR)
			continue;
		d.address = 0;
		d.disposition = 0;
		if (kmsg->ool[i]) {
			mk_return_t ret = vm_map_copyout(map, kmsg->ool[i], &d.address);
			if (ret != MK_SUCCESS) {
				unmap_first(kmsg, map, i);
				return ret;
			}
			kmsg->ool[i] = NULL;    /* the map's now */
		}
		set_descriptor(kmsg, i, &d);
	}
	return MK_SUCCESS;
}

void ipc_kmsg_ool_unmap(struct ipc_kmsg *kmsg, struct vm_map *map)
{
	unmap_first(kmsg, map, kmsg->descriptor_count);
}
