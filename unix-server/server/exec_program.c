/*
 * exec_program.c: exec_program_find (exec_program.h). Linux's order at
 * each step: the file is looked up and checked for execution first, then
 * the depth (exec_binprm: -ELOOP once the chain is longer than
 * EXEC_SCRIPT_DEPTH_MAX scripts), then its first line is read.
 */
#include "exec_program.h"
#include "server.h"
#include "ux_errno.h"

/* [interpreter, argument?, path, argv[1]...]: argv[0] is replaced (with
 * no argv at all, Linux's "" argv[0] is what goes). */
static const char **script_vector(const struct exec_script *s, const char *path,
				  const char *const *argv, size_t argc, size_t *out_argc)
{
	size_t rest = argc ? argc - 1 : 0, n = 2 + (s->argument != NULL) + rest, i = 0;
	const char **v = native_malloc((n + 1) * sizeof(*v));

	if (!v)
		return NULL;
	v[i++] = s->interpreter;
	if (s->argument)
		v[i++] = s->argument;
	v[i++] = path;
	for (size_t k = 0; k < rest; k++)
		v[i++] = argv[1 + k];
	v[i] = NULL;
	*out_argc = n;
	return v;
}

int exec_program_find(struct vfs_proc *files, const char *path, const char *const *argv,
		      size_t argc, struct exec_program *out)
{
	const char *at = path;
	int r;

	*out = (struct exec_program){ .argv = (const char **)argv, .argc = argc };
	for (int depth = 0;; depth++) {
		struct tmpfs_node *n;
		r = vfs_lookup(files, LINUX_AT_FDCWD, at, 0, &n);
		if (r)
			break;
		r = vfs_may_exec(files, n);
		if (r == 0 && depth > EXEC_SCRIPT_DEPTH_MAX - 1)
			r = -UX_ELOOP;
		if (r == 0 && !out->scripts && n->size >= 2 && n->u.file.data[0] == '#' &&
		    n->u.file.data[1] == '!') {
			out->scripts = native_malloc(EXEC_SCRIPT_DEPTH_MAX * sizeof(*out->scripts));
			if (!out->scripts)
				r = -UX_ENOMEM;
		}
		int script = r ? 0 : out->scripts
				     ? exec_script_parse(n->u.file.data, n->size, &out->scripts[depth])
				     : 0;
		if (r == 0 && script == 0) {
			out->file = n;          /* not a script: the loader judges it */
			return 0;
		}
		vfs_node_put(&server.vfs, n);
		if (r == 0 && script < 0)
			r = script;
		if (r)
			break;
		size_t new_argc;
		const char **v = script_vector(&out->scripts[depth], at, (const char *const *)out->argv,
					       out->argc, &new_argc);
		if (!v) {
			r = -UX_ENOMEM;
			break;
		}
		native_free(out->owned_argv);
		out->argv = out->owned_argv = v;
		out->argc = new_argc;
		at = out->scripts[depth].interpreter;
	}
	exec_program_done(out);
	return r;
}

void exec_program_done(struct exec_program *prog)
{
	if (prog->file)
		vfs_node_put(&server.vfs, prog->file);
	native_free(prog->owned_argv);
	native_free(prog->scripts);
	*prog = (struct exec_program){ 0 };
}
