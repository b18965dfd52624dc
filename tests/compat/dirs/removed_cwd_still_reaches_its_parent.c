/*
 * A removed working directory: getcwd, getdents64 and new names in it are
 * ENOENT, while ".." still reaches its old parent, even once that parent
 * is removed too, and from there the way back to a live directory.
 */
#include "../compat.h"

static ino_t ino_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_ino : 0;
}

int main(void)
{
	char top[256], got[256], dents[256];
	ino_t a_ino;

	scratch_enter();
	need("getcwd", getcwd(top, sizeof(top)) != NULL);
	need("mkdir a", mkdir("a", 0755) == 0);
	need("mkdir a/b", mkdir("a/b", 0755) == 0);
	a_ino = ino_of("a");
	need("chdir a/b", chdir("a/b") == 0);
	show("rmdir ../b (the cwd)", rmdir("../b"));
	show("getcwd", getcwd(got, sizeof(got)) ? 0 : -1);
	int dot = open(".", O_RDONLY | O_DIRECTORY);
	show_ok("open .", dot);
	show("getdents64 .", syscall(SYS_getdents64, dot, dents, sizeof(dents)));
	close(dot);
	show("create x", open("x", O_CREAT | O_RDWR, 0644));
	show("mkdir y", mkdir("y", 0755));
	check(".. is the old parent", ino_of("..") == a_ino);
	show("rmdir the parent too", rmdir("../../a"));
	check(".. is still the old parent", ino_of("..") == a_ino);
	show("create ../x", open("../x", O_CREAT | O_RDWR, 0644));
	show("chdir ..", chdir(".."));
	check("now in the old parent", ino_of(".") == a_ino);
	show("chdir .. again", chdir(".."));
	check("back where it started", getcwd(got, sizeof(got)) && !strcmp(got, top));
	return 0;
}
