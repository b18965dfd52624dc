/* types.h: basic types of the microkernel ABI, shared by kernel and tasks. */
#ifndef MK_TYPES_H
#define MK_TYPES_H

#include <stdint.h>

/* A port name: a task-local index into its right table. The low 8 bits are
 * a generation number so a stale name is caught when a slot is reused. */
typedef uint32_t mk_port_name_t;

#define MK_PORT_NULL ((mk_port_name_t)0)
#define MK_PORT_DEAD ((mk_port_name_t)~0u)

#define MK_NAME_GENERATION_BITS 8
#define MK_NAME_INDEX(name)     ((name) >> MK_NAME_GENERATION_BITS)
#define MK_NAME_GENERATION(n)   ((n) & ((1u << MK_NAME_GENERATION_BITS) - 1))

typedef int32_t mk_return_t;

/* What host_object_counts reports. */
struct mk_object_counts {
	uint64_t tasks, ports, port_sets, messages, free_frames;
	uint64_t vm_objects;            /* memory objects, shadows included */
};

#endif
