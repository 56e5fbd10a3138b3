// SPDX-License-Identifier: MIT
/*
 * Sorted symbol tables from System.map or ELF symbols (symtab.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"
#include "symtab.h"

#define SYMTAB_MAX_DISTANCE	(1ULL << 20)

static int sym_cmp(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->name, y->name);	/* deterministic among aliases */
}

int symtab_from_elf(struct symtab *t, const struct elf_file *ef)
{
	*t = (struct symtab){ 0 };
	t->v = malloc((ef->sym_count + 1) * sizeof(*t->v));
	if (!t->v)
		return -1;
	for (uint64_t i = 0; i < ef->sym_count; i++) {
		const char *name;
		uint64_t value;
		unsigned type;
		int defined;

		/* STT_NOTYPE, STT_OBJECT, STT_FUNC; a function names its
		 * address rather than a linker-script label at the same place
		 * (__lock_text_start, __cpuidle_text_end...) */
		if (elf_symbol(ef, i, &name, &value, &type, &defined) || !name || !name[0] ||
		    !defined || type > 2)
			continue;
		t->v[t->n++] = (struct sym){ value, name, 2 - type };
	}
	qsort(t->v, t->n, sizeof(*t->v), sym_cmp);
	return 0;
}

static char *slurp(const char *path, char *err, size_t n)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	long len;

	if (!f) {
		snprintf(err, n, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc((size_t)len + 1)) || fread(buf, 1, (size_t)len, f) != (size_t)len) {
		snprintf(err, n, "%s: cannot read", path);
		free(buf);
		buf = NULL;
	} else {
		buf[len] = 0;
	}
	fclose(f);
	return buf;
}

int symtab_from_map(struct symtab *t, const char *path, char *err, size_t n)
{
	size_t cap = 0, lines = 0;
	char *line, *next;

	*t = (struct symtab){ 0 };
	if (!(t->text = slurp(path, err, n)))
		return -1;
	for (line = t->text; *line; line = next) {
		char *end, *name, type;
		unsigned long long v;

		next = strchr(line, '\n');
		next = next ? (*next = 0, next + 1) : line + strlen(line);
		lines++;
		if (line[0] == ' ')	/* nm's undefined symbols: no value */
			continue;
		errno = 0;
		v = strtoull(line, &end, 16);
		if (errno || end == line || end[0] != ' ' || !end[1] || end[2] != ' ' || !end[3])
			goto bad;
		type = end[1];
		name = end + 3;
		if (type == 'a' || type == 'A' || type == 'U' || type == 'w' || type == 'v')
			continue;
		if (t->n == cap) {
			struct sym *nv = realloc(t->v, (cap = cap ? 2 * cap : 4096) * sizeof(*nv));

			if (!nv) {
				snprintf(err, n, "%s: out of memory", path);
				goto fail;
			}
			t->v = nv;
		}
		/* no types in a map: labels such as __lock_text_start are
		 * the "__" names, ranked after the others */
		t->v[t->n++] = (struct sym){ v, name, name[0] == '_' && name[1] == '_' };
	}
	if (!t->n) {
		snprintf(err, n, "%s: no symbols", path);
		goto fail;
	}
	qsort(t->v, t->n, sizeof(*t->v), sym_cmp);
	return 0;
bad:
	snprintf(err, n, "%s:%zu: not a System.map line (\"<hex> <type> <name>\")", path, lines);
fail:
	symtab_free(t);
	return -1;
}

void symtab_free(struct symtab *t)
{
	free(t->v);
	free(t->text);
	*t = (struct symtab){ 0 };
}

/* Index of the last entry with value <= addr, or -1. */
static long floor_index(const struct symtab *t, uint64_t addr)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].value <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo)
		return -1;
	/* the first of several aliases at that address, as nm sorts them */
	while (lo > 1 && t->v[lo - 2].value == t->v[lo - 1].value)
		lo--;
	return (long)lo - 1;
}

long symtab_index(const struct symtab *t, uint64_t addr)
{
	long i = t ? floor_index(t, addr) : -1;

	return i < 0 || addr - t->v[i].value > SYMTAB_MAX_DISTANCE ? -1 : i;
}

const char *symtab_at(const struct symtab *t, uint64_t addr, uint64_t *off)
{
	long i = symtab_index(t, addr);

	if (i < 0)
		return NULL;
	if (off)
		*off = addr - t->v[i].value;
	return t->v[i].name;
}

int symtab_find(const struct symtab *t, const char *name, uint64_t *value)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].name, name)) {
			*value = t->v[i].value;
			return 0;
		}
	return -1;
}

uint64_t symtab_next(const struct symtab *t, uint64_t addr)
{
	long i = floor_index(t, addr);

	for (size_t j = (size_t)(i + 1); j < t->n; j++)
		if (t->v[j].value > addr)
			return t->v[j].value;
	return UINT64_MAX;
}
