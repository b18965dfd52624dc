/*
 * script.h: the "#!" line of an interpreter script, read as Linux reads it
 * (fs/binfmt_script.c): from the file's first EXEC_SCRIPT_LINE_MAX bytes,
 * the interpreter's path after "#!" and optional spaces or tabs, then at
 * most one argument, the rest of the line with its outer spaces and tabs
 * trimmed (inner ones kept). A line cut off by that limit is fine if the
 * path itself is whole (a space, tab or NUL follows it).
 *
 * exec_script_parse: 1 with *out filled for a script; 0 for a file that is
 * not one (no "#!"), for the ELF loader to judge; -ENOEXEC for a "#!"
 * line without an interpreter, or whose path may have been cut off.
 * Pure: no allocation, nothing but the bytes given.
 */
#ifndef UX_EXEC_SCRIPT_H
#define UX_EXEC_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#define EXEC_SCRIPT_LINE_MAX 256        /* Linux's BINPRM_BUF_SIZE */
/* Rewrites Linux allows before -ELOOP (exec_binprm: depths 0 to 5). */
#define EXEC_SCRIPT_DEPTH_MAX 6

struct exec_script {
	char line[EXEC_SCRIPT_LINE_MAX + 1];    /* the strings below point in here */
	const char *interpreter;
	const char *argument;                   /* or NULL */
};

int exec_script_parse(const uint8_t *data, size_t size, struct exec_script *out);

#endif
