/* exec_fixture.h: reading the test fixtures built by exec/exec.mk. */
#ifndef UX_TEST_EXEC_FIXTURE_H
#define UX_TEST_EXEC_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

struct fixture {
	char *data;
	size_t size;
};

/* Reads $EXEC_FIXTURES/name whole; exits on failure (a build problem). */
static inline struct fixture fixture_read(const char *name)
{
	char path[512];
	struct fixture f = { 0 };

	snprintf(path, sizeof(path), "%s/%s", EXEC_FIXTURES, name);
	FILE *fp = fopen(path, "rb");
	if (!fp || fseek(fp, 0, SEEK_END) || (f.size = ftell(fp)) == 0 ||
	    fseek(fp, 0, SEEK_SET) || !(f.data = malloc(f.size)) ||
	    fread(f.data, 1, f.size, fp) != f.size) {
		fprintf(stderr, "cannot read fixture %s\n", path);
		exit(2);
	}
	fclose(fp);
	return f;
}

#endif
