/*
 * return.h: what every microkernel trap returns. One list; the kernel and
 * the native runtime both take their names from it (mk_return_string).
 */
#ifndef MK_RETURN_H
#define MK_RETURN_H

#define MK_RETURN_LIST(X)                                                        \
	X(MK_SUCCESS, 0, "success")                                              \
	X(MK_INVALID_ARGUMENT, 1, "invalid argument")                            \
	X(MK_INVALID_NAME, 2, "name does not denote a right")                    \
	X(MK_INVALID_RIGHT, 3, "name denotes the wrong kind of right")           \
	X(MK_INVALID_VALUE, 4, "value out of range")                             \
	X(MK_UREFS_OVERFLOW, 5, "user reference count would overflow")           \
	X(MK_NO_SPACE, 6, "name space or table full")                            \
	X(MK_RESOURCE_SHORTAGE, 7, "out of kernel memory")                       \
	X(MK_NAME_EXISTS, 8, "name already in use")                              \
	X(MK_DEAD_NAME, 9, "the port is dead")                                   \
	X(MK_INVALID_ADDRESS, 10, "address not mapped or not accessible")        \
	X(MK_PROTECTION_FAILURE, 11, "access not allowed by protection")         \
	X(MK_NOT_SUPPORTED, 12, "operation not supported")                       \
	X(MK_MSG_TOO_LARGE, 13, "message larger than allowed or than the buffer") \
	X(MK_MSG_INVALID_HEADER, 14, "malformed message header")                 \
	X(MK_MSG_INVALID_DESCRIPTOR, 15, "malformed message descriptor")         \
	X(MK_TIMED_OUT, 16, "timed out")                                         \
	X(MK_INTERRUPTED, 17, "interrupted (thread aborted)")                    \
	X(MK_INVALID_TRAP, 18, "no such trap")                                   \
	X(MK_INVALID_TASK, 19, "not a task port")                                \
	X(MK_INVALID_THREAD, 20, "not a thread port")

enum mk_return {
#define MK_RETURN_ENUM(name, value, text) name = value,
	MK_RETURN_LIST(MK_RETURN_ENUM)
#undef MK_RETURN_ENUM
};

#endif
