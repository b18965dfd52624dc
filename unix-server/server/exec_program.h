/*
 * exec_program.h: which program an execve (or init) runs: the file at the
 * path, or for a "#!" script its interpreter, with the vector Linux makes
 * ([interpreter, its argument if any, the script's path, argv[1]...]).
 * An interpreter that is a script itself is followed too, as far as Linux
 * does; the file at each step must exist and be executable.
 */
#ifndef UX_SERVER_EXEC_PROGRAM_H
#define UX_SERVER_EXEC_PROGRAM_H

#include <stddef.h>

#include "exec/script.h"
#include "fs/tmpfs.h"
#include "vfs/vfs.h"

struct exec_program {
	struct tmpfs_node *file;        /* the program to load, referenced */
	const char **argv;              /* its vector: the caller's or allocated */
	size_t argc;
	const char **owned_argv;        /* allocated (NULL when argv is the caller's) */
	struct exec_script *scripts;    /* the "#!" lines argv points into, or NULL */
};

/* 0 with *out to pass to exec and then to exec_program_done; or the
 * lookup's or permission's error, -ENOEXEC for a "#!" line naming no
 * interpreter, -ELOOP past Linux's depth of scripts, -ENOMEM. */
int exec_program_find(struct vfs_proc *files, const char *path, const char *const *argv,
		      size_t argc, struct exec_program *out);
void exec_program_done(struct exec_program *prog);

#endif
