/* execve of a "#!" script runs its interpreter with [interpreter, the
 * line's one argument (inner blanks kept), the script's path, argv[1]...],
 * following an interpreter that is a script itself; AT_EXECFN stays the
 * path given. Refused first: a script without x (EACCES), a missing
 * interpreter (ENOENT), "#!" with no interpreter and a file that is
 * neither script nor ELF (ENOEXEC), a directory or a file without x as
 * interpreter (EACCES), a script that is its own interpreter (ELOOP).
 * Then the chain s2 -> s1 -> this program, whose argv[0] (absolute on the
 * host and in the system) is the interpreter named in s1; run as that,
 * it prints what it was given, paths by their last part, and cleans up. */
#include "../compat.h"

#include <limits.h>
#include <sys/auxv.h>

#define MARK "one  with  blanks"

static void make_script(const char *path, const char *text, mode_t mode)
{
	write_file(path, text);
	need("chmod", chmod(path, mode) == 0);
}

static long try_exec(const char *path)
{
	char *const argv[] = { (char *)path, NULL };

	return execve(path, argv, environ);
}

static const char *last_part(const char *s)
{
	const char *slash = strrchr(s, '/');

	return slash ? slash + 1 : s;
}

static int as_interpreter(int argc, char **argv)
{
	char cwd[PATH_MAX];

	printf("argc: %d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]: %s\n", i, strchr(argv[i], '/') ? last_part(argv[i]) : argv[i]);
	printf("AT_EXECFN: %s\n", (const char *)getauxval(AT_EXECFN));
	need("getcwd", getcwd(cwd, sizeof(cwd)) != NULL);
	need("chdir /", chdir("/") == 0);
	remove_tree(cwd);
	return 0;
}

int main(int argc, char **argv)
{
	char self[PATH_MAX], cwd[PATH_MAX], text[2 * PATH_MAX];

	if (argc > 1 && !strcmp(argv[1], MARK))
		return as_interpreter(argc, argv);
	need("absolute argv[0]", argv[0][0] == '/' && strlen(argv[0]) < sizeof(self));
	strcpy(self, argv[0]);
	scratch_enter();
	need("getcwd", getcwd(cwd, sizeof(cwd)) != NULL);

	make_script("noexec", "#!/bin/sh\n", 0644);
	show("script without x", try_exec("./noexec"));
	make_script("missing", "#!/no/such/interpreter -x\n", 0755);
	show("missing interpreter", try_exec("./missing"));
	make_script("empty", "#!\n", 0755);
	show("no interpreter", try_exec("./empty"));
	make_script("blank", "#!  \t \necho\n", 0755);
	show("blank interpreter", try_exec("./blank"));
	make_script("text", "echo hello\n", 0755);
	show("neither script nor ELF", try_exec("./text"));
	need("mkdir", mkdir("dir", 0755) == 0);
	snprintf(text, sizeof(text), "#!%s/dir\n", cwd);
	make_script("dirinterp", text, 0755);
	show("directory as interpreter", try_exec("./dirinterp"));
	snprintf(text, sizeof(text), "#!%s/noexec\n", cwd);
	make_script("noexecinterp", text, 0755);
	show("interpreter without x", try_exec("./noexecinterp"));
	snprintf(text, sizeof(text), "#!%s/loop\n", cwd);
	make_script("loop", text, 0755);
	show("its own interpreter", try_exec("./loop"));

	snprintf(text, sizeof(text), "#!%s " MARK " \t\n", self);
	make_script("s1", text, 0755);
	snprintf(text, sizeof(text), "#! %s/s1 two\n", cwd);
	make_script("s2", text, 0755);
	char *const args[] = { "ignored-argv0", "three", "four", NULL };
	fflush(stdout);
	execve("./s2", args, environ);
	printf("execve s2: %s\n", errname(errno));
	return 1;
}
