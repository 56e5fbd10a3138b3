/* SPDX-License-Identifier: MIT */
/*
 * Address -> symbol lookups for the debugging aids (fatal-stop dump,
 * interruption and instruction traces, the printk-ring dump, `dis`).
 * Built once from a System.map or from the ELF symbol table and kept
 * sorted, so a lookup is a binary search: an instruction trace asks for
 * every slot it prints.
 */
#ifndef EMU_SYMTAB_H
#define EMU_SYMTAB_H

#include <stddef.h>
#include <stdint.h>

struct elf_file;

struct sym {
	uint64_t value;
	const char *name;
	unsigned rank;		/* among aliases, the lowest rank names the address */
};

struct symtab {
	struct sym *v;		/* sorted by value */
	size_t n;
	char *text;		/* System.map contents the names point into */
};

/* Function, object and untyped symbols of ef (names stay in ef's data,
 * so ef must outlive the table).  0, or -1 when out of memory. */
int symtab_from_elf(struct symtab *t, const struct elf_file *ef);

/* "<hex> <type> <name>" lines of a System.map; absolute and undefined
 * symbols are skipped.  0, or -1 with a message in err. */
int symtab_from_map(struct symtab *t, const char *path, char *err, size_t n);

void symtab_free(struct symtab *t);

/* Nearest symbol at or below addr, NULL when addr lies before the first
 * symbol or implausibly far (> 1 MB) past the nearest one. */
const char *symtab_at(const struct symtab *t, uint64_t addr, uint64_t *off);

/* Index into t->v of the symbol symtab_at() would name, or -1. */
long symtab_index(const struct symtab *t, uint64_t addr);

/* Value of the first symbol called name: 0, or -1 when absent. */
int symtab_find(const struct symtab *t, const char *name, uint64_t *value);

/* Smallest symbol value above addr, UINT64_MAX when none. */
uint64_t symtab_next(const struct symtab *t, uint64_t addr);

#endif
