/* cmdline.c: finds `key=value` words in the kernel command line. */
#include "lib/cmdline.h"
#include "lib/string.h"

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static size_t word_length(const char *p)
{
	size_t n = 0;

	while (p[n] && p[n] != ' ' && p[n] != '\t')
		n++;
	return n;
}

static void copy_value(char *dst, size_t size, const char *src, size_t len)
{
	if (!size)
		return;
	if (len >= size)
		len = size - 1;
	memcpy(dst, src, len);
	dst[len] = 0;
}

static int is_dashes(const char *p, size_t len)
{
	return len == 2 && p[0] == '-' && p[1] == '-';
}

int cmdline_get(const char *cmdline, const char *key, char *value, size_t size)
{
	size_t key_len = strlen(key);
	int found = 0;

	for (const char *p = skip_spaces(cmdline); *p; p = skip_spaces(p)) {
		size_t len = word_length(p);
		if (is_dashes(p, len))
			break;
		if (len >= key_len && !strncmp(p, key, key_len)) {
			if (len == key_len) {
				copy_value(value, size, p, 0);
				found = 1;
			} else if (p[key_len] == '=') {
				copy_value(value, size, p + key_len + 1, len - key_len - 1);
				found = 1;
			}
		}
		p += len;
	}
	return found;
}

const char *cmdline_after_dashes(const char *cmdline)
{
	for (const char *p = skip_spaces(cmdline); *p; p = skip_spaces(p)) {
		size_t len = word_length(p);
		if (is_dashes(p, len))
			return p + len;
		p += len;
	}
	return NULL;
}
