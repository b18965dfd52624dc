/*
 * kernel_rpc.c: a call from the kernel to a task's port (see
 * kernel_rpc.h). The reply port is a port of the kernel's own, made for
 * one call and destroyed after it, so an answer can never be mistaken for
 * another call's: an answer sent after an aborted call finds a dead port.
 */
#include "ipc/kernel_rpc.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"

mk_return_t ipc_kernel_rpc(struct ipc_kmsg *request, struct ipc_wait wait,
			   struct ipc_kmsg **reply)
{
	struct ipc_port *reply_port = ipc_port_create();

	*reply = NULL;
	if (!reply_port) {
		ipc_kmsg_destroy(request);
		return MK_RESOURCE_SHORTAGE;
	}
	ipc_port_make_send_once(reply_port);
	request->reply = (struct ipc_kmsg_right){ reply_port, MK_PORT_NULL,
						  MK_MSG_TYPE_MOVE_SEND_ONCE };
	mk_return_t ret = ipc_msg_send_kernel_wait(request, wait);
	if (ret == MK_SUCCESS)
		ret = ipc_msg_receive_kernel(reply_port, wait, reply);
	ipc_port_destroy(reply_port);   /* the kernel's receive right */
	return ret;
}
