/*
 * test_exec_script.c: the "#!" line as Linux's binfmt_script reads it:
 * the interpreter, the one optional argument (outer blanks trimmed, inner
 * kept), lines cut at 256 bytes, and the lines it refuses.
 */
#include <errno.h>
#include <string.h>

#include "unit.h"
#include "exec/script.c"

static int parse(const char *text, size_t size, struct exec_script *s)
{
	return exec_script_parse((const uint8_t *)text, size, s);
}

static int parse_str(const char *text, struct exec_script *s)
{
	return parse(text, strlen(text), s);
}

static void interpreter_and_argument(void)
{
	struct exec_script s;

	UNIT_CHECK(parse_str("#!/bin/sh\necho hi\n", &s) == 1);
	UNIT_CHECK(!strcmp(s.interpreter, "/bin/sh") && !s.argument);
	UNIT_CHECK(parse_str("#! \t/bin/sh -e\n", &s) == 1);
	UNIT_CHECK(!strcmp(s.interpreter, "/bin/sh") && !strcmp(s.argument, "-e"));
	/* One argument: the rest of the line, inner blanks kept. */
	UNIT_CHECK(parse_str("#!/usr/bin/env  a b\t c \t \nrest", &s) == 1);
	UNIT_CHECK(!strcmp(s.interpreter, "/usr/bin/env") && !strcmp(s.argument, "a b\t c"));
	UNIT_CHECK(parse_str("#!/bin/sh   \n", &s) == 1 && !s.argument);
	/* No newline at all: the file's end (NUL padding) ends the line. */
	UNIT_CHECK(parse_str("#!/bin/sh -x", &s) == 1);
	UNIT_CHECK(!strcmp(s.interpreter, "/bin/sh") && !strcmp(s.argument, "-x"));
	/* A NUL ends the path and drops the rest. */
	UNIT_CHECK(parse("#!/bin/sh\0-x\n", 13, &s) == 1 && !s.argument);
	UNIT_CHECK(parse_str("#!sh\n", &s) == 1 && !strcmp(s.interpreter, "sh"));
}

static void not_a_script(void)
{
	struct exec_script s;

	UNIT_CHECK(parse_str("\177ELF", &s) == 0);
	UNIT_CHECK(parse_str("#", &s) == 0);
	UNIT_CHECK(parse_str("", &s) == 0);
	UNIT_CHECK(parse_str(" #!/bin/sh\n", &s) == 0);
}

static void lines_without_an_interpreter(void)
{
	struct exec_script s;

	UNIT_CHECK(parse_str("#!\n", &s) == -ENOEXEC);
	/* "#!" and the file's end: the NUL padding makes an empty path, which
	 * Linux then fails to open (ENOENT), as the lookup here does. */
	UNIT_CHECK(parse_str("#!", &s) == 1 && !strcmp(s.interpreter, ""));
	UNIT_CHECK(parse_str("#! \t \n/bin/sh\n", &s) == -ENOEXEC);
}

static void long_lines(void)
{
	struct exec_script s;
	char text[600];

	/* A path running past 256 bytes may be cut off: refused. */
	memcpy(text, "#!/", 3);
	memset(text + 3, 'a', sizeof(text) - 3);
	UNIT_CHECK(parse(text, sizeof(text), &s) == -ENOEXEC);
	/* All blanks after "#!" up to the limit: refused. */
	memset(text + 2, ' ', sizeof(text) - 2);
	UNIT_CHECK(parse(text, sizeof(text), &s) == -ENOEXEC);
	/* A whole path and a long argument: the argument is cut at byte 255. */
	memcpy(text, "#!/bin/sh ", 10);
	memset(text + 10, 'x', sizeof(text) - 10);
	UNIT_CHECK(parse(text, sizeof(text), &s) == 1 && !strcmp(s.interpreter, "/bin/sh"));
	UNIT_CHECK(strlen(s.argument) == 255 - 10);
	/* A newline within the limit counts even with more text after it. */
	memcpy(text, "#!/bin/sh\n", 10);
	UNIT_CHECK(parse(text, sizeof(text), &s) == 1 && !s.argument);
}

int main(void)
{
	static const struct unit_case cases[] = {
		UNIT_CASE(interpreter_and_argument),
		UNIT_CASE(not_a_script),
		UNIT_CASE(lines_without_an_interpreter),
		UNIT_CASE(long_lines),
	};

	return unit_main("exec_script", cases, sizeof(cases) / sizeof(cases[0]));
}
