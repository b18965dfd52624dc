/*
 * script.c: exec_script_parse (script.h). The line is copied into the
 * result, NUL-padded as Linux's buffer is, and cut there.
 */
#include "exec_errno.h"
#include "script.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The first of [from, last] that is not a space or tab, or NULL. */
static char *skip_blanks(char *from, char *last)
{
	for (; from <= last; from++)
		if (!is_blank(*from))
			return from;
	return 0;
}

/* The first of [from, last] that is a space, tab or NUL, or NULL. */
static char *find_separator(char *from, char *last)
{
	for (; from <= last; from++)
		if (is_blank(*from) || !*from)
			return from;
	return 0;
}

int exec_script_parse(const uint8_t *data, size_t size, struct exec_script *out)
{
	char *buf = out->line, *last = buf + EXEC_SCRIPT_LINE_MAX - 1, *end = 0;
	size_t n = size < EXEC_SCRIPT_LINE_MAX ? size : EXEC_SCRIPT_LINE_MAX;

	if (size < 2 || data[0] != '#' || data[1] != '!')
		return 0;
	for (size_t i = 0; i < EXEC_SCRIPT_LINE_MAX + 1; i++)
		buf[i] = i < n ? (char)data[i] : 0;
	for (char *c = buf; c <= last && !end; c++)
		if (*c == '\n')
			end = c;
	if (!end) {
		/* No newline in reach: the path must end before the limit. */
		char *name = skip_blanks(buf + 2, last);
		if (!name || !find_separator(name, last))
			return -LX_ENOEXEC;
		end = last;
	}
	while (is_blank(end[-1]))
		end--;
	char *name = skip_blanks(buf + 2, end);
	if (!name || name == end)
		return -LX_ENOEXEC;             /* "#!" and no interpreter */
	char *sep = find_separator(name, end), *arg = 0;
	if (sep && *sep)
		arg = skip_blanks(sep, end);
	*end = 0;
	if (arg)
		*sep = 0;       /* arg is past sep: the line's last character is no blank */
	out->interpreter = name;
	out->argument = arg;
	return 1;
}
